"""Index log compaction seen by the corpora of several processes sharing one database."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

import pytest

from claims import extract_article
from comparison.model import ClaimInput, Comparison
from crosscheck.corpus import Corpus
from crosscheck.service import ArticleInput, ConsistencyService, ServiceSettings
from embeddings import HashingEncoder, Hit
from storage import LogCompaction, SqliteStore

ENCODER = HashingEncoder(dimension=64)
POLICY = LogCompaction(slack=12, keep=8)
QUERIES = [
    "The council approved new schools on Monday.",
    "Roads would close in March.",
    "The mayor resigned.",
    "A bridge reopened after repairs.",
]


class NoComparator:
    def compare(self, a: ClaimInput, b: ClaimInput) -> Comparison:
        raise AssertionError("indexing compares nothing")

    def prime(self, claims: Sequence[ClaimInput]) -> None:
        pass


def service(path: Path, policy: LogCompaction = POLICY) -> tuple[ConsistencyService, Corpus]:
    """One process: its own store connection, corpus and service over the database at path."""
    store = SqliteStore(path)
    corpus = Corpus(store, ENCODER, None)
    settings = ServiceSettings(log_compaction=policy)
    return ConsistencyService(
        store, corpus, ENCODER, NoComparator(), extract_article, settings
    ), corpus


def article(article_id: str, revision: int) -> ArticleInput:
    text = (
        f"The council approved {revision + 10} new schools on Monday. "
        f"Officials said {revision * 7 + 3} roads would close in March. "
        f"Revision {revision}: the mayor resigned after {revision + 2} weeks."
    )
    return ArticleInput(source=f"Outlet {article_id}", text=text, id=article_id)


def indexed_keys(corpus: Corpus) -> set[int]:
    """Every claim key in the corpus's index as it stands (no sync)."""
    size = len(corpus.index)
    hits = corpus.index.search(ENCODER.encode(QUERIES[:1]), size) if size else [[]]
    return {key for key, _ in hits[0]}


def assert_same_hits(found: list[list[Hit]], expected: list[list[Hit]]) -> None:
    """The same claims with the same scores up to float rounding, in score order (the exact
    base and the exact delta multiply in different orders, so two claims whose scores tie may
    come in either order)."""
    for row, expected_row in zip(found, expected, strict=True):
        assert [score for _, score in row] == pytest.approx([s for _, s in expected_row], abs=1e-5)
        assert dict(row).keys() == dict(expected_row).keys()
        for key, score in row:
            assert score == pytest.approx(dict(expected_row)[key], abs=1e-5)


def live_keys(store: SqliteStore) -> set[int]:
    return set(store.vectors()[0])


def churn(writer: ConsistencyService, revisions: range) -> None:
    """Index one article, then revise it: each revision logs 3 removes and 3 adds."""
    for revision in revisions:
        writer.index_article(article("churn", revision))


def test_log_is_truncated_past_the_threshold_and_searches_are_unchanged(tmp_path: Path) -> None:
    compacted, compacted_corpus = service(tmp_path / "compacted.sqlite3")
    reference, reference_corpus = service(
        tmp_path / "reference.sqlite3", LogCompaction(slack=10_000, keep=10)
    )
    store = SqliteStore(tmp_path / "compacted.sqlite3")
    for writer in (compacted, reference):
        writer.index_article(article("kept", 0))
        writer.index_article(article("gone", 1))
        churn(writer, range(6))
        writer.delete_article("gone")
        writer.index_article(article("late", 2))
    reference_store = SqliteStore(tmp_path / "reference.sqlite3")
    assert reference_store.log_floor() == 0
    # 3 + 3 + (3 + 5 * 6) + 3 removed + 3
    assert reference_store.count_log_entries() == reference_store.last_change() == 45
    assert store.last_change() == 45
    assert 0 < store.log_floor() < store.last_change()
    assert store.count_log_entries() <= store.count_claims() + POLICY.slack
    assert store.count_log_entries() < reference_store.count_log_entries()
    vectors = ENCODER.encode(QUERIES)
    expected = reference_corpus.search(vectors, 20)
    assert_same_hits(compacted_corpus.search(vectors, 20), expected)
    assert_same_hits(Corpus(store, ENCODER, None).search(vectors, 20), expected)
    assert indexed_keys(compacted_corpus) == live_keys(store)


