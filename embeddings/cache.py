"""An encoder wrapper that keeps the vectors of recently encoded texts in a bounded LRU cache."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Mapping, Sequence

import numpy as np

from embeddings.encoder import Encoder, Vectors


def vectors_in_order(
    texts: Sequence[str], known: Mapping[str, Vectors], encoder: Encoder
) -> tuple[Vectors, dict[str, Vectors]]:
    """One row per text, in order: known vectors as given, the others encoded in one batch
    (each distinct text once). Also returns the newly encoded vectors by text."""
    if not texts:
        return np.zeros((0, encoder.dimension), dtype=np.float32), {}
    missing = [text for text in dict.fromkeys(texts) if text not in known]
    fresh = dict(zip(missing, encoder.encode(missing), strict=True)) if missing else {}
    rows = [known[text] if text in known else fresh[text] for text in texts]
    return np.vstack(rows).astype(np.float32, copy=False), fresh


class CachingEncoder:
    """Encodes only the texts it has not seen recently; the rest come from memory.

    Name and dimension are the wrapped encoder's, so vectors cached here, stored ones and
    fresh ones stay interchangeable. Thread-safe; ``capacity`` 0 turns caching off.
    """

    def __init__(self, encoder: Encoder, capacity: int) -> None:
        if capacity < 0:
            raise ValueError(f"embedding cache capacity must be >= 0, not {capacity}")
        self._encoder = encoder
        self._capacity = capacity
        self._vectors: OrderedDict[str, Vectors] = OrderedDict()
        self._lock = threading.Lock()

    @property
    def name(self) -> str:
        return self._encoder.name

    @property
    def dimension(self) -> int:
        return self._encoder.dimension

    def encode(self, texts: Sequence[str]) -> Vectors:
        if self._capacity == 0:
            return self._encoder.encode(texts)
        vectors, fresh = vectors_in_order(texts, self._lookup(texts), self._encoder)
        self._remember(fresh)
        return vectors

    def __len__(self) -> int:
        with self._lock:
            return len(self._vectors)

    def _lookup(self, texts: Sequence[str]) -> dict[str, Vectors]:
        with self._lock:
            found = {text: self._vectors[text] for text in texts if text in self._vectors}
            for text in found:
                self._vectors.move_to_end(text)
        return found

    def _remember(self, vectors: dict[str, Vectors]) -> None:
        with self._lock:
            for text, vector in vectors.items():
                kept = vector.copy()
                kept.setflags(write=False)
                self._vectors[text] = kept
                self._vectors.move_to_end(text)
            while len(self._vectors) > self._capacity:
                self._vectors.popitem(last=False)
