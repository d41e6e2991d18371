"""The app factory: the Flask app with its routes, limits, auth and registry."""

from __future__ import annotations

import logging

from flask import Flask

from api.auth import init_auth, load_keyring
from api.config import Config
from api.cors import init_cors
from api.editor import init_editor
from api.limits import init_limiter, limit_bulk_writes
from api.problems import ProblemApi, register_domain_errors
from api.registry import init_registry
from api.requests import register_request_ids, require_json_bodies
from api.spec import register_spec, spec_kwargs

API_TITLE = "Crosscheck"
API_VERSION = "1.0.0"
log = logging.getLogger(__name__)


def create_app(config: Config | None = None) -> Flask:
    """Build a Crosscheck app; models load on first use unless the config asks otherwise.

    Before each request, in order: request id, rate limit, API key, JSON body check.
    """
    config = config or Config.from_env()
    keyring = load_keyring(config.api_keys, config.api_keys_file)
    app = Flask("api")
    app.config.update(_flask_settings(config))
    registry = init_registry(app, config)
    register_request_ids(app)
    limiter = init_limiter(app, config)
    init_auth(app, keyring)
    require_json_bodies(app)
    init_cors(app, config.cors_origins)
    api = ProblemApi(app, spec_kwargs=spec_kwargs(_DESCRIPTION))
    register_domain_errors(app)
    _register_blueprints(app, api)
    limit_bulk_writes(limiter, config)
    register_spec(app, api)
    init_editor(app, config)
    log.info(
        "app created",
        extra={
            "auth": f"{len(keyring)} API keys" if keyring.enabled else "OPEN: no API keys",
            "rate_limit": config.rate_limit,
            "cors_origins": list(config.cors_origins),
        },
    )
    if config.load_models_eagerly:
        registry.load_all()
    return app


def _flask_settings(config: Config) -> dict[str, object]:
    return {
        "API_TITLE": API_TITLE,
        "API_VERSION": API_VERSION,
        "OPENAPI_VERSION": "3.1.0",
        "MAX_CONTENT_LENGTH": config.max_body_bytes,
        "JSON_SORT_KEYS": False,
    }


def _register_blueprints(app: Flask, api: ProblemApi) -> None:
    from api import articles, bulk, checks, docs, health, jobs

    for module in (articles, bulk, checks, health, jobs):
        api.register_blueprint(module.blp)
    app.register_blueprint(docs.blp)


_DESCRIPTION = (
    "Fact-consistency checks for newsrooms: every factual claim of an article matched to the "
    "closest claims of other articles about the same event, flagged as agreeing or diverging, "
    "with the reasons (number, date, entity, negation, modality, quantifier, attribution, quote)."
)
