from __future__ import annotations

from datetime import date

from facts.dates import extract_dates
from facts.model import DateFact

TUESDAY_FEB_1 = date(2022, 2, 1)


def only(text: str, published_at: date | None = TUESDAY_FEB_1) -> DateFact:
    found = extract_dates(text, published_at)
    assert len(found) == 1, found
    return found[0]


def test_weekday_is_the_latest_such_day_on_or_before_publication() -> None:
    assert only("The ministers met Tuesday.").start == date(2022, 2, 1)
    assert only("The ministers met on Monday.").start == date(2022, 1, 31)
    assert only("The ministers met on Wednesday.").start == date(2022, 1, 26)


def test_deictic_words() -> None:
    assert only("The vote is today.").start == TUESDAY_FEB_1
    assert only("The vote was yesterday.").start == date(2022, 1, 31)
    assert only("The vote was yesterday.").deictic


def test_calendar_weeks() -> None:
    last = only("Talks stalled last week.")
    assert (last.start, last.end) == (date(2022, 1, 24), date(2022, 1, 30))
    following = only("Talks resume next week.")
    assert (following.start, following.end) == (date(2022, 2, 7), date(2022, 2, 13))


def test_part_of_month_and_deadline() -> None:
    fact = only("Output may double by early March.")
    assert (fact.start, fact.end) == (date(2022, 3, 1), date(2022, 3, 10))
    assert fact.deadline
    assert fact.span.text == "early March"


def test_full_and_short_calendar_dates() -> None:
    assert only("Signed on Jan. 3, 2021, in Oslo.").start == date(2021, 1, 3)
    assert only("The summit opens Feb. 9.").start == date(2022, 2, 9)
    assert only("The summit opens 9 February.").start == date(2022, 2, 9)


def test_year_and_window() -> None:
    assert only("The dam was finished in 1998.").key == "y:1998"
    window = only("Inspectors arrive in the coming days.")
    assert window.start == TUESDAY_FEB_1 and window.end is not None and window.end > window.start


def test_without_anchor_dates_keep_a_comparable_key() -> None:
    fact = only("The board met on Friday.", None)
    assert fact.start is None and fact.key == "wd:friday"


def test_span_offsets_point_into_the_text() -> None:
    text = "Late on Thursday the council voted."
    fact = only(text)
    assert text[fact.span.start : fact.span.end] == fact.span.text == "Thursday"
