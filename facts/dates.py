"""Dates and time frames, resolved to a [start, end] interval against the publication date."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from facts.date_anchoring import (
    YEAR_PATTERN,
    day_year,
    looks_ahead,
    month_end,
    month_year,
    safe_date,
    this_week,
    weekday_date,
)
from facts.model import DateFact, TextSpan
from facts.relative_dates import AGO_RE, DECADE_RE, ago, decade
from facts.seasons import SEASON_RES, season

MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_YEAR = YEAR_PATTERN
_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
# The days of a month that "early", "mid" and "late" cover.
PART_OF_MONTH_DAYS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}

Interval = tuple[date, date]
Resolver = Callable[[re.Match[str], date | None], tuple[str, Interval | None, str]]


def _month_number(text: str) -> int:
    return MONTHS[text.lower()[:3]]


def _unwritten_day_year(
    match: re.Match[str], month: int, day: int, anchor: date | None
) -> int | None:
    if anchor is None or not 1 <= day <= 31:
        return None
    return day_year(month, day, anchor, looks_ahead(match.string, match.start()))


def _month_day(match: re.Match[str], anchor: date | None) -> tuple[str, Interval | None, str]:
    month = _month_number(match.group("month"))
    day = int(match.group("day"))
    year_text = match.group("year")
    year = int(year_text) if year_text else _unwritten_day_year(match, month, day, anchor)
    key = f"md:{year_text or ''}-{month:02d}-{day:02d}"
    if year is None or not 1 <= day <= 31:
        return key, None, "day"
    when = safe_date(year, month, day)
    return f"d:{when.isoformat()}", (when, when), "day"


def _part_of_month(match: re.Match[str], anchor: date | None) -> tuple[str, Interval | None, str]:
    part = match.group("part").lower()
    month = _month_number(match.group("month"))
    year_text = match.group("year")
    first, last = PART_OF_MONTH_DAYS[part]
    year = int(year_text) if year_text else _unwritten_year(match, month, anchor, first)
    key = f"pm:{part}-{month:02d}"
    if year is None:
        return key, None, "span"
    return key, (safe_date(year, month, first), safe_date(year, month, last)), "span"


def _month_only(match: re.Match[str], anchor: date | None) -> tuple[str, Interval | None, str]:
    month = _month_number(match.group("month"))
    year_text = match.group("year")
    year = int(year_text) if year_text else _unwritten_year(match, month, anchor)
    key = f"m:{month:02d}"
    if year is None:
        return key, None, "month"
    return key, (date(year, month, 1), month_end(year, month)), "month"


def _unwritten_year(
    match: re.Match[str], month: int, anchor: date | None, first_day: int = 1
) -> int | None:
    """ "In March": the last March up to the article's date, unless the next one is near (or
    nearer than four months when the claim looks ahead)."""
    if anchor is None:
        return None
    return month_year(month, anchor, looks_ahead(match.string, match.start()), first_day)


def _weekday(match: re.Match[str], anchor: date | None) -> tuple[str, Interval | None, str]:
    name = match.group("weekday").lower()
    which = (match.group("which") or "").lower()
    key = f"wd:{which}{name}"
    if anchor is None:
        return key, None, "day"
    weekday = WEEKDAYS.index(name)
    if which == "next":
        when = anchor + timedelta(days=(weekday - anchor.weekday()) % 7 or 7)
    elif which == "last":
        when = weekday_date(weekday, anchor - timedelta(days=1), ahead=False)
    elif which == "this":
        when = this_week(weekday, anchor)
    else:
        when = weekday_date(weekday, anchor, looks_ahead(match.string, match.start()))
    return key, (when, when), "day"


_DEICTIC_OFFSETS = {"today": 0, "tonight": 0, "this": 0, "yesterday": -1, "tomorrow": 1}


def _deictic(match: re.Match[str], anchor: date | None) -> tuple[str, Interval | None, str]:
    word = match.group("word").lower().split()[0]
    offset = _DEICTIC_OFFSETS.get(word, 0)
    key = f"rel:{offset}"
    if anchor is None:
        return key, None, "day"
    when = anchor + timedelta(days=offset)
    return key, (when, when), "day"


def _relative_period(match: re.Match[str], anchor: date | None) -> tuple[str, Interval | None, str]:
    which = match.group("which").lower().replace("past", "last")
    unit = match.group("unit").lower()
    key = f"per:{which}-{unit}"
    if anchor is None:
        return key, None, "span"
    shift = {"last": -1, "next": 1}.get(which, 0)
    return key, _calendar_period(anchor, unit, shift), "year" if unit == "year" else "span"


def _calendar_period(anchor: date, unit: str, shift: int) -> Interval:
    if unit == "week":
        monday = anchor - timedelta(days=anchor.weekday()) + timedelta(weeks=shift)
        return monday, monday + timedelta(days=6)
    if unit == "month":
        index = anchor.year * 12 + anchor.month - 1 + shift
        year, month = divmod(index, 12)
        return date(year, month + 1, 1), month_end(year, month + 1)
    year = anchor.year + shift
    return date(year, 1, 1), date(year, 12, 31)


_COMING_DAYS = {"day": 7, "week": 35, "month": 180}


def _coming(match: re.Match[str], anchor: date | None) -> tuple[str, Interval | None, str]:
    direction = "past" if match.group("dir").lower() in ("past", "last") else "next"
    unit = match.group("unit").lower().rstrip("s")
    key = f"win:{direction}-{unit}"
    if anchor is None:
        return key, None, "span"
    length = timedelta(days=_COMING_DAYS.get(unit, 7))
    if direction == "past":
        return key, (anchor - length, anchor), "span"
    return key, (anchor, anchor + length), "span"


def _year_range(match: re.Match[str], anchor: date | None) -> tuple[str, Interval | None, str]:
    first = int(match.group("first") or match.group("first2"))
    last_text = match.group("last")
    last = int(last_text) if len(last_text) == 4 else first // 100 * 100 + int(last_text)
    if not first < last:
        raise ValueError(f"not a range of years: {match.group()}")
    return f"yr:{first}-{last}", (date(first, 1, 1), date(last, 12, 31)), "span"


def _year(match: re.Match[str], anchor: date | None) -> tuple[str, Interval | None, str]:
    year = int(match.group("year"))
    return f"y:{year}", (date(year, 1, 1), date(year, 12, 31)), "year"


_PATTERNS: list[tuple[re.Pattern[str], Resolver]] = [
    (
        re.compile(
            rf"\b(?P<month>{_MONTH})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>{_YEAR})\b)?",
            re.I,
        ),
        _month_day,
    ),
    (
        re.compile(
            rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{_MONTH})\b\.?(?:,?\s+(?P<year>{_YEAR})\b)?",
            re.I,
        ),
        _month_day,
    ),
    (
        re.compile(
            rf"\b(?P<part>early|mid|late)[- ](?P<month>{_MONTH})\b\.?(?:,?\s+(?P<year>{_YEAR})\b)?",
            re.I,
        ),
        _part_of_month,
    ),
    *((pattern, season) for pattern in SEASON_RES),
    (
        re.compile(
            r"\b(?:in|the)\s+(?:the\s+)?(?P<dir>coming|next|past|last)\s+(?:few\s+|several\s+)?"
            r"(?P<unit>days|weeks|months)\b",
            re.I,
        ),
        _coming,
    ),
    (AGO_RE, ago),
    (DECADE_RE, decade),
    (re.compile(rf"\b(?:(?P<which>last|next|this)\s+)?(?P<weekday>{_WEEKDAY})\b", re.I), _weekday),
    (
        re.compile(
            r"\b(?P<word>today|tonight|yesterday|tomorrow|this\s+(?:morning|afternoon|evening))\b",
            re.I,
        ),
        _deictic,
    ),
    (
        re.compile(
            r"\b(?:earlier\s+|later\s+)?(?P<which>last|next|this|past)\s+(?P<unit>week|month|year)\b",
            re.I,
        ),
        _relative_period,
    ),
    (
        re.compile(
            rf"\b(?:in\s+|since\s+|during\s+)?(?P<month>january|february|march|april|june|july|august|"
            rf"september|october|november|december)\b(?:,?\s+(?P<year>{_YEAR})\b)?",
            re.I,
        ),
        _month_only,
    ),
    (  # "May" is a month where no modal verb can stand: after "in", "since"... or before a year
        re.compile(
            rf"\b(?i:in|since|during|until|through|from|by)\s+(?P<month>May)\b"
            rf"(?:,?\s+(?P<year>{_YEAR})\b)?"
        ),
        _month_only,
    ),
    (re.compile(rf"\b(?P<month>May),?\s+(?P<year>{_YEAR})\b"), _month_only),
    (
        re.compile(
            rf"\b(?:(?:from|between)\s+(?P<first>{_YEAR})\s*(?:to|and|until|through|-|–)\s*"
            rf"|(?P<first2>{_YEAR})\s*[-–]\s*)(?P<last>{_YEAR}|\d\d)\b(?![\d,.%-]\d)",
            re.I,
        ),
        _year_range,
    ),
    (re.compile(rf"(?<![\d,.$-])\b(?P<year>{_YEAR})\b(?![\d,.%-]\d)", re.I), _year),
]


def _is_deadline(text: str, start: int) -> bool:
    return bool(
        re.search(
            r"\b(?:by|until|before|no later than)\s+$", text[max(0, start - 16) : start], re.I
        )
    )


def extract_dates(text: str, published_at: date | None) -> list[DateFact]:
    """All dates and time frames in ``text``, left to right, without overlaps."""
    taken: list[tuple[int, int]] = []
    found: list[DateFact] = []
    for pattern, resolve in _PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(start < e and s < end for s, e in taken):
                continue
            fact = _build(text, match, resolve, published_at)
            if fact is not None:
                taken.append((start, end))
                found.append(fact)
    return sorted(found, key=lambda fact: fact.span.start)


def _build(
    text: str, match: re.Match[str], resolve: Resolver, published_at: date | None
) -> DateFact | None:
    try:
        key, interval, precision = resolve(match, published_at)
    except (ValueError, OverflowError, KeyError):
        return None
    start, end = match.span()
    if text[end - 1 : end] == "." and re.search(r"[a-z]{5,}\.$", text[start:end], re.I):
        end -= 1
    deictic = resolve in (_weekday, _deictic)
    return DateFact(
        key=key,
        start=interval[0] if interval else None,
        end=interval[1] if interval else None,
        precision=precision,  # type: ignore[arg-type]
        deictic=deictic,
        deadline=_is_deadline(text, start),
        span=TextSpan(text[start:end], start, end),
    )
