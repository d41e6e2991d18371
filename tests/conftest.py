"""Fixtures shared by the whole suite: apps on the fast hashing encoder, and the shared data."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from api import create_app
from api.config import TestConfig
from evaluation.datasets import load_seed_articles

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA = Path(os.environ.get("CROSSCHECK_SHARED_DATA", REPO_ROOT.parent / "shared" / "data"))
SEEDS = SHARED_DATA / "seed-articles"


@pytest.fixture
def app(tmp_path: Path) -> Iterator[Flask]:
    app = create_app(TestConfig(data_dir=tmp_path / "data"))
    app.config["TESTING"] = True
    yield app
    app.extensions["crosscheck"].close()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture(scope="session")
def seed_articles() -> list[dict[str, Any]]:
    """The five seed pages as API article objects (id = the file's three-digit prefix)."""
    if not (SEEDS / "manifest.json").is_file():
        pytest.skip(f"shared seed articles not found at {SEEDS} (set CROSSCHECK_SHARED_DATA)")
    return [
        {
            "id": seed.file[:3],
            "source": seed.source,
            "published_at": seed.published_at,
            "text": seed.text,
        }
        for seed in load_seed_articles(SHARED_DATA).values()
    ]


@pytest.fixture(scope="session")
def gold_pairs() -> list[dict[str, Any]]:
    path = SHARED_DATA / "gold" / "pairs-dev.jsonl"
    if not path.is_file():
        pytest.skip(f"gold pairs not found at {path} (set CROSSCHECK_SHARED_DATA)")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
