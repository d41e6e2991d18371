"""A real encoder that records what it is asked to encode: the tests' witness of encoder work."""

from __future__ import annotations

from collections.abc import Sequence

from embeddings import Encoder, HashingEncoder, Vectors


class CountingEncoder:
    """Delegates to ``inner`` (a HashingEncoder by default) and keeps every batch it encoded."""

    def __init__(self, inner: Encoder | None = None) -> None:
        self.inner = inner or HashingEncoder()
        self.batches: list[list[str]] = []

    @property
    def name(self) -> str:
        return self.inner.name

    @property
    def dimension(self) -> int:
        return self.inner.dimension

    @property
    def encoded(self) -> list[str]:
        """Every text encoded so far, in order, repeats included."""
        return [text for batch in self.batches for text in batch]

    def encode(self, texts: Sequence[str]) -> Vectors:
        self.batches.append(list(texts))
        return self.inner.encode(texts)
