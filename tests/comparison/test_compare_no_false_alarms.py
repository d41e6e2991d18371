"""Not divergences: rounding, omission, spelling variants, quote punctuation, paraphrase."""

from __future__ import annotations

import pytest

from comparison import ClaimComparator
from tests.comparison.conftest import compare

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "More than 60,000 people marched through the capital on Saturday.",
            "An estimated 60,000 people marched through the capital on Saturday.",
        ),
        (
            "The airline cancelled three flights because of the strike.",
            "The airline cancelled 3 flights because of the strike.",
        ),
        (
            "Almost 1,000 homes lost power after the storm.",
            "1,000 homes lost power after the storm.",
        ),
        (
            "The fund lost 2.5 million euros last year.",
            "The fund lost 2,500,000 euros last year.",
        ),
    ],
    ids=["rounding", "words-vs-digits", "nearly", "scale-words"],
)
def test_compatible_figures_agree(comparator: ClaimComparator, a: str, b: str) -> None:
    assert compare(comparator, a, b).verdict == "agree"


def test_omitted_detail_is_no_divergence(comparator: ClaimComparator) -> None:
    result = compare(
        comparator,
        "During a tense meeting Tuesday, the two unions agreed to suspend the strike.",
        "During a tense meeting, the two unions agreed to suspend the strike.",
    )
    assert result.verdict == "agree"


def test_weekday_and_calendar_date_of_the_same_day_agree(comparator: ClaimComparator) -> None:
    result = compare(
        comparator,
        "The court ruled against the mining company on Tuesday.",
        "The court ruled against the mining company on Feb. 1.",
    )
    assert result.verdict == "agree"


def test_name_spelling_variants_agree(comparator: ClaimComparator) -> None:
    result = compare(
        comparator,
        "Sergey Petrov met Viktor Horvath in Budapest to discuss gas prices.",
        "Sergei Petrov met Victor Horváth in Budapest to discuss gas prices.",
    )
    assert result.verdict == "agree"


def test_quote_punctuation_only_agrees(comparator: ClaimComparator) -> None:
    result = compare(
        comparator,
        "“This is a fair deal, and a good one for the city,” said Ortiz.",
        '"This is a fair deal -- and a good one for the city," Ortiz said.',
    )
    assert result.verdict == "agree"


def test_shortened_quote_agrees(comparator: ClaimComparator) -> None:
    result = compare(
        comparator,
        "The mayor called the agreement “fair and balanced for everyone involved.”",
        "The mayor called the agreement “fair and balanced.”",
    )
    assert result.verdict == "agree"


def test_paraphrase_of_a_quote_agrees(comparator: ClaimComparator) -> None:
    result = compare(
        comparator,
        "“We will not raise taxes this year,” the finance minister said.",
        "The finance minister said taxes would not go up this year.",
    )
    assert result.verdict != "diverge"


def test_vague_span_against_precise_one_agrees(comparator: ClaimComparator) -> None:
    result = compare(
        comparator,
        "The singer gave her first interview in weeks on Sunday.",
        "The singer gave her first interview in over a month on Sunday.",
    )
    assert result.verdict == "agree"
