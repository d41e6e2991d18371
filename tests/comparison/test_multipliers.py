"""Two factors for one change (``comparison/multipliers.py``), on sentences written for these
tests: "prices doubled" / "prices tripled" differ; the same factor, changes of two different
things and "a double murder" (no change at all) do not."""

from __future__ import annotations

import pytest
from spacy.language import Language

from comparison import ClaimComparator
from comparison.multipliers import multiplier_reasons
from tests.comparison.conftest import both_ways, compare, typed_spans

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("a", "b", "spans"),
    [
        (
            "The price of the tickets doubled last year.",
            "The price of the tickets tripled last year.",
            ("doubled", "tripled"),
        ),
        (
            "The company halved its workforce in March.",
            "The company doubled its workforce in March.",
            ("halved", "doubled"),
        ),
        (
            "Sales doubled in the first quarter.",
            "Sales quadrupled in the first quarter.",
            ("doubled", "quadrupled"),
        ),
    ],
)
def test_two_factors_for_one_change_are_a_reason(
    nlp: Language, a: str, b: str, spans: tuple[str, str]
) -> None:
    assert both_ways(nlp, multiplier_reasons, a, b) == [[spans], [spans]]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # changes of two different things, one agent
        ("Sales doubled in the first quarter.", "Profits tripled in the first quarter."),
        ("The city doubled the fine.", "The city tripled the budget."),
        # the same factor
        (
            "Sales doubled in the first quarter.",
            "Sales doubled in the first quarter, the company said.",
        ),
        # "double" and "triple" that change nothing
        (
            "Police are investigating a double murder.",
            "Police are investigating a triple murder.",
        ),
    ],
)
def test_no_reason_without_two_factors_for_one_change(nlp: Language, a: str, b: str) -> None:
    assert both_ways(nlp, multiplier_reasons, a, b) == [[], []]


def test_the_comparator_reads_factors(comparator: ClaimComparator) -> None:
    result = compare(
        comparator,
        "The price of the tickets doubled last year.",
        "The price of the tickets tripled last year.",
    )

    assert result.verdict == "diverge"
    assert typed_spans(result) == [("number", "doubled", "tripled")]
