"""The ``ivf-fastscan`` kind: 4-bit PQ fast-scan candidates re-ranked on one-byte codes,
within the tiered index (tombstones, delta, compaction, snapshots) and chosen by config."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import faiss
import numpy as np
import pytest

from api.config import Config
from embeddings import FaissClaimIndex, IndexSettings, SnapshotUnreadable, build_index, load_index
from embeddings.encoder import normalise_rows
from embeddings.kinds import remove_from, trained
from embeddings.rerank import ScalarCodes
from embeddings.snapshots import IndexSnapshot, mapped_member, read_snapshot

DIMENSION = 32
FASTSCAN = IndexSettings(kind="ivf-fastscan", nprobe=16, fastscan_parts=16, background=False)


@pytest.fixture(autouse=True)
def one_faiss_thread() -> Iterator[None]:
    threads = faiss.omp_get_max_threads()
    faiss.omp_set_num_threads(1)
    yield
    faiss.omp_set_num_threads(threads)


def clustered(count: int, seed: int = 0) -> np.ndarray:
    """Unit vectors around 40 centres, as claim vectors of many stories cluster."""
    rng = np.random.default_rng(seed)
    centres = rng.standard_normal((40, DIMENSION))
    rows = centres[rng.integers(0, 40, count)] + 0.6 * rng.standard_normal((count, DIMENSION))
    return normalise_rows(rows)


def recall_at_10(index: FaissClaimIndex, vectors: np.ndarray, queries: np.ndarray) -> float:
    """Share of the exact 10 nearest ``vectors`` (ids = row numbers) the index finds."""
    exact = np.argsort(-(queries @ vectors.T), axis=1)[:, :10]
    found = [{key for key, _ in hits} for hits in index.search(queries, 10)]
    return float(np.mean([len(f & set(e)) / 10 for f, e in zip(found, exact, strict=True)]))


def test_scalar_codes_round_trip_within_half_a_step() -> None:
    vectors = clustered(500)
    codes = ScalarCodes.trained(vectors)
    codes = ScalarCodes(codes.low, codes.step, codes.encoded(vectors))
    error = np.abs(codes.decoded(slice(None)) - vectors)
    assert np.all(error <= codes.step / 2 + 1e-6)
    rows = np.array([[3, 7, 9], [0, 1, 499]])
    queries = vectors[:2]
    expected = np.einsum("qd,qcd->qc", queries, codes.decoded(rows))
    assert np.allclose(codes.scores(queries, rows), expected, atol=1e-5)


def test_scalar_codes_merge_in_sorted_id_order() -> None:
    vectors = clustered(6)
    empty = ScalarCodes.trained(vectors)
    keys, codes = empty.merged(np.zeros(0, dtype=np.int64), np.zeros(0, bool),
                               np.array([30, 10, 20]), vectors[:3])  # fmt: skip
    assert keys.tolist() == [10, 20, 30]
    keep = np.array([True, False, True])
    keys, merged = codes.merged(keys, keep, np.array([25, 5]), vectors[3:5])
    assert keys.tolist() == [5, 10, 25, 30]
    assert np.array_equal(merged.codes[1], codes.codes[0])  # id 10 kept its row
    assert np.array_equal(merged.codes[0], codes.encoded(vectors[4:5])[0])


def test_fastscan_finds_the_exact_neighbours_and_reranking_helps() -> None:
    vectors = clustered(4000)
    queries = clustered(60, seed=1)
    index = build_index(range(len(vectors)), vectors, FASTSCAN)
    assert isinstance(index, FaissClaimIndex)
    assert index.kind == "ivf-fastscan"
    assert recall_at_10(index, vectors, queries) >= 0.9
    fastscan_only = index._generation.base.search(
        queries, 10, params=faiss.SearchParametersIVF(nprobe=16)
    )[1]
    exact = np.argsort(-(queries @ vectors.T), axis=1)[:, :10]
    rough = np.mean([len(set(f) & set(e)) / 10 for f, e in zip(fastscan_only, exact, strict=True)])
    assert rough < 0.9  # what re-ranking corrects
    hits = index.search(vectors[:5], 1)
    assert [row[0][0] for row in hits] == [0, 1, 2, 3, 4]
    assert all(abs(row[0][1] - 1.0) < 0.02 for row in hits)  # cosine, from the codes


def test_tombstones_keep_removed_claims_out_of_many_candidates() -> None:
    vectors = clustered(3000)
    index = build_index(range(2500), vectors[:2500], FASTSCAN)
    index.add(range(2500, 3000), vectors[2500:])
    gone = [0, 1, 2, 2600, 2601, *range(100, 400)]
    index.remove(gone)
    assert len(index) == 3000 - len(gone)
    found = {key for row in index.search(vectors[gone[:5]], 150) for key, _ in row}
    assert not found & set(gone)
    assert len(found) > 150


def test_compaction_merges_the_delta_and_codes_stay_with_their_claims() -> None:
    vectors = clustered(3500)
    settings = IndexSettings(
        kind="ivf-fastscan", nprobe=16, fastscan_parts=16, delta_limit=400, dead_limit=100,
        background=False,
    )  # fmt: skip
    index = build_index(range(0, 6000, 2), vectors[:3000], settings)  # even ids
    assert isinstance(index, FaissClaimIndex)
    index.remove(range(0, 200, 2))
    index.add(range(1, 801, 2), vectors[3000:3400])  # odd ids, interleaved; compacts
    assert index.compactions >= 1
    snapshot = index.snapshot()
    assert snapshot.dead.size == 0 and snapshot.delta_keys.size == 0
    assert snapshot.rerank is not None
    assert len(snapshot.rerank) == len(snapshot.base_keys) == len(index) == 3000 - 100 + 400
    probes = np.vstack([vectors[100:110], vectors[3000:3010]])  # ids 200..218 and 1..19
    best = [row[0] for row in index.search(probes, 1)]
    assert [key for key, _ in best] == [*range(200, 220, 2), *range(1, 21, 2)]
    assert all(score > 0.98 for _, score in best)
    assert not {key for row in index.search(vectors[:20], 30) for key, _ in row} & set(
        range(0, 200, 2)
    )


def test_snapshot_round_trip_keeps_codes_delta_and_tombstones(tmp_path: Path) -> None:
    vectors = clustered(3000)
    index = build_index(range(2500), vectors[:2500], FASTSCAN)
    index.add(range(2500, 2600), vectors[2500:2600])
    index.remove([5, 2550])
    path = tmp_path / "claims-index.npz"
    index.snapshot().write(path, {"sequence": 3})
    loaded, meta = load_index(path, FASTSCAN)
    assert meta == {"sequence": 3}
    assert loaded.kind == "ivf-fastscan"
    assert len(loaded) == len(index) == 2598
    assert loaded.search(vectors[:20], 10) == index.search(vectors[:20], 10)


def test_loaded_codes_are_mapped_from_the_snapshot_file(tmp_path: Path) -> None:
    vectors = clustered(3000)
    index = build_index(range(2500), vectors[:2500], FASTSCAN)
    path = tmp_path / "claims-index.npz"
    index.snapshot().write(path, {"sequence": 1})

    snapshot, _ = read_snapshot(path)

    assert snapshot.rerank is not None
    assert isinstance(snapshot.rerank.codes, np.memmap)
    assert index.snapshot().rerank is not None
    np.testing.assert_array_equal(snapshot.rerank.codes, index.snapshot().rerank.codes)


def test_a_loaded_index_outlives_the_snapshot_written_over_it(tmp_path: Path) -> None:
    vectors = clustered(3000)
    path = tmp_path / "claims-index.npz"
    build_index(range(2500), vectors[:2500], FASTSCAN).snapshot().write(path, {"sequence": 1})
    loaded, _ = load_index(path, FASTSCAN)
    before = loaded.search(vectors[:20], 10)

    build_index(range(2000), vectors[1000:3000], FASTSCAN).snapshot().write(path, {"sequence": 2})

    assert loaded.search(vectors[:20], 10) == before


def test_members_of_plain_numbers_are_mapped_others_read(tmp_path: Path) -> None:
    path = tmp_path / "arrays.npz"
    keys = np.arange(5, dtype=np.int64) * 7
    np.savez(path, keys=keys, text=np.array("a claim"), empty=np.zeros(0, dtype=np.int64))

    mapped = mapped_member(path, "keys")

    assert isinstance(mapped, np.memmap)
    np.testing.assert_array_equal(mapped, keys)
    assert mapped_member(path, "text") is None
    assert mapped_member(path, "empty") is None


def test_a_compressed_member_is_read_not_mapped(tmp_path: Path) -> None:
    path = tmp_path / "compressed.npz"
    np.savez_compressed(path, rerank_codes=np.arange(12, dtype=np.uint8).reshape(3, 4))

    assert mapped_member(path, "rerank_codes") is None


def test_a_snapshot_whose_codes_do_not_fit_its_base_is_unreadable(tmp_path: Path) -> None:
    vectors = clustered(2500)
    snapshot = build_index(range(2500), vectors, FASTSCAN).snapshot()
    assert snapshot.rerank is not None
    short = ScalarCodes(snapshot.rerank.low, snapshot.rerank.step, snapshot.rerank.codes[:-1])
    for rerank in (short, None):
        path = tmp_path / "claims-index.npz"
        IndexSnapshot(
            snapshot.base, snapshot.base_keys, snapshot.dead, snapshot.delta_keys,
            snapshot.delta_vectors, rerank,
        ).write(path, {})  # fmt: skip
        with pytest.raises(SnapshotUnreadable, match="re-ranking"):
            load_index(path, FASTSCAN)


def test_auto_switches_from_exact_to_fastscan_in_the_background_merge() -> None:
    vectors = clustered(3000)
    settings = IndexSettings(kind="auto", flat_below=2500, fastscan_parts=16, background=False)
    index = FaissClaimIndex(DIMENSION, settings)
    index.add(range(2400), vectors[:2400])
    assert index.kind == "flat"
    index.add(range(2400, 3000), vectors[2400:])
    assert index.kind == "ivf-fastscan"
    assert len(index) == 3000
    assert index.search(vectors[2999:], 1)[0][0][0] == 2999


def test_config_names_the_kind_and_the_older_kinds_stay_selectable() -> None:
    config = Config.from_env({"CROSSCHECK_INDEX_KIND": "ivf-fastscan"})
    assert IndexSettings(kind=config.index_kind).kind_for(10**6) == "ivf-fastscan"
    assert IndexSettings(kind="fastscan").kind == "ivf-fastscan"
    assert IndexSettings().kind_for(10**6) == "ivf-fastscan"
    assert IndexSettings(kind="ivf-sq8").kind_for(10**6) == "ivf-sq8"
    vectors = clustered(3000)
    sq8 = build_index(range(3000), vectors, IndexSettings(kind="ivf-sq8", background=False))
    assert sq8.kind == "ivf-sq8"
    assert sq8.snapshot().rerank is None
    with pytest.raises(ValueError, match="positive"):
        IndexSettings(rerank_factor=0)


def test_claims_added_after_a_removal_are_scored_as_themselves() -> None:
    """A FAISS fast-scan list keeps the bytes of removed codes, which garbled later adds."""
    vectors = clustered(3400)
    empty = trained("ivf-fastscan", vectors[:3000], FASTSCAN)
    parameters = faiss.SearchParametersIVF(nprobe=16)
    pruned = faiss.clone_index(empty)
    pruned.add_with_ids(vectors[:3000], np.arange(3000, dtype=np.int64))
    remove_from(pruned, np.arange(0, 3000, 7, dtype=np.int64))
    pruned.add_with_ids(vectors[3000:], np.arange(3000, 3400, dtype=np.int64))
    fresh = faiss.clone_index(empty)
    kept = np.setdiff1d(np.arange(3400), np.arange(0, 3000, 7))
    fresh.add_with_ids(vectors[kept], kept)
    queries = vectors[2900:3400]
    found = np.sort(pruned.search(queries, 20, params=parameters)[1], axis=1)
    assert np.array_equal(found, np.sort(fresh.search(queries, 20, params=parameters)[1], axis=1))
