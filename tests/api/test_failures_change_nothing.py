"""A failed request leaves the store, the index log and the vector index as they were."""

from __future__ import annotations

from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from storage import SqliteStore
from tests.api.helpers import assert_problem


def corpus_state(app: Flask) -> tuple[int, int, int, int]:
    registry = app.extensions["crosscheck"]
    store = registry.store
    return (
        store.count_articles(),
        store.count_claims(),
        store.last_change(),
        len(registry.corpus.index),
    )


@pytest.fixture
def populated(app: Flask, client: FlaskClient, make_article) -> FlaskClient:
    assert client.post("/v1/articles", json=make_article("kept")).status_code == 201
    return client


def explode(*_: Any, **__: Any) -> Any:
    raise RuntimeError("encoder crashed on claim 3 of 'secret draft'")


def test_encoder_failure_indexes_nothing(
    app: Flask, populated: FlaskClient, make_article, monkeypatch
) -> None:
    before = corpus_state(app)
    monkeypatch.setattr(app.extensions["crosscheck"].encoder, "encode", explode)

    response = populated.post("/v1/articles", json=make_article("broken"))

    body = assert_problem(response, 500)
    assert "secret draft" not in response.get_data(as_text=True)
    assert body["request_id"] == response.headers["X-Request-ID"]
    assert corpus_state(app) == before
    monkeypatch.undo()
    assert_problem(populated.get("/v1/articles/broken"), 404)


def test_store_failure_midway_rolls_back_article_claims_and_vectors(
    app: Flask, populated: FlaskClient, make_article, monkeypatch
) -> None:
    before = corpus_state(app)
    original = SqliteStore._insert_claims

    def insert_then_fail(connection, article_id, claims, vectors) -> None:
        original(connection, article_id, claims, vectors)
        raise OSError("disk full")

    monkeypatch.setattr(SqliteStore, "_insert_claims", staticmethod(insert_then_fail))
    assert_problem(populated.post("/v1/articles", json=make_article("half")), 500)
    assert_problem(
        populated.post("/v1/check", json={"article": make_article("d"), "index": True}), 500
    )
    monkeypatch.undo()

    assert corpus_state(app) == before
    assert_problem(populated.get("/v1/articles/half"), 404)
    assert_problem(populated.get("/v1/articles/d"), 404)


def test_failed_replacement_keeps_the_previous_version(
    app: Flask, populated: FlaskClient, make_article, storm_reports, monkeypatch
) -> None:
    before = corpus_state(app)
    kept = populated.get("/v1/articles/kept").get_json()
    monkeypatch.setattr(app.extensions["crosscheck"].encoder, "encode", explode)
    assert_problem(populated.post("/v1/articles", json=make_article("kept", storm_reports[1])), 500)
    monkeypatch.undo()

    assert corpus_state(app) == before
    again = populated.get("/v1/articles/kept").get_json()
    assert again["revision"] == kept["revision"] == 1
    assert again["text"] == kept["text"]


def test_invalid_and_refused_requests_change_nothing(make_app, make_article) -> None:
    app = make_app(max_claims=5, api_keys=("w",))
    client = app.test_client()
    key = {"X-API-Key": "w"}
    assert client.post("/v1/articles", json=make_article("kept"), headers=key).status_code == 201
    before = corpus_state(app)

    assert_problem(client.post("/v1/articles", json=make_article("x")), 401)
    assert_problem(client.post("/v1/articles", json={"source": "S"}, headers=key), 422)
    text = " ".join(f"The council met for the {n}th time on that day." for n in range(1, 8))
    too_long = client.post(
        "/v1/articles", json={"id": "long", "source": "S", "text": text}, headers=key
    )
    assert assert_problem(too_long, 422)["limit"] == 5
    assert_problem(
        client.post("/v1/articles", data="{", content_type="application/json", headers=key), 400
    )

    assert corpus_state(app) == before
