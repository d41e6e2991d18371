"""Versioned migrations: fresh databases, databases made by earlier releases, and processes
opening one database at the same time."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import numpy as np
import psycopg
import pytest

from crosscheck.cli import main
from storage import ArticleRecord, PostgresStore, SqliteStore, open_store
from storage.migrations import load_migrations
from storage.sqlite_migrations import CODE_STEPS

LEGACY = Path(__file__).parent / "legacy"
SQLITE_STEPS = [
    "0001_baseline",
    "0002_content_hash",
    "0003_float16_vectors",
    "0004_claim_facts",
]
POSTGRES_STEPS = ["0001_baseline", "0002_claim_facts"]
LEGACY_SCHEMAS = [
    "schema-30ba0f4.sql",  # the first release: no FTS table, no text index, no content hash
    "schema-cd8c2fd.sql",  # BM25 over claims (FTS5 and its triggers), no content hash
    "schema-fdf4dbf.sql",  # content hashes, still float32 vectors and no schema_migrations
]
TEXTS = ["The dam burst after heavy rain.", "Rescuers reached the village on Monday."]


def legacy_database(path: Path, schema: str) -> np.ndarray:
    """A database as an earlier release left it: one article, float32 vectors; the vectors."""
    vectors = np.random.default_rng(0).normal(size=(2, 384)).astype(np.float32)
    connection = sqlite3.connect(path)
    connection.executescript((LEGACY / schema).read_text(encoding="utf-8"))
    connection.execute(
        "INSERT INTO articles(id, source, text, revision, created_at, updated_at) "
        "VALUES ('a', 'Outlet', ?, 1, '2026-01-01T00:00:00+00:00', '2026-01-01T00:00:00+00:00')",
        (" ".join(TEXTS),),
    )
    for position, (text, vector) in enumerate(zip(TEXTS, vectors, strict=True)):
        connection.execute(
            'INSERT INTO claims(article_id, position, text, start, "end", vector) '
            "VALUES ('a', ?, ?, 0, ?, ?)",
            (position, text, len(text), vector.tobytes()),
        )
        connection.execute(
            "INSERT INTO index_log(operation, claim_key) VALUES ('add', ?)", (position + 1,)
        )
    connection.commit()
    connection.close()
    return vectors


def test_a_new_sqlite_database_gets_every_step_once(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    assert SqliteStore(path).migrations_applied == SQLITE_STEPS
    assert SqliteStore(path).migrations_applied == []
    assert [step.label for step in load_migrations("sqlite", CODE_STEPS)] == SQLITE_STEPS


@pytest.mark.parametrize("schema", LEGACY_SCHEMAS)
def test_a_database_of_an_earlier_release_is_upgraded_in_place(tmp_path: Path, schema: str) -> None:
    path = tmp_path / "db.sqlite3"
    vectors = legacy_database(path, schema)

    store = SqliteStore(path)

    assert store.migrations_applied == SQLITE_STEPS
    article = store.get_article("a")
    assert article is not None and [claim.text for claim in article.claims] == TEXTS
    assert article.content_hash is None
    keys, found = store.vectors()
    assert keys == [1, 2] and found.dtype == np.float32
    assert np.allclose(found, vectors, rtol=1e-3, atol=1e-3)
    assert [change.sequence for change in store.changes_after(0)] == [1, 2]
    hits = store.lexical_search(["dam burst"], 5)[0]
    assert [key for key, _ in hits] == [1]
    assert [claim.key for claim in store.claims_without_facts("v1", 0, 10)] == [1, 2]
    with sqlite3.connect(path) as connection:
        blob = connection.execute("SELECT vector FROM claims WHERE key = 1").fetchone()[0]
        connection.execute("INSERT INTO claims_fts(claims_fts) VALUES ('integrity-check')")
        indexes = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    assert len(blob) == 384 * 2
    assert "claims_by_text" in indexes
    record = ArticleRecord("b", "Outlet", "text", content_hash="sha")
    store.save_article(record, [], np.zeros((0, 384), np.float32))
    assert store.content_hashes(["b"]) == {"b": "sha"}
    assert SqliteStore(path).migrations_applied == []


def test_a_failed_step_leaves_the_database_at_the_previous_version(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    legacy_database(path, "schema-fdf4dbf.sql")
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE claims SET vector = ? WHERE key = 2", (b"\x00\x00\x80\x7f",))

    with pytest.raises(ValueError):
        SqliteStore(path)

    with sqlite3.connect(path) as connection:
        versions = [row[0] for row in connection.execute("SELECT version FROM schema_migrations")]
        blob = connection.execute("SELECT vector FROM claims WHERE key = 1").fetchone()[0]
    assert versions == [1, 2]
    assert len(blob) == 384 * 4


def test_postgres_schema_is_made_once_by_stores_opening_together(postgres_url: str) -> None:
    applied: list[list[str]] = []

    def open_one() -> None:
        store = PostgresStore(postgres_url)
        applied.append(store.migrations_applied)
        store.close()

    threads = [threading.Thread(target=open_one) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(applied) == [[], [], [], POSTGRES_STEPS]
    with psycopg.connect(postgres_url) as connection:
        rows = connection.execute(
            "SELECT version, name FROM schema_migrations ORDER BY version"
        ).fetchall()
    assert rows == [(1, "baseline"), (2, "claim_facts")]


def test_the_migrate_command_prints_what_it_applied(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], postgres_url: str
) -> None:
    assert main(["migrate", "--data-dir", str(tmp_path)]) == 0
    assert capsys.readouterr().out.splitlines()[1:] == [f"applied {step}" for step in SQLITE_STEPS]
    assert main(["migrate", "--data-dir", str(tmp_path)]) == 0
    assert capsys.readouterr().out.splitlines()[1:] == ["schema up to date"]

    assert main(["migrate", "--database-url", postgres_url]) == 0
    assert capsys.readouterr().out.splitlines()[1:] == [
        f"applied {step}" for step in POSTGRES_STEPS
    ]
    reopened = open_store(postgres_url)
    assert reopened.migrations_applied == []
    reopened.close()


def test_the_migrate_command_fails_when_the_database_does_not_answer(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["migrate", "--database-url", "postgresql://127.0.0.1:9/none"]) == 1
    assert "the database is unavailable" in capsys.readouterr().err
