from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from claims.model import Claim
from storage import ArticleRecord, SqliteStore, match_expression


def save(store: SqliteStore, article_id: str, texts: Sequence[str]) -> None:
    claims = [Claim(text, 0, len(text)) for text in texts]
    vectors = np.eye(len(texts), 8, dtype=np.float32)
    store.save_article(ArticleRecord(article_id, "Outlet", " ".join(texts)), claims, vectors)


def found_texts(store: SqliteStore, query: str, exclude: str | None = None) -> list[str]:
    hits = store.lexical_search([query], 10, exclude)[0]
    claims = store.claims_by_key([key for key, _ in hits])
    return [claims[key].text for key, _ in hits]


def assert_index_matches_claims(path: Path) -> None:
    """FTS5's own check that the index holds exactly the rows of the claims table."""
    connection = sqlite3.connect(path)
    connection.execute("INSERT INTO claims_fts(claims_fts) VALUES ('integrity-check')")
    connection.close()


def test_indexed_claims_are_found_best_first(tmp_path: Path) -> None:
    store = SqliteStore(tmp_path / "db.sqlite3")
    save(store, "a", ["The bridge over the river reopened.", "Rain fell in the valley."])
    save(store, "b", ["The river bridge reopened on Monday after repairs to the bridge."])
    found = found_texts(store, "bridge reopened Monday")
    assert found[0].startswith("The river bridge")
    assert "Rain fell in the valley." not in found
    assert found_texts(store, "valley rain") == ["Rain fell in the valley."]


def test_stemming_matches_other_forms_of_a_word(tmp_path: Path) -> None:
    store = SqliteStore(tmp_path / "db.sqlite3")
    save(store, "a", ["The senator resigned on Friday."])
    assert found_texts(store, "calls for resignation of the senators") == [
        "The senator resigned on Friday."
    ]


def test_an_articles_own_claims_can_be_left_out(tmp_path: Path) -> None:
    store = SqliteStore(tmp_path / "db.sqlite3")
    save(store, "a", ["Troops massed at the border."])
    save(store, "b", ["Troops gathered near the border."])
    assert found_texts(store, "troops border", exclude="a") == ["Troops gathered near the border."]


def test_replacing_and_deleting_keep_the_index_in_step(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    store = SqliteStore(path)
    save(store, "a", ["The dam burst after heavy rain."])
    save(store, "a", ["The levee held despite heavy rain."])
    assert found_texts(store, "dam burst") == []
    assert found_texts(store, "levee") == ["The levee held despite heavy rain."]
    assert_index_matches_claims(path)
    store.delete_article("a")
    assert found_texts(store, "levee rain") == []
    assert_index_matches_claims(path)


def test_a_failed_write_leaves_the_index_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "db.sqlite3"
    store = SqliteStore(path)
    save(store, "a", ["The dam burst after heavy rain."])
    insert_claims = SqliteStore._insert_claims

    def insert_then_fail(*args: object) -> None:
        insert_claims(*args)  # type: ignore[arg-type]
        raise RuntimeError("disk full")

    monkeypatch.setattr(SqliteStore, "_insert_claims", staticmethod(insert_then_fail))
    with pytest.raises(RuntimeError):
        save(store, "a", ["The levee held despite heavy rain."])
    with pytest.raises(RuntimeError):
        save(store, "b", ["A levee was built."])
    assert found_texts(store, "levee") == []
    assert found_texts(store, "dam burst") == ["The dam burst after heavy rain."]
    assert_index_matches_claims(path)


@pytest.mark.parametrize(
    "text",
    [
        'He said "no deal" and left.',
        'An unbalanced " quote',
        "A well-known so-called expert",
        "Prices rose 5* and * alone",
        "AND OR NOT NEAR",
        "NEAR(talks sanctions, 3)",
        "title: text ^start {braces} [brackets] (parens)",
        "Zelenskyy met Orbán in Kraków — “it’s over”, he said",
        "東京で会談が行われた",
        "- + * : ^ \" ' ( ) { } ,",
        "",
    ],
)
def test_any_text_is_a_valid_query(tmp_path: Path, text: str) -> None:
    store = SqliteStore(tmp_path / "db.sqlite3")
    save(store, "a", [text or "empty", "Unrelated words about weather."])
    hits = found_texts(store, text)
    assert "Unrelated words about weather." not in hits
    if match_expression(text) is not None:
        assert hits == [text]


def test_match_expression_quotes_every_term() -> None:
    assert match_expression('Biden AND "Putin" met*') == '"biden" OR "putin" OR "met"'
    assert match_expression("the and of it") is None
