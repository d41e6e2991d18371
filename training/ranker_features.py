"""Features of a (checked claim, candidate claim) pair for fitting the match re-ranker
(:mod:`training.train_ranker`): a linear score over them replaces the hand weights of
:mod:`crosscheck.rerank` only if it ranks the tune part's counterparts better, cross-validated.

The features are the hand re-ranker's (embedding cosine, content words in common, names and
numbers in common, the distinctive (idf-weighted) words in common, the candidate article's
affinity) and what it does not weigh: names and numbers apart, where the two claims sit in
their articles (ledes tell ledes), and how alike their lengths are. Only the order of
candidates would depend on the score: whether a candidate is a match at all (the relevance
floor) does not.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass

from comparison.overlap import overlap_coefficient
from crosscheck.rerank import Terms, WordWeights

LEDE_SHARE = 0.15
FEATURES = (
    "cosine",
    "lexical",
    "anchors",
    "names",
    "numbers",
    "distinctive",
    "affinity",
    "position_gap",
    "both_lede",
    "length_ratio",
)


def numbers_of(anchors: frozenset[str]) -> frozenset[str]:
    """The anchors that are numbers (:func:`crosscheck.rerank.anchors` keeps digits only)."""
    return frozenset(anchor for anchor in anchors if anchor[:1].isdigit())


def relative_position(index: int, count: int) -> float:
    """Where item ``index`` of ``count`` sits: 0 first, 1 last."""
    return index / (count - 1) if count > 1 else 0.0


def text_position(start: int, length: int) -> float:
    """Where a span starting at ``start`` sits in a text of ``length`` characters."""
    return min(max(start / length, 0.0), 1.0) if length > 0 else 0.0


def length_ratio(a: frozenset[str], b: frozenset[str]) -> float:
    """The shorter claim's content words over the longer's (1 for equal lengths)."""
    longer = max(len(a), len(b))
    return min(len(a), len(b)) / longer if longer else 1.0


def features(
    cosine: float,
    this: Terms,
    other: Terms,
    weights: WordWeights,
    affinity: float,
    this_position: float,
    other_position: float,
) -> dict[str, float]:
    """The features of one candidate ``other`` of a checked claim ``this``; positions are
    relative (0 the article's start, 1 its end)."""
    this_numbers, other_numbers = numbers_of(this.anchors), numbers_of(other.anchors)
    return {
        "cosine": cosine,
        "lexical": overlap_coefficient(this.words, other.words),
        "anchors": overlap_coefficient(this.anchors, other.anchors),
        "names": overlap_coefficient(this.anchors - this_numbers, other.anchors - other_numbers),
        "numbers": overlap_coefficient(this_numbers, other_numbers),
        "distinctive": weights.cosine(this.words, other.words),
        "affinity": affinity,
        "position_gap": abs(this_position - other_position),
        "both_lede": float(this_position <= LEDE_SHARE and other_position <= LEDE_SHARE),
        "length_ratio": length_ratio(this.words, other.words),
    }


@dataclass(frozen=True, slots=True)
class Ranker:
    """A linear score over :data:`FEATURES`; features without a weight count 0."""

    weights: Mapping[str, float]

    def __post_init__(self) -> None:
        unknown = set(self.weights) - set(FEATURES)
        if unknown:
            raise ValueError(f"unknown ranking features: {sorted(unknown)}")
        if not all(math.isfinite(value) for value in self.weights.values()):
            raise ValueError("ranking weights must be finite")

    def score(self, values: Mapping[str, float]) -> float:
        return sum(weight * values[name] for name, weight in self.weights.items())

    @classmethod
    def from_json(cls, text: str) -> Ranker:
        body = json.loads(text)
        return cls({str(name): float(value) for name, value in body["weights"].items()})
