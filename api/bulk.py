"""/v1/articles/bulk: index many articles in one call, with a result for each.

Each article is validated as for ``POST /v1/articles`` and stored whole or not at all; one
bad article is reported in its own result and does not stop the others. The claims of all
accepted articles are encoded together (the service's batched ingest path). Bulk writes
have their own rate limit (``CROSSCHECK_BULK_RATE_LIMIT``) instead of the default one.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import marshmallow as ma
from flask.views import MethodView
from flask_smorest import abort
from marshmallow import validate

from api.bodies import Blueprint
from api.config import DEFAULT_BULK_MAX_ARTICLES
from api.problems import problem_type
from api.registry import current_registry, current_service
from api.schemas import ArticleInSchema, StrictSchema
from crosscheck.errors import CrosscheckError, TooManyClaims
from crosscheck.service import ArticleInput, IndexResult

blp = Blueprint(
    "bulk", __name__, url_prefix="/v1/articles", description="Indexing many articles at once"
)

RESULT_STATUSES = ["created", "updated", "unchanged", "rejected"]


class BulkInSchema(StrictSchema):
    articles = ma.fields.List(
        ma.fields.Dict(),
        required=True,
        validate=validate.Length(min=1, max=DEFAULT_BULK_MAX_ARTICLES),
        metadata={
            "description": "Article objects as for `POST /v1/articles`, each validated on its "
            f"own; at most {DEFAULT_BULK_MAX_ARTICLES} by default (`CROSSCHECK_BULK_MAX_ARTICLES`)"
        },
    )


class ItemProblemSchema(ma.Schema):
    type = ma.fields.String(required=True)
    title = ma.fields.String(required=True)
    status = ma.fields.Integer(required=True)
    detail = ma.fields.String(required=True)
    errors = ma.fields.Dict(keys=ma.fields.String())
    limit = ma.fields.Integer()


class BulkResultSchema(ma.Schema):
    index = ma.fields.Integer(
        required=True, metadata={"description": "Position of the article in the request"}
    )
    id = ma.fields.String(
        allow_none=True, required=True, metadata={"description": "null when the id was invalid"}
    )
    status = ma.fields.String(
        required=True,
        validate=validate.OneOf(RESULT_STATUSES),
        metadata={
            "description": "created or updated; unchanged: stored already with the same content "
            "(skipped); rejected: nothing of it was stored, `problem` says why"
        },
    )
    revision = ma.fields.Integer(metadata={"description": "For a stored article"})
    claims = ma.fields.Integer(metadata={"description": "For a stored article: its claim count"})
    problem = ma.fields.Nested(ItemProblemSchema)


class BulkSummarySchema(ma.Schema):
    created = ma.fields.Integer(required=True)
    updated = ma.fields.Integer(required=True)
    unchanged = ma.fields.Integer(required=True)
    rejected = ma.fields.Integer(required=True)


class BulkOutSchema(ma.Schema):
    results = ma.fields.List(ma.fields.Nested(BulkResultSchema), required=True)
    summary = ma.fields.Nested(BulkSummarySchema, required=True)


@blp.route("/bulk")
class BulkArticles(MethodView):
    @blp.arguments(BulkInSchema)
    @blp.response(200, BulkOutSchema)
    def post(self, payload: dict[str, Any]) -> dict[str, Any]:
        """Index many articles: each is validated and stored (or replaced) whole or not at
        all, and gets its own result. An article already stored with the same id and content
        is `unchanged`. Needs a `write` key; limited by `CROSSCHECK_BULK_RATE_LIMIT`."""
        raw = payload["articles"]
        most = current_registry().config.bulk_max_articles
        if len(raw) > most:
            abort(422, messages={"json": {"articles": [f"At most {most} articles per request."]}})
        results = index_in_bulk(raw)
        summary = {status: 0 for status in RESULT_STATUSES}
        for result in results:
            summary[result["status"]] += 1
        return {"results": results, "summary": summary}


def index_in_bulk(raw: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Validate each article, index the valid ones in one batch, one result per article."""
    results: dict[int, dict[str, Any]] = {}
    accepted: dict[int, ArticleInput] = {}
    seen_ids: set[str] = set()
    for position, item in enumerate(raw):
        try:
            article = ArticleInput(**ArticleInSchema().load(item))
        except ma.ValidationError as error:
            results[position] = _rejected(position, item.get("id"), _invalid(error))
            continue
        if article.id is not None and article.id in seen_ids:
            results[position] = _rejected(position, article.id, _repeated(article.id))
            continue
        seen_ids.update([article.id] if article.id else [])
        accepted[position] = article
    indexed = current_service().index_articles(list(accepted.values()))
    for position, outcome in zip(accepted, indexed, strict=True):
        results[position] = _result(position, outcome)
    return [results[position] for position in range(len(raw))]


def _result(position: int, outcome: IndexResult) -> dict[str, Any]:
    if outcome.status == "rejected":
        assert outcome.error is not None
        return _rejected(position, outcome.article_id, _refused(outcome.error))
    result: dict[str, Any] = {"index": position, "id": outcome.article_id, "status": outcome.status}
    if outcome.article is not None:
        result["revision"] = outcome.article.revision
        result["claims"] = len(outcome.article.claims)
    return result


def _rejected(position: int, article_id: Any, problem: dict[str, Any]) -> dict[str, Any]:
    shown = article_id if isinstance(article_id, str) else None
    return {"index": position, "id": shown, "status": "rejected", "problem": problem}


def _invalid(error: ma.ValidationError) -> dict[str, Any]:
    messages = error.messages if isinstance(error.messages, dict) else {"article": error.messages}
    return {
        "type": problem_type("validation-error"),
        "title": "Invalid article",
        "status": 422,
        "detail": "One or more fields are missing or invalid.",
        "errors": messages,
    }


def _repeated(article_id: str) -> dict[str, Any]:
    return {
        "type": problem_type("duplicate-id"),
        "title": "Repeated article id",
        "status": 422,
        "detail": f"The id {article_id!r} appears earlier in this request; send it once.",
        "errors": {"id": ["Repeated in this request."]},
    }


def _refused(error: CrosscheckError) -> dict[str, Any]:
    if isinstance(error, TooManyClaims):
        return {
            "type": problem_type("too-many-claims"),
            "title": "Article too long",
            "status": 422,
            "detail": str(error),
            "errors": {"article": [str(error)]},
            "limit": error.limit,
        }
    return {
        "type": "about:blank",
        "title": "Article cannot be processed",
        "status": 422,
        "detail": str(error),
    }
