"""CORS for the CMS origins in ``CROSSCHECK_CORS_ORIGINS`` only; off when the list is empty."""

from __future__ import annotations

from flask import Flask
from flask_cors import CORS

ALLOWED_HEADERS = ["Authorization", "X-API-Key", "Content-Type", "If-None-Match", "X-Request-ID"]
EXPOSED_HEADERS = ["X-Request-ID", "ETag", "Retry-After"]
METHODS = ["GET", "HEAD", "POST", "DELETE", "OPTIONS"]


def init_cors(app: Flask, origins: tuple[str, ...]) -> None:
    if not origins:
        return
    CORS(
        app,
        resources={r"/v1/*": {"origins": list(origins)}},
        allow_headers=ALLOWED_HEADERS,
        expose_headers=EXPOSED_HEADERS,
        methods=METHODS,
        supports_credentials=False,
        max_age=600,
    )
