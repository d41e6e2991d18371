from __future__ import annotations

import sqlite3
from pathlib import Path

import numpy as np

from claims.model import Claim
from storage import ArticleRecord, SqliteStore

LEGACY_SCHEMAS = Path(__file__).parent / "legacy"
TEXTS = ["Troops massed at the border.", "Rain fell in the valley."]


def save(store: SqliteStore, article_id: str, texts: list[str], vectors: np.ndarray) -> None:
    claims = [Claim(text, 0, len(text)) for text in texts]
    store.save_article(ArticleRecord(article_id, "Outlet", " ".join(texts)), claims, vectors)


def test_stored_vectors_are_found_by_exact_text_only(tmp_path: Path) -> None:
    store = SqliteStore(tmp_path / "db.sqlite3")
    vectors = np.eye(2, 8, dtype=np.float32)
    save(store, "a", TEXTS, vectors)

    found = store.vectors_by_text([TEXTS[1], "troops massed at the border.", TEXTS[1], "Other."])

    assert list(found) == [TEXTS[1]]
    assert np.array_equal(found[TEXTS[1]], vectors[1])
    assert store.vectors_by_text([]) == {}


def test_deleted_claims_are_not_found(tmp_path: Path) -> None:
    store = SqliteStore(tmp_path / "db.sqlite3")
    save(store, "a", TEXTS, np.eye(2, 8, dtype=np.float32))
    store.delete_article("a")
    assert store.vectors_by_text(TEXTS) == {}


def test_a_database_made_before_the_text_index_gets_it_on_open(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    older = LEGACY_SCHEMAS / "schema-30ba0f4.sql"
    with sqlite3.connect(path) as connection:
        connection.executescript(older.read_text(encoding="utf-8"))
    assert "claims_by_text" not in index_names(path)

    SqliteStore(path).close()

    assert "claims_by_text" in index_names(path)


def test_the_text_lookup_uses_the_index(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    SqliteStore(path).close()
    with sqlite3.connect(path) as connection:
        plan = connection.execute(
            "EXPLAIN QUERY PLAN SELECT text, vector FROM claims WHERE text IN (?, ?)", TEXTS
        ).fetchall()
    assert any("claims_by_text" in str(row[-1]) for row in plan)


def index_names(path: Path) -> set[str]:
    with sqlite3.connect(path) as connection:
        rows = connection.execute("SELECT name FROM sqlite_master WHERE type = 'index'").fetchall()
    return {row[0] for row in rows}
