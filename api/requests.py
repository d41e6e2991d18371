"""Per-request plumbing: request ids, JSON-only bodies, access logs."""

from __future__ import annotations

import logging
import re
import time
import uuid

from flask import Flask, Response, g, request

from api.problems import problem, problem_type

REQUEST_ID_HEADER = "X-Request-ID"
_VALID_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")
_BODY_METHODS = {"POST", "PUT", "PATCH"}
log = logging.getLogger("crosscheck.access")


def register_request_ids(app: Flask) -> None:
    """First before and last after every request: the request id, timing and access log."""
    app.before_request(_assign_request_id)
    app.after_request(_finish)


def require_json_bodies(app: Flask) -> None:
    """415 for a POST/PUT/PATCH body that is not JSON (registered after the key check)."""
    app.before_request(_require_json_body)


def _assign_request_id() -> None:
    given = request.headers.get(REQUEST_ID_HEADER, "")
    g.request_id = given if _VALID_REQUEST_ID.match(given) else uuid.uuid4().hex
    g.started = time.perf_counter()


def _require_json_body() -> Response | None:
    if request.method not in _BODY_METHODS or request.routing_exception is not None:
        return None  # no body to read, or a 404/405 to give instead
    mimetype = request.mimetype or ""
    if mimetype == "application/json" or (
        mimetype.startswith("application/") and mimetype.endswith("+json")
    ):
        return None
    return problem(
        415,
        "Unsupported media type",
        f"Send the body as application/json, not {mimetype or 'no content type'}.",
        kind=problem_type("unsupported-media-type"),
    )


def _finish(response: Response) -> Response:
    response.headers[REQUEST_ID_HEADER] = g.get("request_id", "")
    started = g.get("started")
    elapsed_ms = round((time.perf_counter() - started) * 1000, 1) if started else None
    log.info(
        "request",
        extra={
            "request_id": g.get("request_id"),
            "method": request.method,
            "path": request.path,
            "status": response.status_code,
            "elapsed_ms": elapsed_ms,
        },
    )
    return response
