"""The claim index: exact and approximate kinds, tombstones, compaction, snapshots."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import faiss
import numpy as np
import pytest

from embeddings import (
    FaissClaimIndex,
    HashingEncoder,
    IndexSettings,
    SnapshotUnreadable,
    build_index,
    load_index,
)
from embeddings.encoder import normalise_rows

TEXTS = [
    "troops at the border",
    "rain in the valley",
    "troops near the border",
    "a bridge reopened",
]
DIMENSION = 32
SYNCHRONOUS = IndexSettings(background=False)


@pytest.fixture(autouse=True)
def one_faiss_thread() -> Iterator[None]:
    """Training and searching on one thread: the suite shares a few cores, where FAISS's
    OpenMP threads would spin against each other."""
    threads = faiss.omp_get_max_threads()
    faiss.omp_set_num_threads(1)
    yield
    faiss.omp_set_num_threads(threads)


def clustered(count: int, seed: int = 0, dimension: int = DIMENSION) -> np.ndarray:
    """Unit vectors around 40 centres, as claim vectors of many stories cluster."""
    rng = np.random.default_rng(seed)
    centres = rng.standard_normal((40, dimension))
    rows = centres[rng.integers(0, 40, count)] + 0.6 * rng.standard_normal((count, dimension))
    return normalise_rows(rows)


def exact_top(vectors: np.ndarray, queries: np.ndarray, k: int) -> list[list[int]]:
    scores = queries @ vectors.T
    return [list(np.argsort(-row, kind="stable")[:k]) for row in scores]


def keys_of(hits: list[list[tuple[int, float]]]) -> list[list[int]]:
    return [[key for key, _ in row] for row in hits]


def small_index(settings: IndexSettings = SYNCHRONOUS) -> tuple[FaissClaimIndex, np.ndarray]:
    vectors = HashingEncoder(dimension=DIMENSION).encode(TEXTS)
    index = FaissClaimIndex(DIMENSION, settings)
    index.add([10, 20, 30, 40], vectors)
    return index, vectors


def test_search_returns_claim_ids_with_cosine_scores() -> None:
    index, vectors = small_index()
    hits = index.search(vectors[:1], 2)[0]
    assert hits[0][0] == 10
    assert abs(hits[0][1] - 1.0) < 1e-5
    assert hits[1][0] == 30


def test_remove_and_re_add_replace_vectors() -> None:
    index, vectors = small_index()
    index.remove([10])
    assert len(index) == 3
    assert all(key != 10 for key, _ in index.search(vectors[:1], 4)[0])
    index.add([30], vectors[1:2])
    assert len(index) == 3
    assert index.search(vectors[1:2], 1)[0][0][1] > 0.99


def test_search_with_k_beyond_size_and_on_empty_index() -> None:
    index, vectors = small_index()
    assert len(index.search(vectors[:1], 50)[0]) == 4
    assert FaissClaimIndex(DIMENSION).search(vectors[:2], 3) == [[], []]


@pytest.mark.parametrize("kind", ["flat", "ivf-sq8", "ivf-pq", "ivf-fastscan"])
def test_each_kind_finds_the_exact_neighbours(kind: str) -> None:
    vectors = clustered(4000)
    queries = clustered(50, seed=1)
    settings = IndexSettings(kind=kind, nprobe=16, pq_bytes=8, background=False)
    index = build_index(range(len(vectors)), vectors, settings)
    assert index.kind == kind
    found = keys_of(index.search(queries, 10))
    exact = exact_top(vectors, queries, 10)
    recall = np.mean([len(set(f) & set(e)) / 10 for f, e in zip(found, exact, strict=True)])
    assert recall >= {"flat": 1.0, "ivf-sq8": 0.9, "ivf-pq": 0.6, "ivf-fastscan": 0.9}[kind]


def test_auto_searches_exactly_below_the_threshold_and_trains_an_ivf_above() -> None:
    vectors = clustered(3000)
    settings = IndexSettings(kind="auto", flat_below=2500, delta_limit=10_000, background=False)
    index = FaissClaimIndex(DIMENSION, settings)
    index.add(range(2000), vectors[:2000])
    assert index.kind == "flat"
    index.add(range(2000, 3000), vectors[2000:])
    assert index.kind == "ivf-fastscan"
    assert len(index) == 3000
    assert index.search(vectors[2999:], 1)[0][0][0] == 2999


def test_removed_claims_are_never_found_in_the_base_or_the_delta() -> None:
    vectors = clustered(3000)
    settings = IndexSettings(kind="ivf-sq8", nprobe=64, background=False)
    index = build_index(range(2500), vectors[:2500], settings)
    index.add(range(2500, 3000), vectors[2500:])
    gone = [0, 1, 2, 2600, 2601]
    index.remove(gone)
    assert len(index) == 3000 - len(gone)
    found = {key for row in index.search(vectors[gone], 20) for key, _ in row}
    assert not found & set(gone)


def test_compaction_keeps_the_same_results_and_drops_the_tombstones() -> None:
    vectors = clustered(1200)
    settings = IndexSettings(kind="flat", delta_limit=500, dead_limit=100, background=False)
    index = FaissClaimIndex(DIMENSION, settings)
    index.add(range(400), vectors[:400])
    index.compact()
    index.add(range(400, 450), vectors[400:450])
    index.remove(range(0, 400, 7))
    before = index.search(vectors[:30], 15)
    compactions = index.compactions
    index.compact()
    assert index.compactions == compactions + 1
    assert index.snapshot().dead.size == 0
    assert keys_of(index.search(vectors[:30], 15)) == keys_of(before)


def test_writes_made_while_a_compaction_runs_are_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    """Removals and re-adds that land while the new base is being built must hold in it."""
    vectors = clustered(600)
    index = FaissClaimIndex(DIMENSION, IndexSettings(kind="flat", background=False))
    index.add(range(300), vectors[:300])
    merge = index._merged

    def merge_beside_writes(generation: object) -> object:
        merged = merge(generation)  # type: ignore[arg-type]
        index.remove([0, 1])  # both in the base being built
        index.add([2], vectors[500:501])  # re-added: the new base's copy must not count
        index.add(range(300, 310), vectors[300:310])
        return merged

    monkeypatch.setattr(index, "_merged", merge_beside_writes)
    index.compact()
    assert len(index) == 300 - 2 + 10
    hits = index.search(np.vstack([vectors[:3], vectors[500:501], vectors[305:306]]), 3)
    assert {0, 1} & {key for row in hits for key, _ in row} == set()
    assert hits[2][0][0] != 2  # the old vector of 2 is gone
    assert hits[3][0] == (2, pytest.approx(1.0, abs=1e-5))
    assert hits[4][0][0] == 305


def test_a_search_does_not_wait_for_the_write_lock() -> None:
    index, vectors = small_index()
    results: list[object] = []
    with index._write_lock:
        searcher = threading.Thread(target=lambda: results.append(index.search(vectors, 2)))
        searcher.start()
        searcher.join(timeout=30)
        assert not searcher.is_alive()
    assert len(results) == 1


def test_searches_beside_writes_and_background_compactions() -> None:
    vectors = clustered(3000)
    settings = IndexSettings(kind="auto", flat_below=1500, delta_limit=300, dead_limit=50)
    index = FaissClaimIndex(DIMENSION, settings)
    errors: list[BaseException] = []
    done = threading.Event()

    def search() -> None:
        while not done.is_set():
            try:
                index.search(vectors[:8], 10)
            except BaseException as error:  # pragma: no cover - reported below
                errors.append(error)
                return

    searchers = [threading.Thread(target=search) for _ in range(2)]
    for thread in searchers:
        thread.start()
    for start in range(0, 3000, 100):
        index.add(range(start, start + 100), vectors[start : start + 100])
        index.remove([start])
    index.wait_for_compaction()
    done.set()
    for thread in searchers:
        thread.join()
    assert errors == []
    index.compact()
    assert len(index) == 3000 - 30
    assert index.kind == "ivf-fastscan"


def test_snapshot_round_trip_keeps_base_delta_and_tombstones(tmp_path: Path) -> None:
    vectors = clustered(3000)
    settings = IndexSettings(kind="ivf-sq8", nprobe=64, background=False)
    index = build_index(range(2500), vectors[:2500], settings)
    index.add(range(2500, 2600), vectors[2500:2600])
    index.remove([5, 2550])
    index.snapshot().write(tmp_path / "claims-index.npz", {"sequence": 7})
    loaded, meta = load_index(tmp_path / "claims-index.npz", settings)
    assert meta == {"sequence": 7}
    assert loaded.kind == "ivf-sq8"
    assert len(loaded) == len(index) == 2598
    assert loaded.search(vectors[:20], 10) == index.search(vectors[:20], 10)


def test_a_damaged_snapshot_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "claims-index.npz"
    path.write_bytes(b"garbage")
    with pytest.raises(SnapshotUnreadable):
        load_index(path, SYNCHRONOUS)


def test_settings_name_the_kinds() -> None:
    assert IndexSettings(kind="ivf").kind == "ivf-sq8"
    assert IndexSettings(kind="auto", flat_below=100).kind_for(99) == "flat"
    assert IndexSettings(kind="auto", flat_below=100).kind_for(100) == "ivf-fastscan"
    with pytest.raises(ValueError, match="unknown index kind"):
        IndexSettings(kind="annoy")


def test_a_trained_base_keeps_its_kind_when_the_corpus_shrinks() -> None:
    vectors = clustered(3000)
    settings = IndexSettings(kind="auto", flat_below=2500, dead_limit=100, background=False)
    index = build_index(range(3000), vectors, settings)
    assert index.kind == "ivf-fastscan"
    index.remove(range(2900))
    assert index.kind == "ivf-fastscan"
    assert len(index) == 100
    assert index.snapshot().dead.size == 0  # compacted
    assert index.search(vectors[2950:2951], 1)[0][0][0] == 2950


def test_a_delta_filled_again_during_a_background_merge_is_merged_next(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Writes that fill the delta while a merge runs get a merge of their own at once: a
    later snapshot (and every restart from it) does not carry them as a full delta."""
    vectors = clustered(600)
    index = FaissClaimIndex(DIMENSION, IndexSettings(kind="flat", delta_limit=100))
    merge = index._merged

    def merge_beside_writes(generation: object) -> object:
        merged = merge(generation)  # type: ignore[arg-type]
        if index.compactions == 0:
            index.add(range(100, 250), vectors[100:250])  # more than delta_limit
        return merged

    monkeypatch.setattr(index, "_merged", merge_beside_writes)
    index.add(range(100), vectors[:100])  # the delta is full: a merge in the background
    index.wait_for_compaction()
    assert index.compactions == 2
    assert index.snapshot().delta_keys.size == 0
    assert len(index) == 250
    assert index.search(vectors[200:201], 1)[0][0] == (200, pytest.approx(1.0, abs=1e-5))


