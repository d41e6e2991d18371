"""Tallies of one vote, ruling or game (``comparison/tallies.py``), on sentences written for
these tests: "passed 52-48" / "passed 51-49" differ; one tally written two ways, two votes of
one story, and figures joined by a dash that are no tally do not. Before this rule such pairs
came back ``agree`` or ``unrelated``: the extractor reads "52-48" as no quantity at all."""

from __future__ import annotations

import pytest
from spacy.language import Language

from comparison import ClaimComparator
from comparison.tallies import tallies, tally_reasons
from tests.comparison.conftest import both_ways, compare, typed_spans

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("a", "b", "spans"),
    [
        (
            "The bill passed the Senate 52-48 on Thursday.",
            "The bill passed the Senate 51-49 on Thursday.",
            ("52-48", "51-49"),
        ),
        (
            "In a 5-4 decision, the court struck down the law.",
            "In a 6-3 decision, the court struck down the law.",
            ("5-4", "6-3"),
        ),
        (
            "The Lakers beat the Celtics 110-102 Sunday.",
            "The Lakers beat the Celtics 110-104 Sunday.",
            ("110-102", "110-104"),
        ),
        (
            "The council voted 7 to 2 to approve the budget.",
            "The council voted 6-3 to approve the budget.",
            ("7 to 2", "6-3"),
        ),
    ],
)
def test_two_tallies_of_one_contest_are_a_reason(
    nlp: Language, a: str, b: str, spans: tuple[str, str]
) -> None:
    assert both_ways(nlp, tally_reasons, a, b) == [[spans], [spans]]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # one tally, written two ways or from the other side
        ("The bill passed the Senate 52-48.", "The Senate passed the bill 48-52."),
        ("The council voted 7 to 2 to approve it.", "The council voted 7-2 to approve it."),
        # two votes of one story, each for its own purpose
        (
            "The Senate voted 51-49 to begin debate on the bill.",
            "The Senate voted 52-48 to pass the bill.",
        ),
        # a vote and a game
        ("The board voted 3-1 on Monday.", "The team won 3-1 on Monday."),
        # two tallies on one side: which one the other gives is not known
        (
            "The Senate voted 52-48 to confirm Smith after a 51-49 vote to end debate.",
            "The Senate voted 53-47 to confirm Smith.",
        ),
        # figures joined by a dash that are no tally: a range of a counted thing, ages, a score
        # with no contest named
        ("Democrats won 10-15 seats in the state.", "Democrats won 12-20 seats in the state."),
        ("The poll covered voters aged 18-24.", "The poll covered voters aged 18-29."),
        ("The meeting ran from 9-11 in the morning.", "The meeting ran from 9-12 in the morning."),
    ],
)
def test_no_reason_without_two_tallies_of_one_contest(nlp: Language, a: str, b: str) -> None:
    assert both_ways(nlp, tally_reasons, a, b) == [[], []]


def test_tallies_name_their_contest_and_purpose() -> None:
    (vote,) = tallies("The Senate voted 52-48 to confirm Smith.")
    assert (vote.sides, vote.contest, vote.purpose, vote.span.text) == (
        (52, 48),
        "vote",
        "confirm",
        "52-48",
    )
    (ruling,) = tallies("In a 4-5 ruling, the court sided with the city.")
    assert (ruling.sides, ruling.contest, ruling.purpose) == ((5, 4), "ruling", "")
    assert tallies("Sales rose 4-5 percent.") == []
    assert tallies("The 2019-20 season ended early after the team won.") == []


def test_the_comparator_flags_a_tally_it_used_to_pass_over(comparator: ClaimComparator) -> None:
    result = compare(
        comparator,
        "The bill passed the Senate 52-48 on Thursday.",
        "The bill passed the Senate 51-49 on Thursday.",
    )
    assert result.verdict == "diverge"
    assert typed_spans(result) == [("number", "52-48", "51-49")]
