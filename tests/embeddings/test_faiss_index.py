from __future__ import annotations

from pathlib import Path

import numpy as np

from embeddings import FaissClaimIndex, HashingEncoder

TEXTS = [
    "troops at the border",
    "rain in the valley",
    "troops near the border",
    "a bridge reopened",
]


def build() -> tuple[FaissClaimIndex, np.ndarray]:
    encoder = HashingEncoder(dimension=32)
    vectors = encoder.encode(TEXTS)
    index = FaissClaimIndex(32)
    index.add([10, 20, 30, 40], vectors)
    return index, vectors


def test_search_returns_claim_ids_with_cosine_scores() -> None:
    index, vectors = build()
    hits = index.search(vectors[:1], 2)[0]
    assert hits[0][0] == 10
    assert abs(hits[0][1] - 1.0) < 1e-5
    assert hits[1][0] == 30


def test_remove_and_re_add_replace_vectors() -> None:
    index, vectors = build()
    index.remove([10])
    assert len(index) == 3
    assert all(key != 10 for key, _ in index.search(vectors[:1], 4)[0])
    index.add([30], vectors[1:2])
    assert len(index) == 3
    assert index.search(vectors[1:2], 1)[0][0][1] > 0.99


def test_search_with_k_beyond_size_and_on_empty_index() -> None:
    index, vectors = build()
    assert len(index.search(vectors[:1], 50)[0]) == 4
    assert FaissClaimIndex(32).search(vectors[:2], 3) == [[], []]


def test_save_and_load_round_trip(tmp_path: Path) -> None:
    index, vectors = build()
    index.save(tmp_path / "claims.faiss")
    loaded = FaissClaimIndex.load(tmp_path / "claims.faiss")
    assert len(loaded) == 4
    assert loaded.search(vectors[3:], 1) == index.search(vectors[3:], 1)
