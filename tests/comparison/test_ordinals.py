"""Two ranks for one thing (``comparison/ordinals.py``), on sentences written for these
tests: "the first woman" / "the second woman" differ; the same rank, a rank on one side only
and a rank of another word do not."""

from __future__ import annotations

import pytest
from spacy.language import Language

from comparison import ClaimComparator
from comparison.ordinals import ordinal_reasons
from tests.comparison.conftest import both_ways, compare, typed_spans

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("a", "b", "spans"),
    [
        (
            "She was the first woman to lead the agency.",
            "She was the second woman to lead the agency.",
            ("first woman", "second woman"),
        ),
        (
            "Cheeks became the fifth coach fired this season.",
            "Cheeks became the fourth coach fired this season.",
            ("fifth coach", "fourth coach"),
        ),
        ("Merkel won a fourth term.", "Merkel won a third term.", ("fourth term", "third term")),
        (
            "The runner finished second in the race.",
            "The runner finished third in the race.",
            ("finished second", "finished third"),
        ),
        (
            "The city is the 21st to adopt the rule.",
            "The city is the 22nd to adopt the rule.",
            ("is the 21st", "is the 22nd"),
        ),
    ],
)
def test_two_ranks_for_one_thing_are_a_reason(
    nlp: Language, a: str, b: str, spans: tuple[str, str]
) -> None:
    assert both_ways(nlp, ordinal_reasons, a, b) == [[spans], [spans]]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # the same rank, in the same words or more
        (
            "She was the first woman to lead the agency.",
            "She was the first woman to lead the agency, officials said.",
        ),
        # a rank on one side only
        ("The first reports came on Monday.", "Reports came on Monday."),
        ("He first reported the story in May.", "He reported the story in May."),
        # a rank in common
        (
            "The jury convicted him of first-degree murder in one death and second-degree murder"
            " in the other.",
            "The jury convicted him of first-degree murder.",
        ),
        # ranks of different things
        ("She won her first race in May.", "She won her second title in May."),
    ],
)
def test_no_reason_without_two_ranks_for_one_thing(nlp: Language, a: str, b: str) -> None:
    assert both_ways(nlp, ordinal_reasons, a, b) == [[], []]


def test_the_comparator_reads_ranks(comparator: ClaimComparator) -> None:
    result = compare(
        comparator,
        "She was the first woman to lead the agency.",
        "She was the second woman to lead the agency.",
    )

    assert result.verdict == "diverge"
    assert typed_spans(result) == [("number", "first woman", "second woman")]
