"""One-byte-per-dimension codes of a base's claims, to re-rank the candidates a coarser
index found.

A fast-scan index ranks by 4-bit product-quantised codes: quick to scan, too rough to order
the nearest claims. It is asked for ``rerank_factor`` times the hits wanted, and these codes
(each dimension scaled to 0..255 over the range seen in training, as FAISS's SQ8 does) score
the candidates again, nearly exactly. Rows follow the base's sorted claim ids, so a
candidate's row is found by binary search.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from embeddings.encoder import Vectors

Codes = npt.NDArray[np.uint8]
Keys = npt.NDArray[np.int64]
LEVELS = 255
_RANGE_MARGIN = 0.05  # widen the trained range a little: later claims may reach beyond it


@dataclass(frozen=True, slots=True)
class ScalarCodes:
    """``codes[row]`` encodes the claim ``keys[row]`` of the base's sorted keys; a dimension's
    value is ``low + step * code``."""

    low: Vectors
    step: Vectors
    codes: Codes

    @classmethod
    def trained(cls, sample: Vectors) -> ScalarCodes:
        """Empty codes whose per-dimension range covers ``sample``."""
        low, high = sample.min(axis=0), sample.max(axis=0)
        margin = _RANGE_MARGIN * (high - low)
        low, high = low - margin, high + margin
        step = np.maximum(high - low, 1e-6) / LEVELS
        empty = np.zeros((0, sample.shape[1]), dtype=np.uint8)
        return cls(low.astype(np.float32), step.astype(np.float32), empty)

    def __len__(self) -> int:
        return len(self.codes)

    def encoded(self, vectors: Vectors) -> Codes:
        scaled = np.rint((np.asarray(vectors, dtype=np.float32) - self.low) / self.step)
        return np.clip(scaled, 0, LEVELS).astype(np.uint8)

    def decoded(self, rows: npt.NDArray[np.intp] | slice) -> Vectors:
        decoded: Vectors = self.low + self.step * self.codes[rows].astype(np.float32)
        return decoded

    def merged(
        self, keys: Keys, keep: npt.NDArray[np.bool_], new_keys: Keys, new_vectors: Vectors
    ) -> tuple[Keys, ScalarCodes]:
        """The codes of ``keys[keep]`` and of the new claims, in the order of their sorted
        ids, with those ids. ``keys`` must be the ids of this object's rows."""
        merged_keys = np.concatenate([keys[keep], new_keys])
        codes = np.concatenate([self.codes[keep], self.encoded(new_vectors)])
        order = np.argsort(merged_keys, kind="stable")
        return merged_keys[order], ScalarCodes(self.low, self.step, codes[order])

    def scores(self, queries: Vectors, rows: npt.NDArray[np.intp]) -> Vectors:
        """Inner products of each query with the claims of its own row of ``rows``
        (``rows`` is queries × candidates): ``q·low + (q∘step)·code``. One query at a time:
        its candidates' codes stay in cache while they are widened to floats."""
        weights = queries * self.step
        scores = np.empty(rows.shape, dtype=np.float32)
        for query, (candidates, weight) in enumerate(zip(rows, weights, strict=True)):
            scores[query] = np.take(self.codes, candidates, axis=0).astype(np.float32) @ weight
        scores += (queries @ self.low)[:, None]
        return scores
