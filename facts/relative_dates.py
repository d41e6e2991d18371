"""Time frames counted back from the article's date ("two years ago", "three days ago") and
decades ("in the 1970s", "the '90s"), as intervals."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from facts.numbers import WORD_NUMBER, parse_number

Interval = tuple[date, date]
Resolved = tuple[str, Interval | None, str]

AGO_RE = re.compile(
    rf"\b(?P<count>\d{{1,3}}|a|an|{WORD_NUMBER})\s+(?P<unit>day|week|month|year)s?\s+ago\b",
    re.I,
)
DECADE_RE = re.compile(
    r"(?:\b(?P<century>19|20)(?P<decade>\d)0s|(?<!\w)['’](?P<short>\d)0s)\b", re.I
)


def ago(match: re.Match[str], anchor: date | None) -> Resolved:
    """ "Three days ago" is a day; "two weeks ago" that week; "a month ago" that calendar
    month; "two years ago" that calendar year."""
    count_text = match.group("count").lower()
    count = 1 if count_text in ("a", "an") else parse_number(count_text)
    unit = match.group("unit").lower()
    if count is None or count != int(count):
        raise ValueError(f"not a whole count: {match.group()}")
    key = f"ago:{int(count)}-{unit}"
    if anchor is None:
        return key, None, "span"
    return key, *_counted_back(anchor, int(count), unit)


def _counted_back(anchor: date, count: int, unit: str) -> tuple[Interval, str]:
    if unit == "day":
        when = anchor - timedelta(days=count)
        return (when, when), "day"
    if unit == "week":
        monday = anchor - timedelta(days=anchor.weekday(), weeks=count)
        return (monday, monday + timedelta(days=6)), "span"
    if unit == "month":
        year, month = divmod(anchor.year * 12 + anchor.month - 1 - count, 12)
        last = calendar.monthrange(year, month + 1)[1]
        return (date(year, month + 1, 1), date(year, month + 1, last)), "month"
    year = anchor.year - count
    return (date(year, 1, 1), date(year, 12, 31)), "year"


def decade(match: re.Match[str], anchor: date | None) -> Resolved:
    """ "The 1970s" is 1970 to 1979; "the '90s" the last such decade up to the article."""
    if match.group("century"):
        first = int(match.group("century")) * 100 + int(match.group("decade")) * 10
    elif anchor is not None:
        first = _recent_decade(int(match.group("short")) * 10, anchor.year)
    else:
        return f"dec:'{match.group('short')}0", None, "span"
    return f"dec:{first}", (date(first, 1, 1), date(first + 9, 12, 31)), "span"


def _recent_decade(tens: int, year: int) -> int:
    first = year // 100 * 100 + tens
    return first if first <= year else first - 100
