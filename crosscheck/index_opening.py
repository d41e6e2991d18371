"""Opening the claim index from its snapshot, and applying the store's index log to it.

:class:`crosscheck.corpus.Corpus` does both when it opens. :func:`open_snapshot` does them
before the encoder is loaded (it needs only the store and the index settings), so that
``crosscheck serve`` opens the index in its master process while the models' libraries
import; the corpus of each worker then takes the result (:class:`OpenedIndex`) if the
snapshot was made by its encoder, and applies the log entries written since.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from embeddings import (
    ClaimIndex,
    IndexSettings,
    SnapshotUnreadable,
    Vectors,
    load_index,
    remove_stale_partials,
)
from storage import ArticleStore, IndexChange, IndexLogCompacted

log = logging.getLogger(__name__)

VECTOR_READ_BATCH = 10_000  # keys per store read, well under SQLite's bound on parameters
APPLY_BATCH = 100_000  # claims added to the index at once when catching up with the log


@dataclass(frozen=True)
class OpenedIndex:
    """The index of the snapshot at ``path`` (written at log position ``snapshot_at``) with
    the index log applied through ``applied``; ``encoder`` names the encoder its vectors came
    from (the snapshot's record)."""

    index: ClaimIndex
    applied: int
    encoder: str | None
    path: Path | None
    snapshot_at: int


def open_snapshot(
    store: ArticleStore, path: Path, settings: IndexSettings, compactions_held: bool = False
) -> OpenedIndex | None:
    """The snapshot at ``path`` brought up to the end of the store's index log; None when
    there is no readable snapshot, when it is out of step with the log or of another kind
    than the settings ask for, or when the log was compacted past it (the corpus then
    rebuilds the index from the store)."""
    removed = remove_stale_partials(path)
    if removed:
        log.info("removed %d snapshot files left half-written by a crash", removed)
    if not path.is_file():
        return None
    try:
        index, meta = load_index(path, settings, compactions_held)
    except SnapshotUnreadable as error:
        log.warning("index snapshot unreadable, rebuilding: %s", error)
        return None
    sequence = int(meta.get("sequence", -1))
    if not store.log_floor() <= sequence <= store.last_change():
        log.info("index snapshot out of step with the store, rebuilding")
        return None
    if index.kind not in ("flat", settings.kind_for(len(index))):
        log.info("index snapshot is %s, the settings ask for another kind: rebuilding", index.kind)
        return None
    log.info("index snapshot loaded: %d claims at log position %d", len(index), sequence)
    try:
        applied = catch_up(store, index, sequence)
    except IndexLogCompacted:
        return None
    encoder = meta.get("encoder")
    named = encoder if isinstance(encoder, str) else None
    return OpenedIndex(index, applied, named, path, snapshot_at=sequence)


def catch_up(store: ArticleStore, index: ClaimIndex, applied: int) -> int:
    """Apply the index log after position ``applied``; the position reached. Raises
    IndexLogCompacted when entries it needs were compacted away."""
    changes = store.changes_after(applied)
    if not changes:
        return applied
    apply_changes(store, index, changes)
    return changes[-1].sequence


def apply_changes(store: ArticleStore, index: ClaimIndex, changes: list[IndexChange]) -> None:
    """Apply index log entries to ``index``: each claim's latest operation counts."""
    latest: dict[int, str] = {}
    for change in changes:
        latest[change.claim_key] = change.operation
    index.remove([key for key, op in latest.items() if op == "remove"])
    added = [key for key, op in latest.items() if op == "add"]
    # Added together (up to APPLY_BATCH), so that catching up with a long stretch of the log
    # (a restart after kill -9 replays up to a snapshot period) fills the delta once and
    # compacts it once, not once per store read with a remainder left behind.
    for chunk in range(0, len(added), APPLY_BATCH):
        keys, vectors = _stored_vectors(store, added[chunk : chunk + APPLY_BATCH])
        if keys:
            index.add(keys, vectors)


def _stored_vectors(store: ArticleStore, wanted: list[int]) -> tuple[list[int], Vectors]:
    keys: list[int] = []
    parts: list[Vectors] = []
    for start in range(0, len(wanted), VECTOR_READ_BATCH):
        found, vectors = store.vectors(wanted[start : start + VECTOR_READ_BATCH])
        if found:
            keys.extend(found)
            parts.append(vectors)
    if not parts:
        return [], np.zeros((0, 0), dtype=np.float32)
    return keys, parts[0] if len(parts) == 1 else np.concatenate(parts)
