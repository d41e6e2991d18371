"""The one error path: every error leaves as RFC 9457 ``application/problem+json``."""

from __future__ import annotations

import logging
from typing import Any

import marshmallow as ma
from flask import Flask, Response, g, json
from flask_smorest import Api
from werkzeug.exceptions import HTTPException, InternalServerError

from crosscheck.errors import ArticleNotFound, CrosscheckError, ResourceUnavailable, TooManyClaims

PROBLEM_MEDIA_TYPE = "application/problem+json"
log = logging.getLogger(__name__)


class ProblemSchema(ma.Schema):
    """An RFC 9457 problem document."""

    type = ma.fields.String(required=True, metadata={"description": "URI naming the problem type"})
    title = ma.fields.String(required=True)
    status = ma.fields.Integer(required=True)
    detail = ma.fields.String(required=True)
    instance = ma.fields.String()
    request_id = ma.fields.String()
    errors = ma.fields.Dict(
        keys=ma.fields.String(),
        metadata={"description": "For validation failures: each bad field and what is wrong"},
    )
    limit = ma.fields.Integer(metadata={"description": "The limit that was exceeded"})


def problem(
    status: int,
    title: str,
    detail: str,
    *,
    kind: str = "about:blank",
    headers: dict[str, str] | None = None,
    **extensions: Any,
) -> Response:
    body: dict[str, Any] = {"type": kind, "title": title, "status": status, "detail": detail}
    request_id = g.get("request_id")
    if request_id:
        body["request_id"] = request_id
    body.update({key: value for key, value in extensions.items() if value is not None})
    response = Response(json.dumps(body), status=status, mimetype=PROBLEM_MEDIA_TYPE)
    response.headers.update(headers or {})
    return response


def problem_type(slug: str) -> str:
    return f"urn:crosscheck:problem:{slug}"


class ProblemApi(Api):  # type: ignore[misc]
    """flask-smorest's Api with its error payload replaced by problem documents."""

    ERROR_SCHEMA = ProblemSchema

    def handle_http_exception(self, error: HTTPException) -> Response:
        status = error.code or 500
        if isinstance(error, InternalServerError) or status >= 500:
            return _internal_error(error)
        data = getattr(error, "data", None) or {}
        headers = dict(data.get("headers") or {})
        messages = data.get("messages")
        if status == 422 and messages:
            return problem(
                422,
                "Invalid request",
                "One or more fields are missing or invalid.",
                kind=problem_type("validation-error"),
                errors=_flatten_locations(messages),
            )
        if status == 400 and messages:
            return problem(
                400, "Malformed request body", "The request body is not valid JSON.",
                kind=problem_type("malformed-json"),
            )
        return problem(
            status,
            error.name,
            data.get("message") or error.description or error.name,
            headers=headers,
        )


def register_domain_errors(app: Flask) -> None:
    @app.errorhandler(ArticleNotFound)
    def not_found(error: ArticleNotFound) -> Response:
        return problem(404, "Article not found", str(error), kind=problem_type("article-not-found"))

    @app.errorhandler(TooManyClaims)
    def too_many_claims(error: TooManyClaims) -> Response:
        return problem(
            422,
            "Article too long",
            str(error),
            kind=problem_type("too-many-claims"),
            errors={"article": [str(error)]},
            limit=error.limit,
        )

    @app.errorhandler(ResourceUnavailable)
    def unavailable(error: ResourceUnavailable) -> Response:
        log.error("resource unavailable: %s", error)
        return problem(
            503, "Service unavailable", "A model or index could not be loaded.",
            kind=problem_type("unavailable"),
        )

    @app.errorhandler(CrosscheckError)
    def domain_error(error: CrosscheckError) -> Response:
        return problem(422, "Request cannot be processed", str(error))

    @app.errorhandler(Exception)
    def unexpected(error: Exception) -> Response:
        return _internal_error(error)


def _internal_error(error: BaseException) -> Response:
    original = getattr(error, "original_exception", None) or error
    log.error("unexpected error", exc_info=(type(original), original, original.__traceback__))
    return problem(
        500,
        "Internal server error",
        "The server failed to process the request; quote the request id when reporting it.",
    )


def _flatten_locations(messages: dict[str, Any]) -> dict[str, Any]:
    """webargs nests errors by location (json, query); callers want them by field."""
    flat: dict[str, Any] = {}
    for location, fields in messages.items():
        if isinstance(fields, dict):
            flat.update(fields)
        else:
            flat[location] = fields
    return flat
