"""Times of day that differ ("at 4:30 p.m. ET" / "at 2:30 p.m. PT"), after bringing both to one
time zone ("4:30 p.m. ET" and "1:30 p.m. PT" are one moment). Compared only when each claim gives
one exact time, both or neither with a zone: a time hedged ("about 4 p.m.") or given as a limit
("before 4 p.m.") is not exact."""

from __future__ import annotations

import re
from dataclasses import dataclass

from comparison.findings import quoted, reason
from comparison.model import Reason
from facts.model import ClaimFacts, TextSpan

_CLOCK = re.compile(
    r"\b(?P<hour>1[0-2]|0?[1-9])(?::(?P<minute>[0-5]\d))?\s*"
    r"(?P<half>[ap])\.?\s?m\b\.?"
    r"(?:\s+(?P<zone>[ECMP][SD]?T|GMT|UTC)\b)?",
    re.IGNORECASE,
)
_ZONE_HOURS = {"E": -5, "C": -6, "M": -7, "P": -8, "GMT": 0, "UTC": 0}
_NOT_EXACT = re.compile(
    r"\b(?:about|around|approximately|roughly|nearly|almost|shortly|just|after|before|by|"
    r"until|till|since|from|between|to|and|or|as of|no later than|at least|some)\s*$",
    re.IGNORECASE,
)
_MINUTES_A_DAY = 24 * 60


@dataclass(frozen=True, slots=True)
class ClockTime:
    minutes: int  # after midnight, in the zone given (or local when none is)
    zoned: bool
    span: TextSpan


def clock_time_reasons(a: ClaimFacts, b: ClaimFacts) -> list[Reason]:
    times_a, times_b = clock_times(a.text), clock_times(b.text)
    if len(times_a) != 1 or len(times_b) != 1:
        return []
    (ta,), (tb,) = times_a, times_b
    if ta.zoned != tb.zoned or ta.minutes == tb.minutes:
        return []
    explanation = f"this gives the time as {quoted(ta.span)}; other as {quoted(tb.span)}"
    return [reason("date", ta.span, tb.span, explanation)]


def clock_times(text: str) -> list[ClockTime]:
    """Every exact time of day the text gives (hedged times and limits left out)."""
    found = [_clock_time(text, match) for match in _CLOCK.finditer(text)]
    return [time for time in found if time is not None]


def _clock_time(text: str, match: re.Match[str]) -> ClockTime | None:
    if _NOT_EXACT.search(text[: match.start()]):
        return None
    hour = int(match["hour"]) % 12 + (12 if match["half"].lower() == "p" else 0)
    minutes = hour * 60 + int(match["minute"] or 0)
    zone = match["zone"]
    if zone:
        minutes = (minutes - 60 * _zone_hours(zone.upper())) % _MINUTES_A_DAY
    span = TextSpan(
        match.group().rstrip(), match.start(), match.start() + len(match.group().rstrip())
    )
    return ClockTime(minutes, bool(zone), span)


def _zone_hours(zone: str) -> int:
    """Hours from UTC of a zone family; daylight and standard time are not told apart, as copy
    rarely does ("4:30 p.m. ET" and "1:30 p.m. PST" are the same moment in newsroom usage)."""
    return _ZONE_HOURS.get(zone, _ZONE_HOURS.get(zone[0], 0))
