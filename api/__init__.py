"""The HTTP layer: the app factory and nothing at import time."""

from __future__ import annotations

from flask import Flask, Response

from api.config import Config
from api.problems import ProblemApi, register_domain_errors
from api.registry import init_registry
from api.requests import register_request_hooks

API_TITLE = "Crosscheck"
API_VERSION = "1.0.0"


def create_app(config: Config | None = None) -> Flask:
    """Build a Crosscheck app; models load on first use unless the config asks otherwise."""
    config = config or Config.from_env()
    app = Flask(__name__)
    app.config.update(_flask_settings(config))
    registry = init_registry(app, config)
    register_request_hooks(app)
    api = ProblemApi(app, spec_kwargs={"info": {"description": _DESCRIPTION}})
    register_domain_errors(app)
    _register_blueprints(api)
    _register_spec_route(app, api)
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


def _register_blueprints(api: ProblemApi) -> None:
    from api import articles, checks, health

    for module in (articles, checks, health):
        api.register_blueprint(module.blp)


SPEC_EXTENSION_KEY = "crosscheck.api"


def _register_spec_route(app: Flask, api: ProblemApi) -> None:
    app.extensions[SPEC_EXTENSION_KEY] = api

    @app.get("/openapi.yaml")
    def openapi_yaml() -> Response:
        return Response(spec_yaml(app), mimetype="application/yaml")


def spec_yaml(app: Flask) -> str:
    """The OpenAPI document generated from the app's schemas and routes."""
    text: str = app.extensions[SPEC_EXTENSION_KEY].spec.to_yaml()
    return text


_DESCRIPTION = (
    "Fact-consistency checks for newsrooms: every factual claim of an article matched to the "
    "closest claims of other articles about the same event, flagged as agreeing or diverging, "
    "with the reasons (number, date, entity, negation, modality, quantifier, attribution, quote)."
)
