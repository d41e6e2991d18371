"""Stores for the contract tests: one per engine, each on its own fresh database."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from storage import ArticleStore, open_store
from tests.services import postgres_schema

ENGINES = ["sqlite", "postgresql"]


@pytest.fixture(params=ENGINES)
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A URL to an empty database of each engine: a SQLite file, or a PostgreSQL schema of
    its own (dropped afterwards)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'db.sqlite3'}"
        return
    with postgres_schema() as url:
        yield url


@pytest.fixture
def store(store_url: str) -> Iterator[ArticleStore]:
    opened = open_store(store_url)
    yield opened
    opened.close()


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A URL to a PostgreSQL schema of this test's own."""
    with postgres_schema() as url:
        yield url
