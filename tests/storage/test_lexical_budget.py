"""Common words dropped from a lexical query within a budget of claims to score
(:data:`storage.lexical.POSTINGS_BUDGET`), their counts taken with the index's tokenizer."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

import numpy as np
import psycopg
import pytest

from claims.model import Claim
from storage import ArticleRecord, ArticleStore, lexical, open_store
from storage.lexical import TermCounts, fts5_counter, search, within_budget
from storage.postgres_lexical import postgres_counter


def test_every_term_is_kept_while_the_claims_they_hold_fit() -> None:
    held_by = {"storm": 40, "coast": 30, "power": 20}

    assert within_budget(["storm", "coast", "power"], held_by, 90) == ["storm", "coast", "power"]


def test_the_most_common_terms_go_first_and_the_order_of_the_rest_stays() -> None:
    held_by = {"storm": 40, "coast": 30, "power": 20, "trump": 500}

    assert within_budget(["storm", "trump", "coast", "power"], held_by, 100) == [
        "storm",
        "coast",
        "power",
    ]
    assert within_budget(["storm", "trump", "coast", "power"], held_by, 60) == ["coast", "power"]


def test_the_rarest_term_stays_when_every_term_is_over_the_budget() -> None:
    assert within_budget(["said", "trump"], {"said": 900, "trump": 500}, 100) == ["trump"]


def test_a_term_no_claim_holds_costs_nothing() -> None:
    assert within_budget(["zyzzyva", "storm"], {"zyzzyva": 0, "storm": 10}, 10) == [
        "zyzzyva",
        "storm",
    ]
    assert within_budget([], {}, 10) == []


def connection_with(texts: Sequence[str]) -> sqlite3.Connection:
    connection = sqlite3.connect(":memory:")
    connection.execute(
        "CREATE VIRTUAL TABLE claims_fts USING fts5(text, "
        "tokenize = 'porter unicode61 remove_diacritics 2')"
    )
    connection.executemany("INSERT INTO claims_fts(text) VALUES (?)", [(t,) for t in texts])
    return connection


def test_counts_use_the_index_stems_and_stop_at_one_over_the_budget() -> None:
    connection = connection_with(["Farmers met.", "A farmer protested.", *["The market."] * 5])
    counts = TermCounts(budget=3)

    found = counts.counts(["farmers", "markets", "ballot"], fts5_counter(connection))

    assert found == {"farmers": 2, "markets": 4, "ballot": 0}


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_counts_are_kept_until_they_are_stale() -> None:
    connection = connection_with(["Floods hit the coast."])
    clock = Clock()
    counts = TermCounts(budget=10, ttl_s=60.0, clock=clock)
    assert counts.counts(["floods"], fts5_counter(connection)) == {"floods": 1}
    connection.execute("INSERT INTO claims_fts(text) VALUES ('More floods inland.')")

    clock.now = 59.0
    assert counts.counts(["floods"], fts5_counter(connection)) == {"floods": 1}
    clock.now = 60.0
    assert counts.counts(["floods"], fts5_counter(connection)) == {"floods": 2}


def test_the_least_recently_used_counts_are_dropped_beyond_the_size() -> None:
    connection = connection_with(["Floods hit the coast."])
    counts = TermCounts(budget=10, size=2)
    counts.counts(["floods", "coast"], fts5_counter(connection))
    connection.execute("INSERT INTO claims_fts(text) VALUES ('Floods again.')")

    counts.counts(["coast", "hit"], fts5_counter(connection))  # "floods" is the oldest: dropped

    assert counts.counts(["floods"], fts5_counter(connection)) == {"floods": 2}


def test_a_common_word_no_longer_brings_claims_that_share_only_it() -> None:
    common = [f"The senator spoke on day {day}." for day in range(12)]
    connection = connection_with(["The senator vetoed the pipeline.", *common])
    query = "Senator vetoes pipeline"

    unbudgeted = search(connection, query, 5)
    budgeted = search(connection, query, 5, counts=TermCounts(budget=4))

    assert len(unbudgeted) == 5  # the pipeline claim and four that share only "senator"
    assert [key for key, _ in budgeted] == [1]
    assert unbudgeted[0][0] == 1


def test_under_the_budget_the_search_is_the_unbudgeted_one() -> None:
    texts = ["The senator vetoed the pipeline.", "The pipeline leaked.", "A senator resigned."]
    connection = connection_with(texts)

    assert search(connection, "Senator vetoes pipeline", 5, counts=TermCounts(budget=5)) == (
        search(connection, "Senator vetoes pipeline", 5)
    )


REBEL_TEXTS = ["Rebels seized the airport.", *[f"Rebels advanced on town {n}." for n in range(6)]]


def rebel_store(url: str) -> ArticleStore:
    store = open_store(url)
    claims = [Claim(text, 0, len(text)) for text in REBEL_TEXTS]
    store.save_article(
        ArticleRecord("a", "Outlet", " ".join(REBEL_TEXTS)),
        claims,
        np.eye(len(REBEL_TEXTS), 8, dtype=np.float32),
    )
    return store


def found_texts(store: ArticleStore, query: str) -> list[str]:
    hits = store.lexical_search([query, "the"], 10)
    assert hits[1] == []  # a text of stopwords asks nothing
    return [store.claims_by_key([key])[key].text for key, _ in hits[0]]


def test_the_store_searches_within_the_budget(
    store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(lexical, "POSTINGS_BUDGET", 3)
    store = rebel_store(store_url)

    assert found_texts(store, "rebels airport") == [REBEL_TEXTS[0]]
    store.close()


def test_the_store_keeps_a_common_word_under_the_budget(
    store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(lexical, "POSTINGS_BUDGET", 8)
    store = rebel_store(store_url)

    found = found_texts(store, "rebels airport")

    assert found[0] == REBEL_TEXTS[0]
    assert sorted(found) == sorted(REBEL_TEXTS)
    store.close()


def test_postgres_counts_use_its_stems_and_stop_at_the_cap(postgres_url: str) -> None:
    store = open_store(postgres_url)
    texts = ["Farmers met.", "A farmer protested.", *[f"The market {n}." for n in range(5)]]
    store.save_article(
        ArticleRecord("a", "Outlet", " ".join(texts)),
        [Claim(text, 0, len(text)) for text in texts],
        np.eye(len(texts), 8, dtype=np.float32),
    )
    with psycopg.connect(postgres_url) as connection:
        count = postgres_counter(connection)

        found = count(["farmers", "markets", "ballot", "the", "it's"], 4)

    assert found == {"farmers": 2, "markets": 4, "ballot": 0, "the": 0, "it's": 0}
    store.close()
