"""Cluster bootstrap confidence intervals.

Pairs of one cluster (a BASIL triplet, an ECB+ topic, a pair of seed articles) are not
independent, so the bootstrap resamples whole clusters with replacement and recomputes the
metric on the pairs they hold. The interval is the percentile interval of those values.
A resample on which the metric is undefined (e.g. recall with no diverging pair drawn) is
left out; the interval is ``None`` when no resample gives a value.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

Item = TypeVar("Item")

RESAMPLES = 1000
SEED = 20261130
CONFIDENCE = 0.95


@dataclass(frozen=True, slots=True)
class Interval:
    low: float
    high: float

    def __str__(self) -> str:
        return f"[{self.low:.2f}, {self.high:.2f}]"


def group_by_cluster(items: Sequence[Item], cluster_of: Callable[[Item], str]) -> list[list[Item]]:
    """The items of each cluster, clusters in order of first appearance."""
    groups: dict[str, list[Item]] = {}
    for item in items:
        groups.setdefault(cluster_of(item), []).append(item)
    return list(groups.values())


def cluster_bootstrap(
    items: Sequence[Item],
    cluster_of: Callable[[Item], str],
    statistic: Callable[[Sequence[Item]], float | None],
    resamples: int = RESAMPLES,
    seed: int = SEED,
    confidence: float = CONFIDENCE,
) -> Interval | None:
    """The ``confidence`` percentile interval of ``statistic`` over cluster resamples."""
    groups = group_by_cluster(items, cluster_of)
    if not groups:
        return None
    generator = random.Random(seed)
    values: list[float] = []
    for _ in range(resamples):
        drawn = generator.choices(groups, k=len(groups))
        value = statistic([item for group in drawn for item in group])
        if value is not None:
            values.append(value)
    return percentile_interval(values, confidence)


def percentile_interval(values: Sequence[float], confidence: float) -> Interval | None:
    """The central ``confidence`` share of ``values`` (linear interpolation between ranks)."""
    if not values:
        return None
    ordered = sorted(values)
    tail = (1 - confidence) / 2
    return Interval(quantile(ordered, tail), quantile(ordered, 1 - tail))


def quantile(ordered: Sequence[float], share: float) -> float:
    """The ``share`` quantile of already sorted values."""
    position = share * (len(ordered) - 1)
    below = math.floor(position)
    above = math.ceil(position)
    weight = position - below
    return ordered[below] * (1 - weight) + ordered[above] * weight
