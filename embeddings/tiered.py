"""The FAISS claim index: a trained base that never changes, an exact delta for new claims,
and tombstones for removed ones, merged by a background compaction.

Searches take no lock. Everything a search reads is one :class:`_Generation`, read once and
never changed after it is published; writers build the next generation under the write lock
and publish it by swapping one reference. The one structure two generations share is the
delta buffer, and a writer only appends to it beyond the rows the published generation
shows, or clears a row's live flag (a search that runs beside a removal may or may not still
see the removed claim, as if it had run just before). FAISS indexes are safe for concurrent
searches but not for a search beside an add, which is why the base is never added to: the
compaction adds to a copy and swaps it in.

An ``ivf-fastscan`` base comes with one-byte codes of its claims (:mod:`embeddings.rerank`),
rows in the order of ``base_keys``: its search asks FAISS for ``rerank_factor`` × k
candidates (at least ``RERANK_MIN_CANDIDATES``) and keeps the k best by those codes. The
compaction merges the codes with the base.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import faiss
import numpy as np
import numpy.typing as npt

from embeddings.encoder import Vectors
from embeddings.index import Hit
from embeddings.kinds import (
    FLAT,
    IndexSettings,
    empty_flat,
    kind_of,
    remove_from,
    reranks,
    search_parameters,
    stored_vectors,
    trained,
    trained_rerank_codes,
    use_search_threads,
)
from embeddings.rerank import ScalarCodes
from embeddings.snapshots import IndexSnapshot

log = logging.getLogger(__name__)

Keys = npt.NDArray[np.int64]
_INITIAL_DELTA_ROWS = 1024
RERANK_MIN_CANDIDATES = 200  # re-ranked even when few hits are wanted: the codes are rough
_FOLLOW_UP_COMPACTIONS = 3  # merges run back to back while writes keep filling the delta


class _Delta:
    """Append-only rows of (claim id, vector, live flag), searched exactly."""

    def __init__(self, dimension: int, capacity: int):
        self.keys: Keys = np.zeros(capacity, dtype=np.int64)
        self.vectors: Vectors = np.zeros((capacity, dimension), dtype=np.float32)
        self.live = np.zeros(capacity, dtype=bool)

    @property
    def capacity(self) -> int:
        return len(self.keys)

    def copy_rows(self, start: int, stop: int, capacity: int) -> _Delta:
        """A new buffer holding rows ``start:stop`` of this one at its top."""
        copied = _Delta(self.vectors.shape[1], max(capacity, stop - start))
        count = stop - start
        copied.keys[:count] = self.keys[start:stop]
        copied.vectors[:count] = self.vectors[start:stop]
        copied.live[:count] = self.live[start:stop]
        return copied


@dataclass(frozen=True)
class _Generation:
    """What one search reads: ``base`` (with ``base_keys``, sorted, and the ``rerank`` codes
    of those claims in the same order when the base's kind re-ranks) less the ``dead`` keys,
    and the first ``rows`` rows of ``delta``. ``live`` counts the claims searched."""

    base: faiss.Index
    base_keys: Keys
    rerank: ScalarCodes | None
    dead: frozenset[int]
    nprobe: int
    rerank_factor: int
    excluded: tuple[Any, ...]  # FAISS selectors leaving out ``dead`` (the last one), shared
    delta: _Delta
    rows: int
    live: int


class FaissClaimIndex:
    """Claim vectors searched by inner product (cosine on normalised vectors), keyed by id."""

    def __init__(self, dimension: int, settings: IndexSettings | None = None):
        self._dimension = dimension
        self._settings = settings or IndexSettings()
        self._write_lock = threading.Lock()
        self._compaction_lock = threading.Lock()
        self._removed_during_compaction: set[int] | None = None
        self._compactor: threading.Thread | None = None
        self._compactions_held = False
        self.compactions = 0
        """How many compactions this index has swapped in."""
        self._generation = _generation(
            _Base(empty_flat(dimension), _keys([]), None), frozenset(), self._delta()
        )

    # -- building ---------------------------------------------------------------------------

    @classmethod
    def build(
        cls, ids: Sequence[int], vectors: Vectors, settings: IndexSettings | None = None
    ) -> FaissClaimIndex:
        """An index of these claims, its base trained on their vectors when the corpus is
        large enough for an approximate kind."""
        index = cls(vectors.shape[1], settings)
        keys = _keys(ids)
        if len(keys):
            kind = index._settings.kind_for(len(keys))
            base = _filled(trained(kind, vectors, index._settings), keys, vectors)
            index._publish_base(base, frozenset(), index._delta(), 0)
        return index

    @classmethod
    def from_snapshot(
        cls,
        snapshot: IndexSnapshot,
        settings: IndexSettings | None = None,
        compactions_held: bool = False,
    ) -> FaissClaimIndex:
        """The index of a snapshot; with ``compactions_held``, its delta (however large) and
        the claims added next wait in the delta until :meth:`release_compactions`."""
        index = cls(snapshot.base.d, settings)
        if compactions_held:
            index.hold_compactions()
        dead = frozenset(int(key) for key in snapshot.dead)
        base = _Base(snapshot.base, snapshot.base_keys, snapshot.rerank)
        index._publish_base(base, dead, index._delta(), 0)
        index.add(snapshot.delta_keys.tolist(), snapshot.delta_vectors)
        return index

    # -- reading ----------------------------------------------------------------------------

    @property
    def dimension(self) -> int:
        return self._dimension

    @property
    def kind(self) -> str:
        return kind_of(self._generation.base)

    def __len__(self) -> int:
        return self._generation.live

    def search(self, vectors: Vectors, k: int) -> list[list[Hit]]:
        if len(vectors) == 0:
            return []
        use_search_threads()
        generation = self._generation
        if k <= 0 or generation.live == 0:
            return [[] for _ in range(len(vectors))]
        queries = np.ascontiguousarray(vectors, dtype=np.float32)
        rows = [_base_hits(generation, queries, k), _delta_hits(generation, queries, k)]
        return [_best(found, k) for found in zip(*rows, strict=True)]

    def snapshot(self) -> IndexSnapshot:
        generation = self._generation
        live = np.flatnonzero(generation.delta.live[: generation.rows])
        return IndexSnapshot(
            base=generation.base,
            base_keys=generation.base_keys,
            dead=_keys(sorted(generation.dead)),
            delta_keys=generation.delta.keys[live].copy(),
            delta_vectors=generation.delta.vectors[live].copy(),
            rerank=generation.rerank,
        )

    def save(self, path: Path) -> None:
        self.snapshot().write(path, {})

    def set_nprobe(self, nprobe: int, rerank_factor: int | None = None) -> None:
        """How many cells of an IVF base a search scans (and, for a re-ranking kind, how
        many candidates per hit wanted it scores again): recall against speed."""
        factor = rerank_factor or self._settings.rerank_factor
        with self._write_lock:
            self._settings = replace(self._settings, nprobe=nprobe, rerank_factor=factor)
            self._generation = replace(self._generation, nprobe=nprobe, rerank_factor=factor)

    # -- writing ----------------------------------------------------------------------------

    def add(self, ids: Sequence[int], vectors: Vectors) -> None:
        if len(ids) != len(vectors):
            raise ValueError("ids and vectors differ in length")
        if not len(ids):
            return
        keys = _keys(ids)
        with self._write_lock:
            generation = self._without(self._generation, keys)
            delta, start = generation.delta, generation.rows
            if start + len(keys) > delta.capacity:
                delta = delta.copy_rows(0, start, 2 * (start + len(keys)))
            delta.keys[start : start + len(keys)] = keys
            delta.vectors[start : start + len(keys)] = vectors
            delta.live[start : start + len(keys)] = True
            self._generation = replace(
                generation, delta=delta, rows=start + len(keys), live=generation.live + len(keys)
            )
        self._compact_when_due()

    def remove(self, ids: Sequence[int]) -> None:
        if not len(ids):
            return
        with self._write_lock:
            self._generation = self._without(self._generation, _keys(ids))
        self._compact_when_due()

    def _without(self, generation: _Generation, keys: Keys) -> _Generation:
        """The generation with ``keys`` removed: tombstones for the base, live flags cleared
        in the delta. Called under the write lock."""
        if self._removed_during_compaction is not None:
            self._removed_during_compaction.update(keys.tolist())
        rows = generation.rows
        in_delta = np.flatnonzero(
            np.isin(generation.delta.keys[:rows], keys) & generation.delta.live[:rows]
        )
        generation.delta.live[in_delta] = False
        in_base = _members(generation.base_keys, keys) - generation.dead
        if not in_base and not len(in_delta):
            return generation
        removed = len(in_base) + len(in_delta)
        if not in_base:
            return replace(generation, live=generation.live - removed)
        dead = generation.dead | in_base
        excluded = _excluding(dead)
        return replace(
            generation,
            dead=dead,
            excluded=excluded,
            live=generation.live - removed,
        )

    # -- compaction -------------------------------------------------------------------------

    def compaction_due(self) -> bool:
        generation = self._generation
        settings = self._settings
        return (
            generation.rows >= settings.delta_limit
            or len(generation.dead) >= settings.dead_limit
            or self._wanted_kind(generation.base, generation.live) != kind_of(generation.base)
        )

    def _wanted_kind(self, base: faiss.Index, claims: int) -> str:
        """The kind the settings call for; a trained base keeps its kind, as its vectors
        cannot be read back exactly to train another (a rebuild from the store can)."""
        current = kind_of(base)
        return self._settings.kind_for(claims) if current == FLAT else current

    def compact(self) -> None:
        """Merge the delta into a new base and drop the tombstones, retraining the base when
        the corpus outgrew its kind. Writes and searches go on meanwhile."""
        use_search_threads()
        with self._compaction_lock:
            with self._write_lock:
                start = self._generation
                self._removed_during_compaction = set()
            try:
                base = self._merged(start)
            except BaseException:
                with self._write_lock:
                    self._removed_during_compaction = None
                raise
            with self._write_lock:
                removed = self._removed_during_compaction or set()
                self._removed_during_compaction = None
                now = self._generation
                tail = now.delta.copy_rows(start.rows, now.rows, self._delta().capacity)
                dead = _members(base.keys, _keys(sorted(removed)))
                self._publish_base(base, frozenset(dead), tail, now.rows - start.rows)
                self.compactions += 1
        log.info("claim index compacted: %d claims, %s", len(self), self.kind)

    def hold_compactions(self) -> None:
        """Start no compaction until :meth:`release_compactions`: claims added meanwhile stay
        in the exact delta (searched as usual). A process starting up holds them while it
        replays the index log, until it is ready to serve, so a merge does not compete with
        the rest of its start."""
        self._compactions_held = True

    def release_compactions(self) -> None:
        """Compact again when due, starting now if the delta filled while compactions were
        held."""
        self._compactions_held = False
        self._compact_when_due()

    @property
    def compactions_held(self) -> bool:
        return self._compactions_held

    def wait_for_compaction(self) -> None:
        compactor = self._compactor
        if compactor is not None:
            compactor.join()

    def _compact_when_due(self) -> None:
        if self._compactions_held or not self.compaction_due() or self._compaction_lock.locked():
            return
        if not self._settings.background:
            self.compact()
            return
        running = self._compactor
        if running is not None and running.is_alive():
            return
        self._compactor = threading.Thread(
            target=self._compact_logging_errors, name="index-compaction"
        )
        self._compactor.daemon = True
        self._compactor.start()

    def _compact_logging_errors(self) -> None:
        try:
            self.compact()
            for _ in range(_FOLLOW_UP_COMPACTIONS):
                # Writes during the merge may have filled the delta again; no later write
                # need come to trigger the next merge (a snapshot would keep the big delta).
                if self._compactions_held or not self.compaction_due():
                    break
                self.compact()
        except (RuntimeError, MemoryError, ValueError) as error:
            log.error("claim index compaction failed, will retry after the next write: %s", error)

    def _merged(self, generation: _Generation) -> _Base:
        """A new base holding every live claim of ``generation``."""
        live_rows = np.flatnonzero(generation.delta.live[: generation.rows])
        new_keys = generation.delta.keys[live_rows]
        new_vectors = generation.delta.vectors[live_rows]
        dead = _keys(sorted(generation.dead))
        keep = ~np.isin(generation.base_keys, dead)
        wanted = self._wanted_kind(generation.base, int(keep.sum()) + len(new_keys))
        if wanted != kind_of(generation.base):
            old_keys, old_vectors = stored_vectors(generation.base)
            keep = ~np.isin(old_keys, dead)
            all_keys = np.concatenate([old_keys[keep], new_keys])
            all_vectors = np.concatenate([old_vectors[keep], new_vectors])
            return _filled(trained(wanted, all_vectors, self._settings), all_keys, all_vectors)
        index = faiss.clone_index(generation.base)
        if len(dead):
            remove_from(index, dead)
        if len(new_keys):
            index.add_with_ids(np.ascontiguousarray(new_vectors), new_keys)
        if generation.rerank is None:
            kept = generation.base_keys[keep]
            return _Base(index, np.sort(np.concatenate([kept, new_keys])), None)
        keys, rerank = generation.rerank.merged(generation.base_keys, keep, new_keys, new_vectors)
        return _Base(index, keys, rerank)

    def _publish_base(self, base: _Base, dead: frozenset[int], delta: _Delta, rows: int) -> None:
        settings = self._settings
        self._generation = _generation(
            base, dead, delta, rows, settings.nprobe, settings.rerank_factor
        )

    def _delta(self) -> _Delta:
        return _Delta(self._dimension, _INITIAL_DELTA_ROWS)


@dataclass(frozen=True)
class _Base:
    """A FAISS index, the sorted ids it holds, and their re-ranking codes if its kind has
    them."""

    index: faiss.Index
    keys: Keys
    rerank: ScalarCodes | None


def _filled(index: faiss.Index, keys: Keys, vectors: Vectors) -> _Base:
    """A base of the freshly trained ``index`` holding these claims."""
    vectors = np.ascontiguousarray(vectors, dtype=np.float32)
    index.add_with_ids(vectors, keys)
    if not reranks(kind_of(index)):
        return _Base(index, np.sort(keys), None)
    nothing = np.zeros(0, dtype=bool)
    sorted_keys, rerank = trained_rerank_codes(vectors).merged(keys[:0], nothing, keys, vectors)
    return _Base(index, sorted_keys, rerank)


def _generation(
    base: _Base,
    dead: frozenset[int],
    delta: _Delta,
    rows: int = 0,
    nprobe: int = 1,
    rerank_factor: int = 1,
) -> _Generation:
    live = int(base.index.ntotal) - len(dead) + int(delta.live[:rows].sum())
    return _Generation(
        base=base.index,
        base_keys=base.keys,
        rerank=base.rerank,
        dead=dead,
        nprobe=nprobe,
        rerank_factor=rerank_factor,
        excluded=_excluding(dead),
        delta=delta,
        rows=rows,
        live=live,
    )


def _excluding(dead: frozenset[int]) -> tuple[Any, ...]:
    """A selector of every id but the ``dead`` ones, with the selector it wraps."""
    if not dead:
        return ()
    batch = faiss.IDSelectorBatch(_keys(sorted(dead)))
    return batch, faiss.IDSelectorNot(batch)


def _base_hits(generation: _Generation, queries: Vectors, k: int) -> list[list[Hit]]:
    searchable = int(generation.base.ntotal) - len(generation.dead)
    if searchable <= 0:
        return [[] for _ in range(len(queries))]
    # Parameters are made per search: an IndexIDMap2 swaps its own selector into them while
    # it searches, so two searches sharing one parameters object would corrupt each other.
    excluded = generation.excluded[-1] if generation.excluded else None
    parameters = search_parameters(generation.base, excluded, generation.nprobe)
    if generation.rerank is not None:
        wanted = min(max(k * generation.rerank_factor, RERANK_MIN_CANDIDATES), searchable)
        _, candidates = generation.base.search(queries, wanted, params=parameters)
        scores, ids = _reranked(generation.base_keys, generation.rerank, queries, candidates, k)
    else:
        scores, ids = generation.base.search(queries, min(k, searchable), params=parameters)
    return [
        [
            (int(key), float(score))
            for key, score in zip(row_ids, row_scores, strict=True)
            if key >= 0
        ]
        for row_ids, row_scores in zip(ids, scores, strict=True)
    ]


def _reranked(
    base_keys: Keys, rerank: ScalarCodes, queries: Vectors, candidates: Keys, k: int
) -> tuple[Vectors, Keys]:
    """The ``k`` best ``candidates`` of each query by their re-ranking codes (id -1: none)."""
    found = candidates >= 0
    rows = np.searchsorted(base_keys, np.where(found, candidates, base_keys[0]))
    scores = rerank.scores(queries, rows)
    scores[~found] = -np.inf
    top = min(k, candidates.shape[1])
    best = np.argpartition(-scores, top - 1, axis=1)[:, :top]
    return np.take_along_axis(scores, best, 1), np.take_along_axis(candidates, best, 1)


def _delta_hits(generation: _Generation, queries: Vectors, k: int) -> list[list[Hit]]:
    rows = generation.rows
    live = generation.delta.live[:rows].copy()
    count = int(live.sum())
    if not count:
        return [[] for _ in range(len(queries))]
    scores = queries @ generation.delta.vectors[:rows].T
    scores[:, ~live] = -np.inf
    keys = generation.delta.keys[:rows]
    top = min(k, count)
    best = np.argpartition(-scores, top - 1, axis=1)[:, :top]
    return [
        [(int(keys[column]), float(row[column])) for column in columns]
        for row, columns in zip(scores, best, strict=True)
    ]


def _best(found: Sequence[list[Hit]], k: int) -> list[Hit]:
    """The ``k`` best hits of the base and the delta; equal scores in claim id order."""
    merged = [hit for hits in found for hit in hits]
    return sorted(merged, key=lambda hit: (-hit[1], hit[0]))[:k]


def _keys(ids: Sequence[int] | npt.NDArray[Any]) -> Keys:
    return np.asarray(ids, dtype=np.int64).reshape(-1)


def _members(sorted_keys: Keys, keys: Keys) -> set[int]:
    """The ``keys`` found in ``sorted_keys``."""
    if not len(sorted_keys) or not len(keys):
        return set()
    positions = np.minimum(np.searchsorted(sorted_keys, keys), len(sorted_keys) - 1)
    return set(keys[sorted_keys[positions] == keys].tolist())