def test_held_compactions_leave_a_full_delta_searched_until_released() -> None:
    vectors = clustered(300)
    index = FaissClaimIndex(DIMENSION, IndexSettings(kind="flat", delta_limit=100))
    index.hold_compactions()
    index.add(range(250), vectors[:250])  # more than delta_limit
    index.remove([3])
    assert index.compactions_held
    assert index.compactions == 0
    assert index.snapshot().delta_keys.size == 249
    assert index.search(vectors[200:201], 1)[0][0] == (200, pytest.approx(1.0, abs=1e-5))
    index.release_compactions()  # due already: merges now, in the background
    index.wait_for_compaction()
    assert not index.compactions_held
    assert index.compactions == 1
    assert index.snapshot().delta_keys.size == 0
    assert len(index) == 249
    assert index.search(vectors[200:201], 1)[0][0] == (200, pytest.approx(1.0, abs=1e-5))


def test_a_snapshot_with_a_full_delta_loads_without_merging_when_held(tmp_path: Path) -> None:
    vectors = clustered(300)
    settings = IndexSettings(kind="flat", delta_limit=100, background=False)
    written = FaissClaimIndex(DIMENSION, IndexSettings(kind="flat", delta_limit=1000))
    written.add(range(250), vectors[:250])
    path = tmp_path / "claims-index.npz"
    written.snapshot().write(path, {})
    held, _ = load_index(path, settings, compactions_held=True)
    assert isinstance(held, FaissClaimIndex)
    assert held.compactions == 0
    assert held.snapshot().delta_keys.size == 250
    held.release_compactions()
    assert held.compactions == 1
    loaded, _ = load_index(path, settings)
    assert isinstance(loaded, FaissClaimIndex)
    assert loaded.compactions == 1  # merged as it loaded
    assert held.search(vectors[:20], 5) == loaded.search(vectors[:20], 5)
