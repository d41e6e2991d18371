"""Which March, which Tuesday: a date written without its year or week, placed against the
article's own date. News reports what has happened, so such a date is the most recent one not
after the article; only a claim about what is still to come ("will meet Tuesday", "may double
by early March") looks ahead to the next one."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

_FUTURE_CUE = re.compile(
    r"\b(?:will|shall|would|could|may|might|'ll|is\s+to|are\s+to|going\s+to|set\s+to|due\s+to"
    r"|expected\s+to|scheduled|slated|plans?\s+to|planned|intends?\s+to|aims?\s+to|upcoming"
    r"|coming|next)\b",
    re.I,
)
_CLAUSE_BREAK = re.compile(r"[.;:!?]")
_SAID_BEFORE = re.compile(
    r"\b(?:said|says|told|announced|reported|wrote|added|confirmed|stated)\s+(?:on\s+)?$", re.I
)
_LOOK_BACK = 160  # characters before the date searched for a future cue
_SOON = timedelta(days=31)


def looks_ahead(text: str, start: int) -> bool:
    """Whether the clause before ``text[start:]`` speaks of the future. The day a statement
    was made ("said Tuesday") is behind, whatever the statement is about."""
    before = text[max(0, start - _LOOK_BACK) : start]
    if _SAID_BEFORE.search(before):
        return False
    breaks = list(_CLAUSE_BREAK.finditer(before))
    clause = before[breaks[-1].end() :] if breaks else before
    return bool(_FUTURE_CUE.search(clause))


def month_year(month: int, anchor: date, ahead: bool) -> int:
    """The year of the most recent such month not after ``anchor`` (the next one not before it
    when ``ahead``)."""
    if ahead:
        return anchor.year if month >= anchor.month else anchor.year + 1
    return anchor.year if month <= anchor.month else anchor.year - 1


def day_year(month: int, day: int, anchor: date, ahead: bool) -> int:
    """The year of "March 3": the next one when ``ahead``; else this year's, unless that is more
    than a month after ``anchor`` (an event a few weeks off is often written without "will")."""
    this_year = _safe_date(anchor.year, month, day)
    if ahead:
        return anchor.year if this_year >= anchor else anchor.year + 1
    return anchor.year if this_year <= anchor + _SOON else anchor.year - 1


def _safe_date(year: int, month: int, day: int) -> date:
    return date(year, month, min(day, calendar.monthrange(year, month)[1]))


def weekday_date(weekday: int, anchor: date, ahead: bool) -> date:
    """The most recent such weekday on or before ``anchor`` (the next one on or after it when
    ``ahead``)."""
    if ahead:
        return anchor + timedelta(days=(weekday - anchor.weekday()) % 7)
    return anchor - timedelta(days=(anchor.weekday() - weekday) % 7)


def this_week(weekday: int, anchor: date) -> date:
    """ "This Tuesday": the Tuesday of the article's own Monday-to-Sunday week."""
    return anchor - timedelta(days=anchor.weekday()) + timedelta(days=weekday)
