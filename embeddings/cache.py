"""An encoder wrapper that keeps the vectors of recently encoded texts in a bounded LRU cache."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from embeddings.encoder import Encoder, Vectors

Vector = npt.NDArray[np.float32]


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
        self._vectors: OrderedDict[str, Vector] = OrderedDict()
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
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        found = self._lookup(texts)
        missing = [text for text in dict.fromkeys(texts) if text not in found]
        if missing:
            fresh = dict(zip(missing, self._encoder.encode(missing), strict=True))
            self._remember(fresh)
            found.update(fresh)
        return np.vstack([found[text] for text in texts]).astype(np.float32, copy=False)

    def __len__(self) -> int:
        with self._lock:
            return len(self._vectors)

    def _lookup(self, texts: Sequence[str]) -> dict[str, Vector]:
        with self._lock:
            found = {text: self._vectors[text] for text in texts if text in self._vectors}
            for text in found:
                self._vectors.move_to_end(text)
        return found

    def _remember(self, vectors: dict[str, Vector]) -> None:
        with self._lock:
            for text, vector in vectors.items():
                kept = vector.copy()
                kept.setflags(write=False)
                self._vectors[text] = kept
                self._vectors.move_to_end(text)
            while len(self._vectors) > self._capacity:
                self._vectors.popitem(last=False)
