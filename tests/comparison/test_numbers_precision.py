"""Figures compared as written values: rounding slack only on the rounder or hedged side."""

from __future__ import annotations

import pytest

from comparison import ClaimComparator
from comparison.rounding import same_written_figure
from facts.model import Bound, QuantityFact, TextSpan
from tests.comparison.conftest import compare, reason_types


def figure(value: float, bound: Bound = "exact") -> QuantityFact:
    span = TextSpan(str(value), 0, len(str(value)))
    return QuantityFact(value, value, value, bound, "count", "", span, span)


@pytest.mark.parametrize(
    ("a", "b"),
    [(12, 13), (2.4e9, 2.5e9), (3.5, 3.6), (175, 174), (1.2e6, 1.3e6)],
)
def test_figures_of_one_precision_that_differ_are_different(a: float, b: float) -> None:
    assert not same_written_figure(figure(a), figure(b))
    assert not same_written_figure(figure(a, "upper"), figure(b, "upper"))
    assert not same_written_figure(figure(a, "approx"), figure(b, "approx"))


@pytest.mark.parametrize(
    ("rounder", "finer"), [(2.5e9, 2.46e9), (30_000, 30_500), (3.5, 3.47), (1.2e6, 1_203_000)]
)
def test_a_rounder_figure_may_stand_for_a_finer_one(rounder: float, finer: float) -> None:
    assert same_written_figure(figure(rounder), figure(finer))
    assert same_written_figure(figure(finer), figure(rounder))


def test_the_same_value_in_another_format_is_the_same_figure() -> None:
    assert same_written_figure(figure(2.5e9), figure(2_500_000_000.0))


def test_a_plain_round_figure_hides_only_a_small_rounding() -> None:
    assert not same_written_figure(figure(40), figure(43))
    assert not same_written_figure(figure(1e6), figure(1.2e6))


def test_a_hedged_round_figure_hides_more() -> None:
    assert same_written_figure(figure(100, "approx"), figure(112, "approx"))
    assert not same_written_figure(figure(100, "approx"), figure(130, "approx"))


@pytest.mark.slow
@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "Twelve people were injured when the roof of the depot collapsed.",
            "13 people were injured when the roof of the depot collapsed.",
        ),
        (
            "The railway operator sold its freight arm for $3.1 billion.",
            "The railway operator sold its freight arm for $3.2 billion.",
        ),
        (
            "As many as 2.2 million households could lose their subsidy.",
            "Up to 2.3 million households could lose their subsidy.",
        ),
        (
            "The flood damaged 40 bridges in the valley.",
            "The flood damaged 43 bridges in the valley.",
        ),
        (
            "At least five climbers died on the ridge.",
            "At least two climbers died on the ridge.",
        ),
        (
            "The gas leak sickened 12 at the school on Friday.",
            "The gas leak at the school sickened 14 pupils on Friday.",
        ),
    ],
)
def test_adjacent_figures_diverge(comparator: ClaimComparator, a: str, b: str) -> None:
    assert "number" in reason_types(compare(comparator, a, b))


@pytest.mark.slow
@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "The railway operator sold its freight arm for about $3.1 billion.",
            "The railway operator sold its freight arm for $3.08 billion.",
        ),
        (
            "The railway operator sold its freight arm for $3.1 billion.",
            "The railway operator sold its freight arm for $3,100 million.",
        ),
        (
            "More than 50,000 fans attended the final in Lisbon.",
            "An estimated 50,000 fans attended the final in Lisbon.",
        ),
        (
            "The tower is 300 ft tall and dominates the harbour.",
            "The tower is 91 m tall and dominates the harbour.",
        ),
        (
            "The regulator fined 19 other lenders for the same breach.",
            "The regulator fined 20 lenders for the same breach.",
        ),
        (
            "The storm cut power to 48,200 homes in the county.",
            "The storm cut power to 48,000 homes in the county.",
        ),
    ],
)
def test_roundings_and_conversions_agree(comparator: ClaimComparator, a: str, b: str) -> None:
    assert "number" not in reason_types(compare(comparator, a, b))


@pytest.mark.slow
@pytest.mark.parametrize(
    ("a", "b", "diverges"),
    [
        (
            "The ruling party has 52 members in the upper chamber.",
            "One member of the ruling party in the upper chamber is recovering from surgery.",
            False,
        ),
        (
            "A rare gold coin could fetch $ 20 million at the auction.",
            "A rare gold coin could fetch $ 20 at the auction.",
            True,
        ),
        (
            "The floods killed at least four people and displaced 9,000.",
            "The floods killed at least one person and displaced 9,000.",
            True,
        ),
    ],
)
def test_counts_far_apart_are_other_counts_unless_a_scale_word_changed(
    comparator: ClaimComparator, a: str, b: str, diverges: bool
) -> None:
    numbers = [r for r in compare(comparator, a, b).reasons if r.type == "number"]
    assert bool(numbers) is diverges


@pytest.mark.slow
@pytest.mark.parametrize(
    ("a", "b", "diverges"),
    [
        (
            "The mayor read the 60-word pledge on the steps of the town hall.",
            "On the steps of the town hall the mayor read the 65-word pledge.",
            True,
        ),
        (
            "Divers rescued a 7-year-old girl from the canal on Sunday.",
            "Divers rescued an 8-year-old girl from the canal on Sunday.",
            True,
        ),
        (
            "The court sentenced the 41-year-old Hale for robbing his neighbour.",
            "The court sentenced Hale for robbing his neighbour, 14-year-old Joss.",
            False,
        ),
        (
            "The pact covers fishing rights of 7 Baltic states.",
            "The 8-nation Baltic pact covers fishing rights.",
            False,
        ),
        (
            "The team signed Smith to a three-year, $45 million contract.",
            "The team signed Smith to a four-year, $45 million contract.",
            True,
        ),
        (
            "The team signed Smith to a three-year, $45 million contract.",
            "The team signed Smith after his four-year ban from the league.",
            False,
        ),
        # no noun described: a score, which the tally rule compares as one
        ("The side won 2-1 at home on Sunday.", "The side won 3-1 at home on Sunday.", True),
    ],
)
def test_a_figure_joined_to_a_word_describes_the_noun_after_it(
    comparator: ClaimComparator, a: str, b: str, diverges: bool
) -> None:
    numbers = [r for r in compare(comparator, a, b).reasons if r.type == "number"]
    assert bool(numbers) is diverges
