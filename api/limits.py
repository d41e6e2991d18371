"""Rate limits per API key (or per client address when no key is sent), via flask-limiter.

Counters live in memory by default, or in Redis when ``CROSSCHECK_RATE_LIMIT_STORAGE_URI`` is a
``redis://`` URI. A breach raises flask-limiter's ``RateLimitExceeded`` (a 429), which leaves
through the one problem path; flask-limiter adds ``Retry-After`` and the ``X-RateLimit-*``
headers. Its ``Retry-After`` is kept on 429s only: a 503 keeps its own. ``/v1/health`` and
everything outside ``/v1`` (spec, docs) are not limited.
"""

from __future__ import annotations

from flask import Flask, Response, g, request
from flask_limiter import Limiter

from api.auth import OPEN_PATHS, current_key
from api.config import Config


def init_limiter(app: Flask, config: Config) -> Limiter:
    app.after_request(_keep_own_retry_after)  # registered first, so it runs after the limiter's
    limiter = Limiter(
        rate_limit_key,
        default_limits=[config.rate_limit],
        storage_uri=config.rate_limit_storage_uri,
        headers_enabled=True,
        in_memory_fallback_enabled=not config.rate_limit_storage_uri.startswith("memory"),
    )
    limiter.request_filter(_exempt)
    limiter.init_app(app)
    return limiter


def rate_limit_key() -> str:
    """The bucket of a request: its API key's fingerprint, else the client's address."""
    key = current_key()
    if key is not None:
        return f"key:{key.fingerprint}"
    return f"addr:{request.remote_addr or 'unknown'}"


def _keep_own_retry_after(response: Response) -> Response:
    """flask-limiter stamps every limited response with ``Retry-After`` set to the end of the
    rate window (or later). Only a 429 means that; any other response keeps the value it was
    built with (a 503's own, stored in ``g.retry_after`` by the problem builder) or none."""
    if response.status_code == 429:
        return response
    own = g.get("retry_after")
    if own is None:
        response.headers.pop("Retry-After", None)
    else:
        response.headers["Retry-After"] = own
    return response


def _exempt() -> bool:
    return not request.path.startswith("/v1/") or request.path in OPEN_PATHS


def limit_bulk_writes(limiter: Limiter, config: Config) -> None:
    """``POST /v1/articles/bulk`` has its own limit (``CROSSCHECK_BULK_RATE_LIMIT``, per key)
    in place of the default one: one bulk call carries up to ``bulk_max_articles`` articles."""
    from api import bulk

    limiter.limit(config.bulk_rate_limit)(bulk.blp)
