from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from api import create_app
from api.config import TestConfig

STORM_REPORT = (
    "Storm Leaves Thousands Without Power\n\n"
    "More than 40,000 homes lost power on Tuesday after a storm crossed the coast, "
    "the utility said. "
    "Crews expect to restore service to most customers by Thursday.\n\n"
    "The mayor said schools will stay closed for two days."
)
RIVAL_STORM_REPORT = (
    "Coastal Storm Knocks Out Power\n\n"
    "About 25,000 homes lost power on Tuesday after a storm crossed the coast, the utility said. "
    "The mayor said schools will stay closed for two days.\n\n"
    "A bridge on the northern road was closed for inspection by state engineers."
)

ArticleFactory = Callable[..., dict[str, Any]]
AppFactory = Callable[..., Flask]


@pytest.fixture
def make_app(tmp_path: Path) -> Iterator[AppFactory]:
    """Apps on the test settings with some changed (keys, limits, origins...), closed after."""
    built: list[Flask] = []

    def build(**changes: Any) -> Flask:
        config = TestConfig(data_dir=tmp_path / f"data{len(built)}").with_changes(**changes)
        app = create_app(config)
        app.config["TESTING"] = True
        built.append(app)
        return app

    yield build
    for app in built:
        app.extensions["crosscheck"].close()


@pytest.fixture
def make_article() -> ArticleFactory:
    def build(article_id: str, text: str = STORM_REPORT, **extra: Any) -> dict[str, Any]:
        payload = {
            "id": article_id,
            "source": f"Outlet {article_id}",
            "published_at": "2026-03-03",
            "text": text,
        }
        payload.update(extra)
        return payload

    return build


@pytest.fixture
def storm_reports() -> tuple[str, str]:
    return STORM_REPORT, RIVAL_STORM_REPORT


@pytest.fixture
def indexed(client: FlaskClient, make_article: ArticleFactory) -> FlaskClient:
    for payload in (make_article("one", STORM_REPORT), make_article("two", RIVAL_STORM_REPORT)):
        response = client.post("/v1/articles", json=payload)
        assert response.status_code == 201, response.get_json()
    return client
