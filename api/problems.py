"""The one error path: every error leaves as RFC 9457 ``application/problem+json``."""

from __future__ import annotations

import http
import logging
from typing import Any

import marshmallow as ma
from flask import Flask, Response, current_app, g, json
from flask_limiter import RateLimitExceeded
from flask_smorest import Api
from flask_smorest.utils import prepare_response
from werkzeug.exceptions import (
    HTTPException,
    InternalServerError,
    MethodNotAllowed,
    RequestEntityTooLarge,
)

from crosscheck.errors import ArticleNotFound, CrosscheckError, ResourceUnavailable, TooManyClaims
from jobs import QueueUnavailable
from storage import StoreUnavailable, UnstorableText

PROBLEM_MEDIA_TYPE = "application/problem+json"
QUEUE_RETRY_AFTER_S = 5
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
    if headers and "Retry-After" in headers:
        g.retry_after = headers["Retry-After"]
    return response


def problem_type(slug: str) -> str:
    return f"urn:crosscheck:problem:{slug}"


_GENERIC_TYPES = {
    401: "unauthorized",
    403: "forbidden",
    404: "not-found",
    405: "method-not-allowed",
    413: "body-too-large",
    415: "unsupported-media-type",
    429: "rate-limited",
}
_RESPONSE_HEADERS = {
    401: {
        "WWW-Authenticate": {
            "description": 'Bearer realm="crosscheck"',
            "schema": {"type": "string"},
        }
    },
    405: {"Allow": {"description": "The methods the route accepts", "schema": {"type": "string"}}},
    429: {"Retry-After": {"description": "Seconds to wait", "schema": {"type": "integer"}}},
    503: {"Retry-After": {"description": "Seconds to wait", "schema": {"type": "integer"}}},
}


class ProblemApi(Api):
    """flask-smorest's Api with its error payload replaced by problem documents."""

    ERROR_SCHEMA = ProblemSchema

    def handle_http_exception(self, error: HTTPException) -> Response:
        status = error.code or 500
        if isinstance(error, InternalServerError) or status >= 500:
            return _internal_error(error)
        data = getattr(error, "data", None) or {}
        headers = dict(data.get("headers") or {})
        if isinstance(error, MethodNotAllowed) and error.valid_methods:
            headers["Allow"] = ", ".join(error.valid_methods)
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
                400,
                "Malformed request body",
                "The request body is not valid JSON.",
                kind=problem_type("malformed-json"),
            )
        slug = _GENERIC_TYPES.get(status)
        limit = current_app.config.get("MAX_CONTENT_LENGTH") if status == 413 else None
        return problem(
            status,
            error.name,
            _detail(error, data),
            kind=problem_type(slug) if slug else "about:blank",
            headers=headers,
            limit=limit,
        )

    def _register_responses(self) -> None:
        """Document every error response as ``application/problem+json`` (flask-smorest's
        own version uses the success content type)."""
        for status in http.HTTPStatus:
            response: dict[str, Any] = {"description": status.phrase}
            if status >= 400:
                response["schema"] = self.ERROR_SCHEMA
                if status in _RESPONSE_HEADERS:
                    response["headers"] = _RESPONSE_HEADERS[status]
            prepare_response(response, self.spec, PROBLEM_MEDIA_TYPE)
            self.spec.components.response(status.name, response, lazy=True)
        default = {"description": "Default error response", "schema": self.ERROR_SCHEMA}
        prepare_response(default, self.spec, PROBLEM_MEDIA_TYPE)
        self.spec.components.response("DEFAULT_ERROR", default, lazy=True)


def _detail(error: HTTPException, data: dict[str, Any]) -> str:
    if isinstance(error, RateLimitExceeded):
        return (
            f"Too many requests: the limit is {error.description}; retry after Retry-After seconds."
        )
    if isinstance(error, RequestEntityTooLarge):
        limit = current_app.config.get("MAX_CONTENT_LENGTH")
        return f"The request body is larger than the limit of {limit} bytes."
    message = data.get("message") or error.description or error.name
    return str(message)


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
            503,
            "Service unavailable",
            "A model or index could not be loaded.",
            kind=problem_type("unavailable"),
        )

    @app.errorhandler(QueueUnavailable)
    def queue_unavailable(error: QueueUnavailable) -> Response:
        log.warning("job queue unavailable: %s", error)
        return problem(
            503,
            "Job queue unavailable",
            str(error) if not error.configured else "The job queue does not answer; retry later.",
            kind=problem_type("queue-unavailable"),
            headers={"Retry-After": str(QUEUE_RETRY_AFTER_S)} if error.configured else None,
        )

    @app.errorhandler(StoreUnavailable)
    def store_unavailable(error: StoreUnavailable) -> Response:
        log.error("store unavailable: %s", error)
        return problem(
            503,
            "Database unavailable",
            "The database cannot be reached; nothing was stored. Retry after Retry-After seconds.",
            kind=problem_type("database-unavailable"),
            headers={"Retry-After": str(error.retry_after)},
        )

    @app.errorhandler(UnstorableText)
    def unstorable_text(error: UnstorableText) -> Response:
        return problem(
            422,
            "Invalid request",
            "One or more fields are missing or invalid.",
            kind=problem_type("validation-error"),
            errors={error.field: [str(error)]},
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
