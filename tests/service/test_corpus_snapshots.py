"""Index snapshots: a restart loads the last one and replays the index log from its position."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from claims.model import Claim
from crosscheck.corpus import Corpus, SnapshotPolicy
from embeddings import FaissClaimIndex, HashingEncoder, IndexSettings
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
    with caplog.at_level(logging.INFO, logger="crosscheck"):
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


def test_an_index_built_from_the_store_is_written_at_once_so_a_crash_does_not_rebuild_it(
    tmp_path: Path,
) -> None:
    store = SqliteStore(tmp_path / "db.sqlite3")
    path = tmp_path / "claims-index.npz"
    for n in range(5):
        save(store, f"a{n}", f"The council approved {n} new schools.")
    first = Corpus(store, ENCODER, path)  # no snapshot yet: built from the stored vectors
    assert first.rebuilds == 1
    _, meta = read_snapshot(path)
    assert meta["sequence"] == store.last_change()
    restarted = Corpus(store, ENCODER, path)  # the first one died without closing
    assert restarted.rebuilds == 0
    assert indexed(restarted) == live(store)


def test_a_process_waits_for_another_building_the_index_and_loads_what_it_wrote(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    import fcntl
    import threading
    import time

    store = SqliteStore(tmp_path / "db.sqlite3")
    path = tmp_path / "claims-index.npz"
    for n in range(5):
        save(store, f"a{n}", f"The council approved {n} new schools.")
    opened: list[Corpus] = []
    with (tmp_path / "claims-index.npz.lock").open("a") as lock:
        fcntl.flock(lock.fileno(), fcntl.LOCK_EX)  # another process is building
        with caplog.at_level(logging.INFO, logger="storage.file_lock"):
            waiting = threading.Thread(
                target=lambda: opened.append(
                    Corpus(SqliteStore(tmp_path / "db.sqlite3"), ENCODER, path)
                )
            )
            waiting.start()
            deadline = time.monotonic() + 30
            while "waiting for it" not in caplog.text and time.monotonic() < deadline:
                time.sleep(0.01)
            assert waiting.is_alive()
            builder = Corpus(store, ENCODER, tmp_path / "built.npz")  # what the other one wrote
            (tmp_path / "built.npz").replace(path)
            fcntl.flock(lock.fileno(), fcntl.LOCK_UN)
            waiting.join(timeout=30)
    assert builder.rebuilds == 1
    assert opened[0].rebuilds == 0
    assert indexed(opened[0]) == live(store)


def test_snapshot_files_half_written_by_a_dead_process_are_removed_at_start(
    tmp_path: Path,
) -> None:
    import os
    import subprocess
    import sys

    store = SqliteStore(tmp_path / "db.sqlite3")
    save(store, "a", "The council approved new schools.")
    path = tmp_path / "claims-index.npz"
    Corpus(store, ENCODER, path)
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True).stdout.strip()  # fmt: skip
    killed = tmp_path / f"claims-index.npz.{dead}.140.partial"
    writing = tmp_path / f"claims-index.npz.{os.getpid()}.7.partial"
    other = tmp_path / "other.npz.1.1.partial"
    for partial in (killed, writing, other):
        partial.write_bytes(b"half a snapshot")
    restarted = Corpus(store, ENCODER, path)
    assert restarted.rebuilds == 0
    assert not killed.exists()
    assert writing.exists() and other.exists()  # a live writer's, and not this snapshot's


def test_an_index_rebuilt_after_falling_behind_the_log_floor_is_written_soon(
    tmp_path: Path,
) -> None:
    store = SqliteStore(tmp_path / "db.sqlite3")
    path = tmp_path / "claims-index.npz"
    save(store, "a", "The council approved new schools.")
    corpus = Corpus(store, ENCODER, path)
    other_process = SqliteStore(tmp_path / "db.sqlite3")
    for n in range(4):
        save(other_process, f"b{n}", f"Roads would close in March, {n} officials said.")
    other_process.truncate_log(other_process.last_change())  # beyond this corpus's position
    corpus.sync()
    assert corpus.rebuilds == 2
    assert corpus._snapshot_thread is not None
    corpus._snapshot_thread.join()
    _, meta = read_snapshot(path)
    assert meta["sequence"] == store.last_change()
    assert Corpus(store, ENCODER, path).rebuilds == 0


def _ten_claims_after_the_snapshot(tmp_path: Path) -> tuple[SqliteStore, Path, IndexSettings]:
    """A store whose snapshot (log position 1) lacks the ten claims saved after it; merges
    are due after four additions."""
    settings = IndexSettings(kind="flat", delta_limit=4, background=False)
    store = SqliteStore(tmp_path / "db.sqlite3")
    path = tmp_path / "claims-index.npz"
    save(store, "a", "The council approved new schools.")
    Corpus(store, ENCODER, path, settings)  # built and written at log position 1
    for n in range(10):
        save(store, f"b{n}", f"Roads would close in March, {n} officials said.")
    return store, path, settings


def test_a_long_stretch_of_the_log_is_added_at_once_and_merged_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import crosscheck.index_opening

    monkeypatch.setattr(crosscheck.index_opening, "VECTOR_READ_BATCH", 2)  # many store reads
    store, path, settings = _ten_claims_after_the_snapshot(tmp_path)
    restarted = Corpus(store, ENCODER, path, settings)  # replays 10 additions
    assert restarted.rebuilds == 0
    index = restarted.index
    assert isinstance(index, FaissClaimIndex)
    assert index.compactions == 1
    assert index.snapshot().delta_keys.size == 0
    assert indexed(restarted) == live(store)


def test_a_deferred_start_replays_the_log_and_merges_only_once_started(tmp_path: Path) -> None:
    """A process opening its corpus beside its model load holds the merge its replay makes
    due until it is ready; searches find every replayed claim meanwhile."""
    store, path, settings = _ten_claims_after_the_snapshot(tmp_path)
    restarted = Corpus(store, ENCODER, path, settings, defer_background=True)
    index = restarted.index
    assert isinstance(index, FaissClaimIndex)
    assert restarted.background_held and index.compactions_held
    assert index.compactions == 0
    assert index.snapshot().delta_keys.size == 10
    assert indexed(restarted) == live(store)
    restarted.start_background_work()
    assert not restarted.background_held and not index.compactions_held
    assert index.compactions == 1
    assert index.snapshot().delta_keys.size == 0
    assert indexed(restarted) == live(store)


def test_a_snapshot_falling_due_in_a_deferred_start_is_written_once_started(
    tmp_path: Path,
) -> None:
    store = SqliteStore(tmp_path / "db.sqlite3")
    path = tmp_path / "claims-index.npz"
    policy = SnapshotPolicy(every_changes=3)
    save(store, "a", "The council approved new schools.")
    written_at = Corpus(store, ENCODER, path, snapshots=policy).applied  # built and written
    for n in range(3):
        save(store, f"b{n}", f"Roads would close in March, {n} officials said.")
    restarted = Corpus(store, ENCODER, path, snapshots=policy, defer_background=True)
    assert restarted.applied == store.last_change() == written_at + 3  # a snapshot is due
    assert restarted._snapshot_thread is None
    assert read_snapshot(path)[1]["sequence"] == written_at
    restarted.start_background_work()
    assert restarted._snapshot_thread is not None
    restarted._snapshot_thread.join()
    assert read_snapshot(path)[1]["sequence"] == store.last_change()


def test_a_deferred_rebuild_holds_the_merges_of_later_writes(tmp_path: Path) -> None:
    settings = IndexSettings(kind="flat", delta_limit=2, background=False)
    store = SqliteStore(tmp_path / "db.sqlite3")
    save(store, "a", "The council approved new schools.")
    corpus = Corpus(store, ENCODER, tmp_path / "claims-index.npz", settings, defer_background=True)
    assert corpus.rebuilds == 1
    for n in range(3):
        save(store, f"b{n}", f"Roads would close in March, {n} officials said.")
    corpus.sync()
    index = corpus.index
    assert isinstance(index, FaissClaimIndex)
    assert index.compactions == 0
    corpus.start_background_work()
    assert index.compactions == 1
    assert indexed(corpus) == live(store)
