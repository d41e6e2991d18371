"""Which March, which Tuesday: a date written without its year or week, placed against the
article's own date. News reports what has happened, so such a date is the most recent one not
after the article, unless the next one is only days away ("the vote is Dec. 5" in a late
November article). A claim about what is still to come ("will meet Tuesday", "may double by
early March") looks further ahead, up to four months."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

_FUTURE_CUE = re.compile(
    r"\b(?:will|shall|would|could|may|might|'ll|is\s+to|are\s+to|going\s+to|set\s+to|due\s+to"
    r"|expected\s+to|scheduled|slated|plans?\s+to|planned|planning\s+to|preparing\s+to"
    r"|poised\s+to|likely\s+to|intends?\s+to|aims?\s+to|upcoming|coming|next|starting|beginning)\b",
    re.I,
)
# A sentence or clause ends at ";", "!", "?" or a full stop before a capital, but not at the
# stop of an initial or a title ("U.S. Senate", "Mr. Ruiz").
_CLAUSE_BREAK = re.compile(
    r"[;!?]|(?<!\b[A-Z])(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bMrs)\.(?=\s+[A-Z])"
)
# "extended until March", "funded into early December": a time limit still to run.
_LIMIT_BEFORE = re.compile(r"\b(?:until|till|through|into)\s+(?:early\s+|mid-?|late\s+)?$", re.I)
_SAID_BEFORE = re.compile(
    r"\b(?:said|says|told|announced|reported|wrote|added|confirmed|stated)\s+(?:on\s+)?$", re.I
)
YEAR_PATTERN = r"(?:19|20)\d\d"  # a year as news copy writes it
_LOOK_BACK = 160  # characters before the date searched for a future cue
_SOON = timedelta(days=31)  # how far ahead an undated day or month may be without a cue
_AHEAD = timedelta(days=120)  # how far ahead it may be when the claim looks ahead


def looks_ahead(text: str, start: int) -> bool:
    """Whether the clause before ``text[start:]`` speaks of the future. The day a statement
    was made ("said Tuesday") is behind, whatever the statement is about."""
    before = text[max(0, start - _LOOK_BACK) : start]
    if _SAID_BEFORE.search(before):
        return False
    if _LIMIT_BEFORE.search(before):
        return True
    breaks = list(_CLAUSE_BREAK.finditer(before))
    clause = before[breaks[-1].end() :] if breaks else before
    return bool(_FUTURE_CUE.search(clause))


def month_year(month: int, anchor: date, ahead: bool, first_day: int = 1) -> int:
    """The year of "March" (or of "late March", which begins on ``first_day``)."""
    return day_year(month, first_day, anchor, ahead)


def day_year(month: int, day: int, anchor: date, ahead: bool) -> int:
    """The year of "March 3": the next one when it is near enough, else the last one."""
    this_year = safe_date(anchor.year, month, day)
    upcoming = this_year if this_year >= anchor else safe_date(anchor.year + 1, month, day)
    horizon = _AHEAD if ahead else _SOON
    if upcoming - anchor <= horizon:
        return upcoming.year
    return anchor.year if this_year <= anchor else anchor.year - 1


def safe_date(year: int, month: int, day: int) -> date:
    """The day, or the month's last day when the month is shorter ("February 30")."""
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


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])
