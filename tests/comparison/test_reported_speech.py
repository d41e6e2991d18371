"""Reported speech is not a change of certainty: "will" in a quote is "would" after "said"
(tense backshift), while a real change of certainty still diverges."""

from __future__ import annotations

import pytest

from comparison import ClaimComparator
from tests.comparison.conftest import compare, reason_types


@pytest.mark.parametrize(
    ("direct", "reported"),
    [
        (
            "“We will appeal the ruling of the state court,” the mayor said.",
            "The mayor said the city would appeal the ruling of the state court.",
        ),
        (
            "The city will appeal the ruling, the mayor said.",
            "The mayor promised that the city would appeal the ruling.",
        ),
        (
            "The mayor said the city is going to appeal the ruling.",
            "The mayor told reporters that the city would appeal the ruling.",
        ),
        (
            "“We can finish the new bridge over the river by May,” the engineer said.",
            "The engineer said the crews could finish the new bridge over the river by May.",
        ),
    ],
)
def test_backshifted_modal_is_not_a_modality_divergence(
    comparator: ClaimComparator, direct: str, reported: str
) -> None:
    assert "modality" not in reason_types(compare(comparator, direct, reported))
    assert "modality" not in reason_types(compare(comparator, reported, direct))


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (
            "The mayor said the city might appeal the ruling.",
            "The mayor said the city will appeal the ruling.",
        ),
        (
            "The mayor said on Monday the city would appeal the ruling.",
            "The mayor said the city might appeal the ruling.",
        ),
        (
            "The mayor says the city would appeal the ruling.",
            "The mayor says the city will appeal the ruling.",
        ),
        (
            "The engineer said the crews could finish the new bridge over the river by May.",
            "“We will finish the new bridge over the river by May,” the engineer said.",
        ),
    ],
)
def test_real_change_of_certainty_still_diverges(
    comparator: ClaimComparator, first: str, second: str
) -> None:
    assert "modality" in reason_types(compare(comparator, first, second))


def test_would_inside_a_quote_is_not_backshifted(comparator: ClaimComparator) -> None:
    result = compare(
        comparator,
        "“The city would appeal the ruling,” the mayor said.",
        "The mayor said the city will appeal the ruling.",
    )
    assert "modality" in reason_types(result)


def test_marker_repeated_on_both_sides_is_not_a_divergence(comparator: ClaimComparator) -> None:
    result = compare(
        comparator,
        "“We plan to study the report and how it might change the harbour budget,” she said.",
        "“We plan to study the report and how it might change the harbour budget.”",
    )
    assert "modality" not in reason_types(result)
