"""Vectors for texts: the stored vector of an indexed claim with exactly that text, when the
stored vectors were made by the current encoder; otherwise a fresh encode."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from crosscheck.corpus import ENCODER_META_KEY
from embeddings import Encoder, Vectors
from storage import SqliteStore


class TextVectors:
    def __init__(self, store: SqliteStore, encoder: Encoder) -> None:
        self._store = store
        self._encoder = encoder

    def vectors(self, texts: Sequence[str]) -> Vectors:
        """One row per text, in order; only texts no claim has are encoded."""
        if not texts:
            return np.zeros((0, self._encoder.dimension), dtype=np.float32)
        found = self._stored(texts)
        missing = [text for text in dict.fromkeys(texts) if text not in found]
        if missing:
            found.update(zip(missing, self._encoder.encode(missing), strict=True))
        return np.vstack([found[text] for text in texts]).astype(np.float32, copy=False)

    def _stored(self, texts: Sequence[str]) -> dict[str, Vectors]:
        if self._store.get_meta(ENCODER_META_KEY) != self._encoder.name:
            return {}
        shape = (self._encoder.dimension,)
        found = self._store.vectors_by_text(texts)
        return {text: vector for text, vector in found.items() if vector.shape == shape}
