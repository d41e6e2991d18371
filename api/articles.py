"""/v1/articles: index, list, read and delete articles."""

from __future__ import annotations

import base64
import binascii
from typing import Any

import marshmallow as ma
from flask.views import MethodView
from flask_smorest import abort

from api.bodies import Blueprint
from api.registry import current_service
from api.schemas import (
    ArticleInSchema,
    ArticleListQuerySchema,
    ArticleOutSchema,
    ArticlePageSchema,
    ClaimSchema,
)
from crosscheck.service import ArticleInput
from storage import StoredArticle

blp = Blueprint("articles", __name__, url_prefix="/v1/articles", description="The indexed corpus")


class StoredClaimSchema(ClaimSchema):
    id = ma.fields.String(required=True, attribute="public_id")


class StoredArticleSchema(ArticleOutSchema):
    claims = ma.fields.List(ma.fields.Nested(StoredClaimSchema), required=True)


@blp.route("")
class Articles(MethodView):
    @blp.arguments(ArticleListQuerySchema, location="query")
    @blp.response(200, ArticlePageSchema)
    def get(self, query: dict[str, Any]) -> dict[str, Any]:
        """List indexed articles, oldest first, a page at a time."""
        articles, last = current_service().list_articles(
            query["limit"], decode_cursor(query.get("cursor"))
        )
        return {"articles": articles, "next_cursor": encode_cursor(last)}

    @blp.arguments(ArticleInSchema)
    @blp.response(201, StoredArticleSchema, description="The article was added")
    @blp.alt_response(
        200, schema=StoredArticleSchema, description="An article with this id was replaced"
    )
    def post(self, article: dict[str, Any]) -> tuple[StoredArticle, int]:
        """Index an article: clean it, split it into claims and add them to the corpus."""
        stored, created = current_service().index_article(ArticleInput(**article))
        return stored, 201 if created else 200


@blp.route("/<string:article_id>")
class ArticleById(MethodView):
    @blp.etag
    @blp.response(200, StoredArticleSchema)
    def get(self, article_id: str) -> StoredArticle:
        """Read one article with its claims (supports If-None-Match)."""
        return current_service().get_article(article_id)

    @blp.response(204)
    def delete(self, article_id: str) -> None:
        """Delete an article; its claims leave the index."""
        current_service().delete_article(article_id)


def encode_cursor(position: int | None) -> str | None:
    if position is None:
        return None
    return base64.urlsafe_b64encode(f"after:{position}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str | None) -> int:
    if not cursor:
        return 0
    try:
        decoded = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        prefix, _, position = decoded.partition(":")
        if prefix != "after" or not position.isdecimal() or len(position) > 18:
            raise ValueError(cursor)
        return int(position)
    except (ValueError, binascii.Error, UnicodeDecodeError):
        abort(422, messages={"query": {"cursor": ["Not a cursor returned by this API."]}})
        raise
