"""Vectors for texts: the stored vector of an indexed claim with exactly that text, when the
stored vectors were made by the current encoder; otherwise a fresh encode."""

from __future__ import annotations

from collections.abc import Sequence

from crosscheck.corpus import ENCODER_META_KEY
from embeddings import Encoder, Vectors, vectors_in_order
from storage import ArticleStore


class TextVectors:
    def __init__(self, store: ArticleStore, encoder: Encoder) -> None:
        self._store = store
        self._encoder = encoder

    def vectors(self, texts: Sequence[str]) -> Vectors:
        """One row per text, in order; only texts no claim has are encoded."""
        return vectors_in_order(texts, self._stored(texts), self._encoder)[0]

    def _stored(self, texts: Sequence[str]) -> dict[str, Vectors]:
        if self._store.get_meta(ENCODER_META_KEY) != self._encoder.name:
            return {}
        shape = (self._encoder.dimension,)
        found = self._store.vectors_by_text(texts)
        return {text: vector for text, vector in found.items() if vector.shape == shape}
