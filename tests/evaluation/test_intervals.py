from __future__ import annotations

from collections.abc import Sequence

import pytest

from evaluation.intervals import (
    Interval,
    cluster_bootstrap,
    group_by_cluster,
    percentile_interval,
    quantile,
)
from evaluation.metrics import rate

Item = tuple[str, bool]


def cluster(item: Item) -> str:
    return item[0]


def share_true(items: Sequence[Item]) -> float | None:
    return rate(flag for _, flag in items)


def test_quantile_interpolates_between_ranks() -> None:
    ordered = [0.0, 1.0, 2.0, 3.0, 4.0]

    assert quantile(ordered, 0.5) == 2.0
    assert quantile(ordered, 0.25) == 1.0
    assert quantile(ordered, 0.1) == pytest.approx(0.4)
    assert quantile(ordered, 1.0) == 4.0


def test_percentile_interval_is_the_central_share() -> None:
    values = [float(value) for value in range(101)]

    interval = percentile_interval(values, 0.9)

    assert interval is not None
    assert (interval.low, interval.high) == (pytest.approx(5.0), pytest.approx(95.0))
    assert percentile_interval([], 0.95) is None


def test_groups_keep_first_appearance_order() -> None:
    items = [("b", True), ("a", False), ("b", False)]

    assert group_by_cluster(items, cluster) == [[("b", True), ("b", False)], [("a", False)]]


def test_whole_clusters_are_resampled_never_single_pairs() -> None:
    items = [("small", True), ("large", False), ("large", False), ("large", False)]
    sizes: set[int] = set()

    def sample_size(sample: Sequence[Item]) -> float:
        sizes.add(len(sample))
        return float(len(sample))

    cluster_bootstrap(items, cluster, sample_size, resamples=200)

    assert sizes == {2, 4, 6}


def test_a_single_cluster_gives_a_point_interval() -> None:
    items = [("only", True), ("only", False), ("only", False), ("only", True)]

    assert cluster_bootstrap(items, cluster, share_true) == Interval(0.5, 0.5)


def test_the_interval_brackets_the_value_and_narrows_with_more_clusters() -> None:
    few = [(str(index), index % 2 == 0) for index in range(10)]
    many = [(str(index), index % 2 == 0) for index in range(400)]

    narrow = cluster_bootstrap(many, cluster, share_true)
    wide = cluster_bootstrap(few, cluster, share_true)

    assert narrow is not None and wide is not None
    assert narrow.low < 0.5 < narrow.high
    assert narrow.high - narrow.low < 0.15
    assert narrow.high - narrow.low < wide.high - wide.low


def test_the_seed_fixes_the_interval() -> None:
    items = [(str(index), index % 3 == 0) for index in range(30)]

    first = cluster_bootstrap(items, cluster, share_true, resamples=20, seed=7)

    assert first == cluster_bootstrap(items, cluster, share_true, resamples=20, seed=7)
    assert first != cluster_bootstrap(items, cluster, share_true, resamples=20, seed=8)


def test_undefined_resamples_are_left_out() -> None:
    items = [("a", True), ("b", False), ("c", False)]

    def share_among_true(sample: Sequence[Item]) -> float | None:
        return None if not any(flag for _, flag in sample) else 1.0

    assert cluster_bootstrap(items, cluster, share_among_true) == Interval(1.0, 1.0)
    assert cluster_bootstrap(items, cluster, lambda sample: None) is None
    assert cluster_bootstrap([], cluster, share_true) is None


def test_interval_prints_two_decimals() -> None:
    assert str(Interval(0.6149, 0.8)) == "[0.61, 0.80]"
