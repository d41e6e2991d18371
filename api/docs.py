"""``GET /docs``: Swagger UI over ``/openapi.yaml``, served from files installed with the
``flask-swagger-ui`` package and this one; the page loads nothing from another host."""

from __future__ import annotations

from pathlib import Path

import flask_swagger_ui
from flask import Blueprint, Response, send_from_directory, url_for
from markupsafe import escape

SWAGGER_UI_DIST = Path(flask_swagger_ui.__file__).resolve().parent / "dist"
STATIC = Path(__file__).resolve().parent / "static"
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
    "script-src 'self'; frame-ancestors 'none'"
)

blp = Blueprint("docs", __name__)


@blp.get("/docs")
def docs() -> Response:
    page = _PAGE.format(
        css=escape(url_for("docs.swagger_ui", filename="swagger-ui.css")),
        icon=escape(url_for("docs.swagger_ui", filename="favicon-32x32.png")),
        bundle=escape(url_for("docs.swagger_ui", filename="swagger-ui-bundle.js")),
        init=escape(url_for("docs.own_static", filename="docs.js")),
        spec=escape(url_for("openapi_yaml")),
    )
    response = Response(page, mimetype="text/html")
    response.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
    return response


@blp.get("/docs/swagger-ui/<path:filename>")
def swagger_ui(filename: str) -> Response:
    return send_from_directory(SWAGGER_UI_DIST, filename, max_age=86400)


@blp.get("/docs/static/<path:filename>")
def own_static(filename: str) -> Response:
    return send_from_directory(STATIC, filename, max_age=3600)


_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Crosscheck API reference</title>
  <link rel="stylesheet" href="{css}">
  <link rel="icon" type="image/png" href="{icon}">
</head>
<body>
  <div id="swagger-ui" data-spec-url="{spec}"></div>
  <script src="{bundle}"></script>
  <script src="{init}"></script>
</body>
</html>
"""
