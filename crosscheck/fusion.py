"""Reciprocal-rank fusion: one candidate list from several rankings of the same items."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import TypeVar

RRF_K = 60
"""The usual damping constant: rank 1 scores 1/61, rank 10 scores 1/70."""

Item = TypeVar("Item", bound=Hashable)


def reciprocal_rank_fusion(
    rankings: Sequence[Sequence[Item]], damping: int = RRF_K
) -> list[tuple[Item, float]]:
    """Items with their fused score ``Σ 1 / (damping + rank)``, best first.

    An item near the top of either ranking beats one in the middle of both; ties keep the
    order in which the items were first seen.
    """
    scores: dict[Item, float] = {}
    for ranking in rankings:
        for rank, item in enumerate(ranking, 1):
            scores[item] = scores.get(item, 0.0) + 1.0 / (damping + rank)
    return sorted(scores.items(), key=lambda pair: -pair[1])
