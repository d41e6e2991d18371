"""Unrelated partners that read alike: for each sentence, the sentences of its article and of
other articles of its topic, ranked by MiniLM cosine, near-copies left out."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import numpy.typing as npt

SAME_FACT_FROM = 0.85  # at or above this cosine two sentences may well state the same fact


def alike_sentences(
    topics: Mapping[str, Sequence[tuple[str, str]]],
    vectors: Mapping[str, npt.NDArray[np.float32]],
    keep: int = 5,
) -> dict[str, tuple[str, ...]]:
    """``topics`` maps a topic to its (article id, sentence) pairs; each sentence gets up to
    ``keep`` other sentences of the topic, most alike first, below ``SAME_FACT_FROM``."""
    ranked: dict[str, tuple[str, ...]] = {}
    for members in topics.values():
        texts = [text for _, text in members]
        if len(texts) < 2:
            continue
        matrix = np.stack([vectors[text] for text in texts])
        similarity = matrix @ matrix.T
        for row, text in enumerate(texts):
            order = np.argsort(-similarity[row], kind="stable")
            ranked[text] = tuple(
                texts[col]
                for col in order
                if texts[col] != text and similarity[row, col] < SAME_FACT_FROM
            )[:keep]
    return ranked
