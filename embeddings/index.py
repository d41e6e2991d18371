"""Nearest-neighbour index of claim vectors: an interface and its FAISS implementation."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

import faiss
import numpy as np

from embeddings.encoder import Vectors

Hit = tuple[int, float]


class ClaimIndex(Protocol):
    """Maps integer claim ids to vectors; search returns (claim id, cosine similarity)."""

    @property
    def dimension(self) -> int: ...

    def __len__(self) -> int: ...

    def add(self, ids: Sequence[int], vectors: Vectors) -> None: ...

    def remove(self, ids: Sequence[int]) -> None: ...

    def search(self, vectors: Vectors, k: int) -> list[list[Hit]]: ...

    def save(self, path: Path) -> None: ...


class FaissClaimIndex:
    """Exact inner-product search over L2-normalised vectors, keyed by claim id.

    Writes hold a lock; FAISS flat search is safe to run beside other searches.
    """

    def __init__(self, dimension: int, index: faiss.Index | None = None):
        self._dimension = dimension
        self._index = (
            index if index is not None else faiss.IndexIDMap2(faiss.IndexFlatIP(dimension))
        )
        self._lock = threading.RLock()

    @classmethod
    def load(cls, path: Path) -> FaissClaimIndex:
        index = faiss.read_index(str(path))
        return cls(index.d, index)

    @property
    def dimension(self) -> int:
        return self._dimension

    def __len__(self) -> int:
        return int(self._index.ntotal)

    def add(self, ids: Sequence[int], vectors: Vectors) -> None:
        if len(ids) != len(vectors):
            raise ValueError("ids and vectors differ in length")
        if not len(ids):
            return
        with self._lock:
            self._index.remove_ids(_id_array(ids))
            self._index.add_with_ids(
                np.ascontiguousarray(vectors, dtype=np.float32), np.asarray(ids, dtype=np.int64)
            )

    def remove(self, ids: Sequence[int]) -> None:
        if not len(ids):
            return
        with self._lock:
            self._index.remove_ids(_id_array(ids))

    def search(self, vectors: Vectors, k: int) -> list[list[Hit]]:
        if len(vectors) == 0:
            return []
        with self._lock:
            available = len(self)
            if available == 0 or k <= 0:
                return [[] for _ in range(len(vectors))]
            scores, ids = self._index.search(
                np.ascontiguousarray(vectors, dtype=np.float32), min(k, available)
            )
        return [
            [(int(i), float(s)) for i, s in zip(row_ids, row_scores, strict=True) if i != -1]
            for row_ids, row_scores in zip(ids, scores, strict=True)
        ]

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(path.suffix + ".partial")
        with self._lock:
            faiss.write_index(self._index, str(partial))
        partial.replace(path)


def _id_array(ids: Sequence[int]) -> Any:
    """faiss's Python wrapper takes an int64 array where its stubs only admit an IDSelector."""
    return np.asarray(ids, dtype=np.int64)