def test_a_process_behind_the_floor_rebuilds_to_exactly_the_live_claims(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "db.sqlite3"
    writer, _ = service(path)
    writer.index_article(article("deleted", 0))
    writer.index_article(article("revised", 1))
    store = SqliteStore(path)
    _, behind = service(path)
    behind_at = store.last_change()
    Corpus(SqliteStore(path), ENCODER, tmp_path / "claims.faiss").save()
    old_keys = indexed_keys(behind)
    writer.delete_article("deleted")
    writer.index_article(article("revised", 2))
    churn(writer, range(4))
    writer.index_article(article("new", 3))
    assert store.log_floor() > behind_at
    rebuilds = behind.rebuilds
    with caplog.at_level(logging.INFO, logger="crosscheck"):
        behind.sync()
    assert behind.rebuilds == rebuilds + 1
    assert "behind the index log floor" in caplog.text
    live = live_keys(store)
    assert indexed_keys(behind) == live
    assert not old_keys & live
    new_keys = {claim.key for claim in writer.get_article("new").claims}
    assert new_keys <= indexed_keys(behind)
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="crosscheck"):
        reopened = Corpus(store, ENCODER, tmp_path / "claims.faiss")
    assert "snapshot out of step" in caplog.text  # the saved snapshot is behind the floor too
    assert reopened.rebuilds == 1
    assert indexed_keys(reopened) == live


def test_a_process_slightly_behind_catches_up_from_the_log(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "db.sqlite3"
    writer, _ = service(path)
    writer.index_article(article("a", 0))
    store = SqliteStore(path)
    churn(writer, range(3))  # 24 entries for 6 live claims: 12 beyond, not yet past the slack
    assert store.log_floor() == 0
    _, reader = service(path)
    rebuilds = reader.rebuilds
    applied = store.last_change()
    churn(writer, range(3, 4))  # 6 more entries: past the slack, so this write compacts
    assert 0 < store.log_floor() <= applied < store.last_change()
    with caplog.at_level(logging.INFO, logger="crosscheck"):
        reader.sync()
    assert reader.rebuilds == rebuilds
    assert "rebuilding" not in caplog.text
    assert indexed_keys(reader) == live_keys(store)


@pytest.mark.parametrize("floor", range(5))
def test_compaction_between_an_add_and_a_remove_loses_nothing(tmp_path: Path, floor: int) -> None:
    """Readers stopped at every point of the adds; the log is cut at every point; then the
    claims added are removed. Each reader ends with exactly the live claims, rebuilding only
    when the cut passed its position."""
    path = tmp_path / "db.sqlite3"
    writer, _ = service(path, LogCompaction(slack=10_000, keep=10))
    store = SqliteStore(path)
    readers = [service(path)[1]]
    writer.index_article(ArticleInput(source="X", text="Troops massed at the border.", id="x"))
    readers.append(service(path)[1])
    writer.index_article(article("y", 0))
    readers.append(service(path)[1])
    positions = [0, 1, 4]
    assert store.last_change() == 4
    store.truncate_log(floor)
    writer.delete_article("x")
    writer.index_article(article("y", 1))
    writer.index_article(ArticleInput(source="Z", text="A bridge reopened after repairs.", id="z"))
    live = live_keys(store)
    for reader, position in zip(readers, positions, strict=True):
        before = reader.rebuilds
        reader.sync()
        assert indexed_keys(reader) == live, position
        assert reader.rebuilds - before == (1 if position < floor else 0), position
