"""Index snapshots: a restart loads the last one and replays the index log from its position."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from claims.model import Claim
from crosscheck.corpus import Corpus, SnapshotPolicy
from embeddings import HashingEncoder, IndexSettings
from embeddings.snapshots import read_snapshot
from storage import ArticleRecord, SqliteStore

ENCODER = HashingEncoder(dimension=32)


def save(store: SqliteStore, article_id: str, text: str) -> None:
    claims = [Claim(text, 0, len(text))]
    store.save_article(ArticleRecord(article_id, "Outlet", text), claims, ENCODER.encode([text]))


def indexed(corpus: Corpus) -> set[int]:
    hits = corpus.index.search(ENCODER.encode(["the"]), 100)[0]
    return {key for key, _ in hits}


def live(store: SqliteStore) -> set[int]:
    return set(store.vectors()[0])


def test_a_restart_after_a_crash_replays_the_log_from_the_snapshot(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    store = SqliteStore(tmp_path / "db.sqlite3")
    path = tmp_path / "claims-index.npz"
    corpus = Corpus(store, ENCODER, path)
    for n in range(5):
        save(store, f"a{n}", f"The council approved {n} new schools.")
    corpus.save()
    saved_at = corpus.applied
    save(store, "late", "A bridge reopened after repairs.")
    store.delete_article("a0")
    corpus.sync()  # the process dies here, without writing another snapshot
    with caplog.at_level(logging.INFO, logger="crosscheck.corpus"):
        restarted = Corpus(store, ENCODER, path)
    assert restarted.rebuilds == 0
    assert f"at log position {saved_at}" in caplog.text
    assert restarted.applied == store.last_change() > saved_at
    assert indexed(restarted) == live(store)


def test_snapshots_are_written_once_enough_of_the_log_was_applied(tmp_path: Path) -> None:
    store = SqliteStore(tmp_path / "db.sqlite3")
    path = tmp_path / "claims-index.npz"
    corpus = Corpus(store, ENCODER, path, snapshots=SnapshotPolicy(every_changes=3))
    save(store, "a", "The council approved new schools.")
    corpus.sync()
    assert not path.exists()  # one change applied: not due yet
    for n in range(3):
        save(store, f"b{n}", f"Roads would close in March, {n} officials said.")
    corpus.sync()
    assert corpus._snapshot_thread is not None
    corpus._snapshot_thread.join()
    _, meta = read_snapshot(path)
    assert meta["sequence"] == store.last_change() == 4
    reopened = Corpus(store, ENCODER, path)
    assert reopened.rebuilds == 0
    assert indexed(reopened) == live(store)


def test_a_search_sees_a_write_logged_while_another_thread_was_catching_up(
    tmp_path: Path,
) -> None:
    import threading

    store = SqliteStore(tmp_path / "db.sqlite3")
    save(store, "a", "The council approved new schools.")
    corpus = Corpus(store, ENCODER, None)
    other_process = SqliteStore(tmp_path / "db.sqlite3")
    found: list[list[list[tuple[int, float]]]] = []
    with corpus._lock:  # another thread is applying the log
        save(other_process, "b", "A bridge reopened after repairs.")
        searcher = threading.Thread(
            target=lambda: found.append(
                corpus.search(ENCODER.encode(["A bridge reopened after repairs."]), 1)
            )
        )
        searcher.start()
    searcher.join(timeout=30)
    assert not searcher.is_alive()
    top_key = found[0][0][0][0]
    assert store.claims_by_key([top_key])[top_key].article_id == "b"


def test_a_snapshot_of_another_kind_than_the_settings_ask_for_is_rebuilt(tmp_path: Path) -> None:
    store = SqliteStore(tmp_path / "db.sqlite3")
    path = tmp_path / "claims-index.npz"
    texts = [f"The council approved {n} new schools in district {n % 97}." for n in range(2000)]
    store.save_articles(
        [
            (ArticleRecord(f"a{n}", "Outlet", text), [Claim(text, 0, len(text))], vector[None])
            for n, (text, vector) in enumerate(zip(texts, ENCODER.encode(texts), strict=True))
        ]
    )
    ivf = IndexSettings(kind="ivf-sq8")
    Corpus(store, ENCODER, path, ivf).save()
    assert Corpus(store, ENCODER, path, ivf).rebuilds == 0
    flat = Corpus(store, ENCODER, path, IndexSettings(kind="flat"))
    assert flat.rebuilds == 1
    assert flat.index.kind == "flat"
    assert len(flat.index) == 2000
