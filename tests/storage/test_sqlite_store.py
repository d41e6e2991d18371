from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np
import pytest

from claims.model import Claim
from storage import ArticleRecord, SqliteStore, StoreUnavailable


def claims_and_vectors(count: int) -> tuple[list[Claim], np.ndarray]:
    claims = [Claim(f"Claim number {n}.", n * 20, n * 20 + 16) for n in range(count)]
    return claims, np.eye(count, 8, dtype=np.float32)


def test_save_and_read_article(tmp_path: Path) -> None:
    store = SqliteStore(tmp_path / "db.sqlite3")
    claims, vectors = claims_and_vectors(3)
    stored, created = store.save_article(
        ArticleRecord("a", "Outlet", "text", published_at="2026-01-02"), claims, vectors
    )
    assert created
    assert [claim.text for claim in stored.claims] == [claim.text for claim in claims]
    assert stored.claims[1].public_id == "a:1"
    _, found = store.vectors([claim.key for claim in stored.claims])
    assert np.allclose(found, vectors)
    assert np.allclose(store.article_vectors("a"), vectors)
    assert store.article_vectors("missing").shape[0] == 0
    other, _ = claims_and_vectors(2)
    store.save_article(ArticleRecord("b", "Outlet", "text"), other, vectors[1:])
    both = store.vectors_of_articles(["b", "a", "missing"])
    assert np.allclose(both["a"], vectors) and np.allclose(both["b"], vectors[1:])
    assert both["missing"].shape[0] == 0


def test_replacing_an_article_logs_removals_and_additions(tmp_path: Path) -> None:
    store = SqliteStore(tmp_path / "db.sqlite3")
    claims, vectors = claims_and_vectors(2)
    first, _ = store.save_article(ArticleRecord("a", "Outlet", "text"), claims, vectors)
    second, created = store.save_article(
        ArticleRecord("a", "Outlet", "new text"), claims[:1], vectors[:1]
    )
    assert not created and second.revision == 2
    operations = [(change.operation, change.claim_key) for change in store.changes_after(0)]
    old_keys = [claim.key for claim in first.claims]
    assert operations[-3:] == [
        ("remove", old_keys[0]),
        ("remove", old_keys[1]),
        ("add", second.claims[0].key),
    ]
    assert store.count_claims() == 1


def test_failed_write_changes_nothing(tmp_path: Path) -> None:
    store = SqliteStore(tmp_path / "db.sqlite3")
    claims, vectors = claims_and_vectors(2)
    store.save_article(ArticleRecord("a", "Outlet", "text"), claims, vectors)
    before = store.last_change()
    with pytest.raises(ValueError):
        store.save_article(ArticleRecord("a", "Outlet", "other"), claims, vectors[:1])
    assert store.get_article("a").text == "text"
    assert store.last_change() == before


def test_delete_and_pagination(tmp_path: Path) -> None:
    store = SqliteStore(tmp_path / "db.sqlite3")
    claims, vectors = claims_and_vectors(1)
    for name in "abc":
        store.save_article(ArticleRecord(name, "Outlet", "text"), claims, vectors)
    page, last = store.list_articles(2)
    assert [article.id for article in page] == ["a", "b"]
    assert store.delete_article("b")
    assert not store.delete_article("b")
    page, _ = store.list_articles(2, last)
    assert [article.id for article in page] == ["c"]
    assert store.count_claims() == 2


def test_a_write_kept_waiting_by_another_process_is_unavailable(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    store = SqliteStore(path, busy_timeout=0.05)
    claims, vectors = claims_and_vectors(1)
    other_process = sqlite3.connect(path, isolation_level=None)
    other_process.execute("BEGIN IMMEDIATE")

    with pytest.raises(StoreUnavailable):
        store.save_article(ArticleRecord("a", "Outlet", "text"), claims, vectors)

    other_process.execute("ROLLBACK")
    other_process.close()
    assert store.count_articles() == 0
    store.save_article(ArticleRecord("a", "Outlet", "text"), claims, vectors)
    assert store.count_articles() == 1


def test_a_save_reports_what_it_stored_even_if_deleted_right_after_the_commit(
    tmp_path: Path,
) -> None:
    store = SqliteStore(tmp_path / "db.sqlite3")
    other_process = SqliteStore(tmp_path / "db.sqlite3")
    committing = store._transaction

    @contextmanager
    def commit_then_delete() -> Iterator[sqlite3.Connection]:
        with committing() as connection:
            yield connection
        other_process.delete_article("a")

    store._transaction = commit_then_delete  # type: ignore[method-assign]
    claims, vectors = claims_and_vectors(2)
    stored, created = store.save_article(ArticleRecord("a", "Outlet", "text"), claims, vectors)
    assert created and stored.id == "a" and len(stored.claims) == 2
    assert store.get_article("a") is None
