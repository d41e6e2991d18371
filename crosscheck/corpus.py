"""The searchable corpus: the claim index kept in step with the store.

The store is the source of truth. The index snapshot on disk is a cache: it is loaded when
its recorded position in the store's index log is still valid, brought up to date by
replaying the log from that position, and rebuilt from the stored vectors when missing,
unreadable or made with another encoder, or when it fell behind the log's floor (entries it
still needed were compacted away). Snapshots are written in the background every
``SnapshotPolicy.every_changes`` log entries or ``every_seconds``, after bulk loads, and at
a clean shutdown, so a restart after a crash replays at most that much of the log.

A process starting up can open the corpus with ``defer_background``: the merge that the log
replay makes due, and a snapshot that falls due, then wait for
:meth:`Corpus.start_background_work` (called once the process is ready to serve), so that
they do not compete with the rest of its start.

A rebuild is written as a snapshot before the index is used, under a lock on a file beside
the snapshot: of several processes starting together (gunicorn's workers) one builds and the
others wait, then load what it wrote, and a crash after a rebuild does not rebuild again.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from crosscheck.index_opening import OpenedIndex, apply_changes, open_snapshot
from embeddings import ClaimIndex, Encoder, Hit, IndexSettings, Vectors, build_index
from storage import ArticleStore, IndexLogCompacted
from storage.file_lock import held_exclusively

log = logging.getLogger(__name__)

ENCODER_META_KEY = "encoder"


@dataclass(frozen=True, slots=True)
class SnapshotPolicy:
    """Write a snapshot once this many index log entries were applied since the last one,
    or once ``every_seconds`` passed with at least one applied."""

    every_changes: int = 50_000
    every_seconds: float = 600.0


class Corpus:
    def __init__(
        self,
        store: ArticleStore,
        encoder: Encoder,
        index_path: Path | None,
        settings: IndexSettings | None = None,
        snapshots: SnapshotPolicy | None = None,
        defer_background: bool = False,
        opened: OpenedIndex | None = None,
    ):
        self._store = store
        self._encoder = encoder
        self._index_path = index_path
        self._settings = settings or IndexSettings()
        self._snapshots = snapshots or SnapshotPolicy()
        self._lock = threading.RLock()
        self._snapshot_lock = threading.Lock()
        self._snapshot_thread: threading.Thread | None = None
        self._background_held = defer_background
        self._snapshot_wanted = False
        self.rebuilds = 0
        """How many times this corpus built its index from the stored vectors."""
        self._ensure_vectors_match_encoder()
        opening = self._taken(opened) or self._open_index()
        self._index, self._applied = opening.index, opening.applied
        self._snapshot_at, self._snapshot_time = opening.snapshot_at, time.monotonic()
        self.sync()
        if self._snapshot_due():  # the snapshot opened was far behind the log
            self.snapshot_soon()

    @property
    def index(self) -> ClaimIndex:
        return self._index

    @property
    def applied(self) -> int:
        """The index log position the index reflects."""
        return self._applied

    def search(self, vectors: Vectors, k: int) -> list[list[Hit]]:
        """Catch up with the log, then search, so every change logged before the call is seen
        (an article acknowledged by any process is matched by the next search here).

        A catch-up in progress on another thread is waited for, since it may be applying the
        very change this caller needs; applying changes is quick (new claims go to the index's
        delta). The index search itself takes no lock.
        """
        self.sync()
        return self._index.search(vectors, k)

    def count(self) -> int:
        """How many claims a search covers, the log caught up with first: the stored claims,
        counted without a scan of the store's claims (a tenth of a second at a million
        claims on an idle machine, seconds on a busy one)."""
        self.sync()
        return len(self._index)

    def sync(self) -> None:
        """Apply store writes (from this or another process) that the index has not seen."""
        with self._lock:
            try:
                changes = self._store.changes_after(self._applied)
            except IndexLogCompacted as behind:
                log.info(
                    "vector index at %d is behind the index log floor %d, rebuilding",
                    behind.sequence,
                    behind.floor,
                )
                self._index, self._applied = self._rebuild()
                self.snapshot_soon()  # so a restart does not rebuild too
                self.sync()
                return
            if not changes:
                return
            apply_changes(self._store, self._index, changes)
            self._applied = changes[-1].sequence
            if self._snapshot_due():
                self.snapshot_soon()

    # -- snapshots --------------------------------------------------------------------------

    def save(self) -> None:
        """Write a snapshot of the index now, with the log position it reflects."""
        if self._index_path is None:
            return
        with self._snapshot_lock:
            with self._lock:
                self.sync()
                index, sequence = self._index, self._applied
            self._write_snapshot(index, sequence)

    def _write_snapshot(self, index: ClaimIndex, sequence: int) -> None:
        assert self._index_path is not None
        meta = {
            "sequence": sequence,
            "encoder": self._encoder.name,
            "dimension": self._encoder.dimension,
        }
        index.snapshot().write(self._index_path, meta)
        self._snapshot_at, self._snapshot_time = sequence, time.monotonic()
        log.info("index snapshot written at log position %d", sequence)

    def snapshot_soon(self) -> None:
        """Write a snapshot in the background (after a bulk load, or when one is due); with
        background work deferred, once :meth:`start_background_work` is called."""
        if self._index_path is None:
            return
        if self._background_held:
            self._snapshot_wanted = True
            return
        running = self._snapshot_thread
        if running is not None and running.is_alive():
            return
        self._snapshot_thread = threading.Thread(
            target=self._save_logging_errors, name="index-snapshot", daemon=True
        )
        self._snapshot_thread.start()

    @property
    def background_held(self) -> bool:
        """Whether index merges and background snapshots wait for
        :meth:`start_background_work`."""
        return self._background_held

    def start_background_work(self) -> None:
        """End the hold of ``defer_background``: the index merges now if the start-up replay
        filled its delta, and a snapshot that fell due meanwhile is written."""
        with self._lock:
            if not self._background_held:
                return
            self._background_held = False
            wanted, self._snapshot_wanted = self._snapshot_wanted, False
            self._index.release_compactions()
        if wanted or self._snapshot_due():
            self.snapshot_soon()

    def close(self) -> None:
        """Wait for background work, then write a last snapshot."""
        running = self._snapshot_thread
        if running is not None:
            running.join()
        self.save()

    def _save_logging_errors(self) -> None:
        try:
            self.save()
        except (OSError, RuntimeError, ValueError) as error:
            log.warning("index snapshot not written: %s", error)

    def _snapshot_due(self) -> bool:
        if self._index_path is None:
            return False
        behind = self._applied - self._snapshot_at
        elapsed = time.monotonic() - self._snapshot_time
        return behind >= self._snapshots.every_changes or (
            behind > 0 and elapsed >= self._snapshots.every_seconds
        )

    # -- opening ----------------------------------------------------------------------------

    def _taken(self, opened: OpenedIndex | None) -> OpenedIndex | None:
        """``opened`` (the index opened before the encoder loaded) if it is this corpus's
        snapshot, made by this corpus's encoder."""
        if opened is None:
            return None
        if opened.path != self._index_path or not self._fits_encoder(opened):
            log.info("the index opened ahead is not this corpus's: opening the snapshot again")
            return None
        if not self._background_held:
            opened.index.release_compactions()
        log.info("index opened ahead taken: %d claims at log position %d",
                 len(opened.index), opened.applied)  # fmt: skip
        return opened

    def _fits_encoder(self, opened: OpenedIndex) -> bool:
        return (
            opened.encoder == self._encoder.name
            and opened.index.dimension == self._encoder.dimension
        )

    def _open_index(self) -> OpenedIndex:
        cached = self._load_snapshot()
        if cached is not None:
            return cached
        with self._rebuild_lock():
            cached = self._load_snapshot()  # written by another process while this one waited
            if cached is not None:
                return cached
            index, sequence = self._rebuild()
            if self._index_path is not None and len(index):  # an empty one costs nothing
                try:
                    self._write_snapshot(index, sequence)
                except (OSError, RuntimeError, ValueError) as error:
                    log.warning("index snapshot not written after the rebuild: %s", error)
            return OpenedIndex(index, sequence, self._encoder.name, self._index_path, sequence)

    @contextmanager
    def _rebuild_lock(self) -> Iterator[None]:
        """An exclusive lock on ``<snapshot>.lock`` (none without a snapshot path), held by
        one process of this machine while it rebuilds and writes the snapshot."""
        if self._index_path is None:
            yield
            return
        lock_path = self._index_path.with_name(f"{self._index_path.name}.lock")
        with held_exclusively(
            lock_path, "another process is building the vector index; waiting for it"
        ):
            yield

    def _load_snapshot(self) -> OpenedIndex | None:
        """The snapshot, the log replayed, when it can be used (:func:`open_snapshot`) and
        was made by this corpus's encoder."""
        if self._index_path is None:
            return None
        opened = open_snapshot(self._store, self._index_path, self._settings, self._background_held)
        if opened is None:
            return None
        if not self._fits_encoder(opened):
            log.info("index snapshot out of step with the encoder, rebuilding")
            return None
        return opened

    def _rebuild(self) -> tuple[ClaimIndex, int]:
        self.rebuilds += 1
        sequence = self._store.last_change()
        keys, vectors = self._store.vectors()
        if not keys:
            vectors = np.zeros((0, self._encoder.dimension), dtype=np.float32)
        index = build_index(keys, vectors, self._settings)
        if self._background_held:
            index.hold_compactions()
        log.info("vector index built from the store: %d claims, %s", len(keys), index.kind)
        return index, sequence

    def _ensure_vectors_match_encoder(self) -> None:
        """Re-embed stored claims when they were embedded by another encoder."""
        stored_by = self._store.get_meta(ENCODER_META_KEY)
        if stored_by == self._encoder.name:
            return
        keys, texts = self._store.all_claim_texts()
        if keys:
            log.info(
                "re-embedding %d claims: encoder %s -> %s", len(keys), stored_by, self._encoder.name
            )
            self._store.replace_vectors(keys, self._encoder.encode(texts))
        self._store.set_meta(ENCODER_META_KEY, self._encoder.name)
