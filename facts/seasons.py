"""Seasons as time frames: "in the spring", "this fall", "summer 2023", "the fall of 2020". A
season with a year is its three months in the northern hemisphere (spring March to May, summer
June to August, fall September to November); one without a year ("in the spring", "this fall")
keeps only its name, since which year it falls in is a guess (as is the year of a bare month it
may be set against), so two seasons are told apart by name and a season never clashes with a
month. A season word counts only where it names a time: after "this", "last", "next" or "past",
after a preposition and "the", or before a year; "the fall of Kabul", "spring training" and
"prices fall" are no seasons. A winter given a year ("winter 2021") keeps only its name too:
writers mean either end of it."""

from __future__ import annotations

import re
from datetime import date

from facts.date_anchoring import YEAR_PATTERN, month_end

_YEAR = YEAR_PATTERN
_SEASON = r"(?P<season>spring|summer|fall|autumn|winter)"
_MONTHS = {"spring": (3, 5), "summer": (6, 8), "fall": (9, 11)}

SEASON_RES = (
    re.compile(
        r"\b(?:(?:this|last|next|past)\s+|(?:in|by|during|until|through|since|over)\s+the\s+)"
        rf"(?:(?:early|late)\s+)?{_SEASON}\b(?:\s+(?:of\s+)?(?P<year>{_YEAR})\b)?"
        r"(?!\s+of\s+[A-Z])",
        re.IGNORECASE,
    ),
    re.compile(rf"\b{_SEASON}\s+(?:of\s+)?(?P<year>{_YEAR})\b", re.IGNORECASE),
)

Interval = tuple[date, date]


def season(match: re.Match[str], anchor: date | None) -> tuple[str, Interval | None, str]:
    name = match.group("season").lower().replace("autumn", "fall")
    key = f"s:{name}"
    year_text = match.group("year")
    if not year_text or name not in _MONTHS:
        return key, None, "span"
    year = int(year_text)
    first, last = _MONTHS[name]
    return key, (date(year, first, 1), month_end(year, last)), "span"
