"""Dates of an article without a date, compared by month and day.

"May 30" and "mid-June" cannot be placed in a year when neither article has a date, but one
still cannot contain the other; "June 3" and "in June" still fit.
"""

from __future__ import annotations

import re

from facts.dates import PART_OF_MONTH_DAYS
from facts.model import DateFact

MonthDay = tuple[int, int]
CalendarSpan = tuple[int | None, MonthDay, MonthDay]  # year when written, first and last day

_MONTH_DAY = re.compile(r"md:(?P<year>\d{4})?-(?P<month>\d\d)-(?P<day>\d\d)$")
_PART_OF_MONTH = re.compile(r"pm:(?P<part>early|mid|late)-(?P<month>\d\d)$")
_MONTH = re.compile(r"m:(?P<month>\d\d)$")


def calendar_span(fact: DateFact) -> CalendarSpan | None:
    """The days of the year a month-based date covers, or None for other dates."""
    if fact.start is not None and fact.end is not None:
        if fact.start.year != fact.end.year or fact.precision == "year":
            return None
        first, last = fact.start, fact.end
        return first.year, (first.month, first.day), (last.month, last.day)
    return _unanchored_span(fact.key)


def _unanchored_span(key: str) -> CalendarSpan | None:
    if match := _MONTH_DAY.match(key):
        year = int(match.group("year")) if match.group("year") else None
        day = (int(match.group("month")), int(match.group("day")))
        return year, day, day
    if match := _PART_OF_MONTH.match(key):
        month = int(match.group("month"))
        first, last = PART_OF_MONTH_DAYS[match.group("part")]
        return None, (month, first), (month, last)
    if match := _MONTH.match(key):
        month = int(match.group("month"))
        return None, (month, 1), (month, 31)
    return None


def calendar_compatible(a: CalendarSpan, b: CalendarSpan) -> bool:
    """One span holds the other, in the same year when both name one."""
    (year_a, first_a, last_a), (year_b, first_b, last_b) = a, b
    if year_a is not None and year_b is not None and year_a != year_b:
        return False
    a_holds_b = first_a <= first_b and last_b <= last_a
    b_holds_a = first_b <= first_a and last_a <= last_b
    return a_holds_b or b_holds_a
