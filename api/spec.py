"""The OpenAPI document: generated from the schemas and views, plus what no view declares
(the security schemes and the error responses every route can give), served as YAML.

The document is the same whatever the configuration, so the committed ``openapi.yaml`` does
not depend on the environment: it always declares the keys, which a server without keys
configured simply does not ask for.
"""

from __future__ import annotations

import copy
from typing import Any

from apispec import BasePlugin
from flask import Flask, Response

from api.auth import OPEN_PATHS, READ_ONLY_POSTS

SPEC_EXTENSION_KEY = "crosscheck.api"
SECURITY_SCHEMES: dict[str, dict[str, Any]] = {
    "bearerAuth": {
        "type": "http",
        "scheme": "bearer",
        "description": "An API key sent as `Authorization: Bearer <key>`",
    },
    "apiKeyHeader": {
        "type": "apiKey",
        "in": "header",
        "name": "X-API-Key",
        "description": "The same API key sent as `X-API-Key: <key>`",
    },
}
SECURITY: list[dict[str, list[str]]] = [{"bearerAuth": []}, {"apiKeyHeader": []}]
_BODY_METHODS = ("post", "put", "patch")
_WRITE_METHODS = ("post", "put", "patch", "delete")


class CrosscheckSpecPlugin(BasePlugin):
    """Adds what marshmallow cannot say: each operation's problem responses (the request
    plumbing can give them before any view runs) and a schema's ``JSON_SCHEMA_EXTRA``
    (rules across fields, such as "exactly one of text and html")."""

    def schema_helper(self, name: str, definition: dict[str, Any], **kwargs: Any) -> Any:
        schema = kwargs.get("schema")
        schema_class = schema if isinstance(schema, type) else type(schema)
        extra: dict[str, Any] | None = getattr(schema_class, "JSON_SCHEMA_EXTRA", None)
        return copy.deepcopy(extra) if extra else None

    def operation_helper(
        self, path: str | None = None, operations: dict[str, Any] | None = None, **_: Any
    ) -> None:
        for method, operation in (operations or {}).items():
            responses = operation.setdefault("responses", {})
            for status, name in _problems_for(path or "", method):
                responses.setdefault(status, name)
            if path in OPEN_PATHS:
                operation["security"] = []


def _problems_for(path: str, method: str) -> list[tuple[str, str]]:
    problems: list[tuple[str, str]] = []
    if method in _BODY_METHODS:
        problems += [
            ("400", "BAD_REQUEST"),
            ("413", "REQUEST_ENTITY_TOO_LARGE"),
            ("415", "UNSUPPORTED_MEDIA_TYPE"),
        ]
    if path.startswith("/v1/") and path not in OPEN_PATHS:
        problems.append(("401", "UNAUTHORIZED"))
        if method in _WRITE_METHODS:
            problems.append(("403", "FORBIDDEN"))
        problems.append(("429", "TOO_MANY_REQUESTS"))
    if "{" in path:
        problems.append(("404", "NOT_FOUND"))
    return problems


def spec_kwargs(description: str) -> dict[str, Any]:
    read_posts = " and ".join(f"`POST {path}`" for path in sorted(READ_ONLY_POSTS))
    return {
        "info": {
            "description": description
            + "\n\nWhen the server has API keys configured, every `/v1` route but `/v1/health` "
            "needs one. A `read` key may call GET routes and "
            f"{read_posts} (unless `index` is true); other calls need a `write` key. "
            "Every error is an RFC 9457 `application/problem+json` document."
        },
        "security": SECURITY,
        "extra_plugins": [CrosscheckSpecPlugin()],
    }


def register_spec(app: Flask, api: Any) -> None:
    for name, scheme in SECURITY_SCHEMES.items():
        api.spec.components.security_scheme(name, scheme)
    app.extensions[SPEC_EXTENSION_KEY] = api

    @app.get("/openapi.yaml")
    def openapi_yaml() -> Response:
        return Response(spec_yaml(app), mimetype="application/yaml")


def spec_yaml(app: Flask) -> str:
    """The OpenAPI document generated from the app's schemas and routes."""
    text: str = app.extensions[SPEC_EXTENSION_KEY].spec.to_yaml()
    return text
