"""PostgreSQL going away and coming back: 503 with Retry-After, nothing half-written, and
recovery without a restart. The database is cut off by a proxy this test owns, so the
server other tests share keeps running."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import numpy as np
import psycopg
import pytest

from api import create_app
from api.config import TestConfig
from claims.model import Claim
from storage import ArticleRecord, PostgresStore, StoreUnavailable
from tests.storage.tcp_proxy import TcpProxy

T = TypeVar("T")
RECOVERY_ATTEMPTS = 60
ARTICLE = {"id": "a", "source": "Outlet", "text": "The dam burst after heavy rain on Monday."}


@pytest.fixture
def proxy() -> Iterator[TcpProxy]:
    running = TcpProxy(("127.0.0.1", 5432))
    running.start()
    yield running
    running.stop()


def eventually(call: Callable[[], T]) -> T:
    """The result of ``call`` once the database answers again (it retries StoreUnavailable)."""
    for _ in range(RECOVERY_ATTEMPTS):
        try:
            return call()
        except StoreUnavailable:
            time.sleep(0.5)
    return call()


def save(store: PostgresStore, article_id: str, texts: list[str]) -> None:
    claims = [Claim(text, 0, len(text)) for text in texts]
    vectors = np.eye(len(texts), 8, dtype=np.float32)
    store.save_article(ArticleRecord(article_id, "Outlet", " ".join(texts)), claims, vectors)


def test_a_store_cut_off_raises_unavailable_and_recovers(
    postgres_url: str, proxy: TcpProxy
) -> None:
    store = PostgresStore(proxy.url(postgres_url), timeout=1)
    save(store, "a", ["One.", "Two."])

    proxy.stop()
    with pytest.raises(StoreUnavailable) as unavailable:
        save(store, "b", ["Three."])
    assert unavailable.value.retry_after > 0
    with pytest.raises(StoreUnavailable):
        store.get_article("a")

    proxy.start()
    assert eventually(lambda: store.get_article("a")) is not None
    save(store, "b", ["Three."])
    assert store.count_articles() == 2
    assert [change.sequence for change in store.changes_after(0)] == [1, 2, 3]
    store.close()


def test_a_connection_lost_midway_through_a_batch_stores_none_of_it(
    postgres_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = PostgresStore(postgres_url)
    save(store, "kept", ["Kept."])
    before = (store.count_articles(), store.count_claims(), store.last_change())
    insert_claims = PostgresStore._insert_claims
    calls: list[str] = []

    def lose_the_connection_on_the_second_article(
        connection: psycopg.Connection[object], *args: object
    ) -> list[int]:
        calls.append(str(args[0]))
        if len(calls) == 2:
            with psycopg.connect(postgres_url, autocommit=True) as killer:
                killer.execute("SELECT pg_terminate_backend(%s)", (connection.info.backend_pid,))
        return insert_claims(connection, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(
        PostgresStore, "_insert_claims", staticmethod(lose_the_connection_on_the_second_article)
    )
    items = [
        (
            ArticleRecord(article_id, "Outlet", "x"),
            [Claim("New.", 0, 4)],
            np.eye(1, 8, dtype=np.float32),
        )
        for article_id in ("a", "b", "c")
    ]
    with pytest.raises(StoreUnavailable):
        store.save_articles(items)
    monkeypatch.undo()

    assert (store.count_articles(), store.count_claims(), store.last_change()) == before
    assert store.content_hashes(["a", "b", "c"]) == {}
    store.save_articles(items)
    assert store.count_articles() == 4
    store.close()


def test_the_api_answers_503_with_retry_after_and_recovers(
    postgres_url: str, proxy: TcpProxy, tmp_path: Path
) -> None:
    config = TestConfig(
        data_dir=tmp_path / "data", database_url=proxy.url(postgres_url), database_timeout=1.0
    )
    app = create_app(config)
    client = app.test_client()
    assert client.post("/v1/articles", json=ARTICLE).status_code == 201

    proxy.stop()
    response = client.post("/v1/articles", json={**ARTICLE, "id": "b"})
    assert response.status_code == 503
    assert response.content_type == "application/problem+json"
    assert int(response.headers["Retry-After"]) > 0
    assert response.get_json()["type"] == "urn:crosscheck:problem:database-unavailable"
    assert client.get("/v1/health").status_code == 503

    proxy.start()
    for _ in range(RECOVERY_ATTEMPTS):
        if client.get("/v1/articles/a").status_code == 200:
            break
        time.sleep(0.5)
    assert client.get("/v1/articles/b").status_code == 404
    assert client.post("/v1/articles", json={**ARTICLE, "id": "b"}).status_code == 201
    assert client.get("/v1/health").get_json()["articles"] == 2
    app.extensions["crosscheck"].close()


def test_a_nul_character_is_a_validation_problem_not_a_fault(
    postgres_url: str, tmp_path: Path
) -> None:
    app = create_app(TestConfig(data_dir=tmp_path / "data", database_url=postgres_url))
    client = app.test_client()
    response = client.post("/v1/articles", json={**ARTICLE, "text": "The dam\u0000 burst."})
    assert response.status_code == 422
    assert response.get_json()["errors"] == {
        "text": ["text contains a NUL character (U+0000), which cannot be stored"]
    }
    assert client.get("/v1/articles/a%00b").status_code == 404
    draft = {"source": "Outlet", "text": "The dam\u0000 burst after heavy rain."}
    assert client.post("/v1/check", json={"article": draft}).status_code == 200
    app.extensions["crosscheck"].close()
