"""Dates compared as intervals, each resolved against its own article's date."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from comparison import ClaimComparator
from comparison.dates import date_reasons
from tests.comparison.conftest import both_ways, compare, reason_types

pytestmark = pytest.mark.slow

NOV_20 = date(2022, 11, 20)
NOV_21 = date(2022, 11, 21)


@pytest.mark.parametrize(
    ("a", "b", "a_date", "b_date"),
    [
        (
            "The harbour master resigned in March after the audit.",
            "The harbour master resigned on March 14 after the audit.",
            NOV_20,
            NOV_21,
        ),
        (
            "The harbour master resigned in March after the audit.",
            "The harbour master resigned in March 2022 after the audit.",
            NOV_20,
            NOV_21,
        ),
        (
            "The ferry line closed in June, the operator said.",
            "The ferry line closed on June 3, the operator said.",
            date(2022, 7, 20),
            date(2022, 7, 21),
        ),
        (
            "The ferry line closed last year, the operator said.",
            "The ferry line closed in 2021, the operator said.",
            date(2022, 7, 20),
            date(2022, 7, 21),
        ),
        (
            "She chaired the port authority from 1971 to 1983.",
            "She chaired the port authority between 1971 and 1983.",
            NOV_20,
            NOV_21,
        ),
        (
            "The council voted on Tuesday to close the depot.",
            "The council voted yesterday to close the depot.",
            date(2022, 2, 2),
            date(2022, 2, 2),
        ),
        (
            "She chaired the port authority from 1971 to 1983.",
            "In 1975 she chaired the port authority.",
            NOV_20,
            NOV_21,
        ),
        (
            "The council will vote on Tuesday on closing the depot.",
            "The council voted on Tuesday to close the depot.",
            date(2022, 1, 31),
            date(2022, 2, 2),
        ),
        (
            "The ferry line closed two years ago, the operator said.",
            "The ferry line closed in 2020, the operator said.",
            date(2022, 7, 20),
            date(2022, 7, 21),
        ),
    ],
)
def test_one_date_written_two_ways_agrees(
    comparator: ClaimComparator, a: str, b: str, a_date: date, b_date: date
) -> None:
    assert "date" not in reason_types(compare(comparator, a, b, a_date, b_date))


@pytest.mark.parametrize(
    ("a", "b", "a_date", "b_date"),
    [
        (
            "She chaired the port authority from 1971 to 1983.",
            "She chaired the port authority from 1970 to 1982.",
            NOV_20,
            NOV_21,
        ),
        (
            "The ferry line closed in mid-June, the operator said.",
            "The ferry line closed on May 30, the operator said.",
            date(2022, 7, 20),
            date(2022, 7, 21),
        ),
        (
            "The ferry line closed last year, the operator said.",
            "The ferry line closed in 2020, the operator said.",
            date(2022, 7, 20),
            date(2022, 7, 21),
        ),
        (
            "The council voted on Tuesday to close the depot.",
            "The council voted on Wednesday to close the depot.",
            date(2022, 2, 3),
            date(2022, 2, 4),
        ),
        (
            "The council voted Tuesday to close the depot.",
            "The council voted yesterday to close the depot.",
            date(2022, 2, 2),
            date(2022, 2, 3),
        ),
        (
            "The ferry line closed two years ago, the operator said.",
            "The ferry line closed in 2019, the operator said.",
            date(2022, 7, 20),
            date(2022, 7, 21),
        ),
    ],
)
def test_different_dates_diverge(
    comparator: ClaimComparator, a: str, b: str, a_date: date, b_date: date
) -> None:
    assert "date" in reason_types(compare(comparator, a, b, a_date, b_date))


@pytest.mark.parametrize(
    ("a", "b", "diverges"),
    [
        (
            "The ferry line closed in mid-June, the operator said.",
            "The ferry line closed on May 30, the operator said.",
            True,
        ),
        (
            "The ferry line closed in October, the operator said.",
            "The ferry line closed on Nov. 3, the operator said.",
            True,
        ),
        (
            "The ferry line closed in June, the operator said.",
            "The ferry line closed on June 3, the operator said.",
            False,
        ),
        (
            "The ferry line closed on June 3, 2021, the operator said.",
            "The ferry line closed on June 3, the operator said.",
            False,
        ),
        (
            "The ferry line closed in late June, the operator said.",
            "The ferry line closed on June 27, the operator said.",
            False,
        ),
    ],
)
def test_without_article_dates_months_and_days_still_compare(
    comparator: ClaimComparator, a: str, b: str, diverges: bool
) -> None:
    result = compare(comparator, a, b, None, None)
    assert ("date" in reason_types(result)) is diverges


@pytest.mark.parametrize(
    "statement",
    [
        "The council closed the depot, the mayor said Monday.",
        "The mayor told reporters Monday that the council closed the depot.",
    ],
)
def test_the_day_a_statement_was_made_is_not_the_day_of_the_event(
    comparator: ClaimComparator, statement: str
) -> None:
    event = "The council closed the depot on Friday, the mayor said."
    result = compare(comparator, statement, event, date(2024, 3, 8), date(2024, 3, 8))
    assert "date" not in reason_types(result)


@pytest.mark.parametrize(
    ("a", "b", "compared"),
    [
        # one speaker, two days given for one statement
        (
            "The mayor said Monday that the depot would close for good.",
            "The mayor said Tuesday that the depot would close for good.",
            True,
        ),
        # a speaker named on one side only: nothing says they are two statements
        (
            "He said Monday that the depot would close for good.",
            "The mayor said Tuesday that the depot would close for good.",
            True,
        ),
        # two speakers: two statements, each on its own day
        (
            "The union's lawyer said Monday that the depot would close for good.",
            "The council's chairman said Tuesday that the depot would close for good.",
            False,
        ),
    ],
)
def test_days_of_speaking_are_compared_for_one_speaker_only(
    comparator: ClaimComparator, a: str, b: str, compared: bool
) -> None:
    for first, second in ((a, b), (b, a)):
        result = compare(comparator, first, second, date(2024, 3, 8), date(2024, 3, 8))
        assert ("date" in reason_types(result)) is compared


def test_two_days_of_the_event_are_compared(comparator: ClaimComparator) -> None:
    result = compare(
        comparator,
        "The council closed the depot on Monday, the mayor said.",
        "The council closed the depot on Friday, the mayor said.",
        date(2024, 3, 8),
        date(2024, 3, 8),
    )
    assert "date" in reason_types(result)


def test_a_month_called_may_is_compared_like_any_other(comparator: ClaimComparator) -> None:
    next_month = "The law takes effect next month."
    assert "date" in reason_types(
        compare(comparator, next_month, "The law takes effect in May 2022.")
    )
    assert (
        compare(comparator, "The law took effect in May.", "It took effect in May 2021.").verdict
        != "diverge"
    )


ELECTED = "Smith, who was elected in 2010, resigned on Monday."


@pytest.mark.parametrize(
    ("b", "expected"),
    [
        # the other claim's one date is the day of the resignation, which this claim gives too
        ("Smith resigned on Monday, nine years after he was elected.", []),
        # another day for the resignation: Monday is set against it, not 2010
        ("Smith resigned on Tuesday, nine years after he was elected.", [("Monday", "Tuesday")]),
        ("Smith, who was elected in 2012, resigned on Monday.", [("2010", "2012")]),
    ],
)
def test_a_date_is_set_against_the_date_of_its_own_act(
    nlp: Language, b: str, expected: list[tuple[str, str]]
) -> None:
    assert both_ways(nlp, date_reasons, ELECTED, b) == [expected, expected]


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (
            "The bridge will reopen in the spring.",
            "The bridge will reopen in the fall.",
            [("in the spring", "in the fall")],
        ),
        (
            "The bridge will reopen this fall.",
            "The bridge will reopen next spring.",
            [("this fall", "next spring")],
        ),
        (
            "The plant should be finished by the summer of 2024.",
            "The plant should be finished by the summer of 2025.",
            [("by the summer of 2024", "by the summer of 2025")],
        ),
        # which year a season without one falls in is a guess, as is a bare month's
        ("The bridge will reopen this fall.", "The bridge will reopen in October.", []),
        ("The bridge closed last summer.", "The bridge closed in January.", []),
        ("The bridge will reopen this fall.", "The bridge will reopen in the fall.", []),
    ],
)
def test_seasons_are_told_apart_by_name_and_year(
    nlp: Language, a: str, b: str, expected: list[tuple[str, str]]
) -> None:
    assert both_ways(nlp, date_reasons, a, b) == [expected, expected]
