"""Times of day that differ ("at 4:30 p.m. ET" / "at 2:30 p.m. PT", "at noon" / "at midnight"),
after bringing both to one time zone ("4:30 p.m. ET" and "1:30 p.m. PT" are one moment).
Compared only when each claim gives one time, both or neither with a zone. A hedged time stands
for a stretch around it: "about 10 p.m." for the half hour either side (a quarter hour for
"about 10:30 p.m."), "shortly after 9 p.m." for the half hour after; two times differ when their
stretches do not overlap, so "about 10 p.m." and "about 11 p.m." differ while "about 3 a.m." and
"3:20 a.m." do not. A limit ("before 4 p.m.", "between 6 and 7 p.m.") is not compared."""

from __future__ import annotations

import re
from dataclasses import dataclass

from comparison.findings import quoted, reason
from comparison.model import Reason
from facts.model import ClaimFacts, TextSpan

_CLOCK = re.compile(
    r"(?:\b(?P<hour>1[0-2]|0?[1-9])(?::(?P<minute>[0-5]\d))?\s*"
    r"(?P<half>[ap])\.?\s?m\b\.?|\b(?P<word>(?-i:noon|midday|midnight))\b)"
    r"(?:\s+(?P<zone>[ECMP][SD]?T|GMT|UTC)\b)?",
    re.IGNORECASE,
)
_WORD_MINUTES = {"noon": 12 * 60, "midday": 12 * 60, "midnight": 0}
_ZONE_HOURS = {"E": -5, "C": -6, "M": -7, "P": -8, "GMT": 0, "UTC": 0}
_SHORTLY_AFTER = re.compile(r"\b(?:shortly|just|soon)\s+after\s*$", re.IGNORECASE)
_SHORTLY_BEFORE = re.compile(r"\b(?:(?:shortly|just)\s+before|nearly|almost)\s*$", re.IGNORECASE)
_AROUND = re.compile(r"\b(?:about|around|approximately|roughly|some)\s*$", re.IGNORECASE)
_LIMIT = re.compile(
    r"\b(?:after|before|by|until|till|since|from|between|to|and|or|as of|no later than|"
    r"at least)\s*$",
    re.IGNORECASE,
)
_HEDGE_MINUTES = 30  # the stretch a hedged time on the hour stands for, each side or after
_HEDGE_MINUTES_OFF_HOUR = 15  # the same, for a time given to the minute ("about 10:30 p.m.")
_MINUTES_A_DAY = 24 * 60


@dataclass(frozen=True, slots=True)
class ClockTime:
    minutes: int  # after midnight, in the zone given (or local when none is)
    zoned: bool
    span: TextSpan
    before: int = 0  # minutes the wording allows before ``minutes``
    after: int = 0  # and after it


def clock_time_reasons(a: ClaimFacts, b: ClaimFacts) -> list[Reason]:
    times_a, times_b = clock_times(a.text), clock_times(b.text)
    if len(times_a) != 1 or len(times_b) != 1:
        return []
    (ta,), (tb,) = times_a, times_b
    if ta.zoned != tb.zoned or not _apart(ta, tb):
        return []
    explanation = f"this gives the time as {quoted(ta.span)}; other as {quoted(tb.span)}"
    return [reason("date", ta.span, tb.span, explanation)]


def _apart(x: ClockTime, y: ClockTime) -> bool:
    """The stretches of two times share no moment; two exact times need only differ. Stretches
    that only touch are apart: each wording stops where the other starts."""
    early, late = sorted((x, y), key=lambda time: time.minutes)
    forward = late.minutes - early.minutes
    backward = _MINUTES_A_DAY - forward  # across midnight
    return forward > 0 and (
        forward >= early.after + late.before and backward >= late.after + early.before
    )


def clock_times(text: str) -> list[ClockTime]:
    """Every time of day the text gives, with the stretch a hedge allows (limits left out)."""
    found = [_clock_time(text, match) for match in _CLOCK.finditer(text)]
    return [time for time in found if time is not None]


def _clock_time(text: str, match: re.Match[str]) -> ClockTime | None:
    stretch = _stretch(text[: match.start()], match["minute"])
    if stretch is None:
        return None
    minutes = _minutes(match)
    zone = match["zone"]
    if zone:
        minutes = (minutes - 60 * _zone_hours(zone.upper())) % _MINUTES_A_DAY
    span = TextSpan(
        match.group().rstrip(), match.start(), match.start() + len(match.group().rstrip())
    )
    return ClockTime(minutes, bool(zone), span, *stretch)


def _minutes(match: re.Match[str]) -> int:
    """Minutes after midnight of a time written with a.m./p.m. or as a word ("noon")."""
    if match["word"]:
        return _WORD_MINUTES[match["word"].lower()]
    hour = int(match["hour"]) % 12 + (12 if match["half"].lower() == "p" else 0)
    return hour * 60 + int(match["minute"] or 0)


def _stretch(before_time: str, minute: str | None) -> tuple[int, int] | None:
    """(minutes before, minutes after) the words before a time allow; None for a limit."""
    hedge = _HEDGE_MINUTES if minute in (None, "00") else _HEDGE_MINUTES_OFF_HOUR
    if _SHORTLY_AFTER.search(before_time):
        return 0, hedge
    if _SHORTLY_BEFORE.search(before_time):
        return hedge, 0
    if _AROUND.search(before_time):
        return hedge, hedge
    if _LIMIT.search(before_time):
        return None
    return 0, 0


def _zone_hours(zone: str) -> int:
    """Hours from UTC of a zone family; daylight and standard time are not told apart, as copy
    rarely does ("4:30 p.m. ET" and "1:30 p.m. PST" are the same moment in newsroom usage)."""
    return _ZONE_HOURS.get(zone, _ZONE_HOURS.get(zone[0], 0))
