"""Measures in other units and times in other zones are converted before they are compared:
a faithful conversion agrees, a wrong one diverges."""

from __future__ import annotations

import pytest

from comparison import ClaimComparator
from comparison.clock_times import clock_times
from tests.comparison.conftest import compare, reason_types


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The wave was 30 feet high.", "The wave was 9 meters high."),
        ("The bridge is 200 feet tall.", "The bridge is 61 meters tall."),
        ("The storm dropped 10 inches of snow.", "The storm dropped 25 centimeters of snow."),
        ("The fire burned 5,000 acres.", "The fire burned 2,000 hectares."),
        ("The car was going 60 miles per hour.", "The car was going 97 kilometers per hour."),
        (
            "The temperature reached 40 degrees Celsius.",
            "The temperature reached 104 degrees Fahrenheit.",
        ),
        (
            "The launch is set for 4:30 p.m. ET on Friday.",
            "The launch is set for 1:30 p.m. PT on Friday.",
        ),
        (
            "The launch is set for 4:30 p.m. ET on Friday.",
            "The launch is set for 4:30 p.m. on Friday.",
        ),
        (
            "The fire was reported at about 3 a.m. Sunday.",
            "The fire was reported at 3:20 a.m. Sunday.",
        ),
        (
            "The shooting happened shortly after 10 p.m. Sunday.",
            "The shooting happened at 10:10 p.m. Sunday.",
        ),
        (
            "The shooting happened at about 10:30 p.m. Sunday.",
            "The shooting happened at about 11 p.m. Sunday.",
        ),
        ("The crash happened at about 11:55 p.m.", "The crash happened at about 12:05 a.m."),
        (
            "Smith was sentenced to 12 years in prison.",
            "Smith was sentenced to 144 months in prison.",
        ),
        ("The strike lasted three weeks.", "The strike lasted 21 days."),
        (
            "The ceasefire will take effect at midnight.",
            "The ceasefire will take effect at 12 a.m.",
        ),
        ("The talks went on for two hours.", "The talks went on for 120 minutes."),
    ],
)
def test_faithful_conversions_do_not_diverge(comparator: ClaimComparator, a: str, b: str) -> None:
    result = compare(comparator, a, b)
    assert result.verdict != "diverge", result.reasons


@pytest.mark.parametrize(
    ("a", "b", "kind"),
    [
        ("The wave was 30 feet high.", "The wave was 20 meters high.", "number"),
        (
            "The storm dropped 10 inches of snow.",
            "The storm dropped 40 centimeters of snow.",
            "number",
        ),
        (
            "The car was going 60 miles per hour.",
            "The car was going 140 kilometers per hour.",
            "number",
        ),
        (
            "The temperature reached 40 degrees Celsius.",
            "The temperature reached 110 degrees Fahrenheit.",
            "number",
        ),
        (
            "The launch is set for 4:30 p.m. ET on Friday.",
            "The launch is set for 2:30 p.m. PT on Friday.",
            "date",
        ),
        (
            "The fire was reported at 3:15 a.m. Sunday.",
            "The fire was reported at 5:15 a.m. Sunday.",
            "date",
        ),
        (
            "The shooting happened at about 10 p.m. Sunday.",
            "The shooting happened at about 11 p.m. Sunday.",
            "date",
        ),
        (
            "The shooting happened at about 10 p.m. Sunday.",
            "The shooting happened at 10:45 p.m. Sunday.",
            "date",
        ),
        (
            "The shooting happened shortly after 10 p.m. Sunday.",
            "The shooting happened at 9:50 p.m. Sunday.",
            "date",
        ),
        (
            "Smith was sentenced to 12 years in prison.",
            "Smith was sentenced to 12 months in prison.",
            "number",
        ),
        (
            "Smith was sentenced to two years in prison.",
            "Smith was sentenced to 30 months in prison.",
            "number",
        ),
        ("The strike lasted three weeks.", "The strike lasted 10 days.", "number"),
        (
            "The ceasefire will take effect at midnight.",
            "The ceasefire will take effect at noon.",
            "date",
        ),
        ("The talks went on for 90 minutes.", "The talks went on for two hours.", "number"),
    ],
)
def test_wrong_conversions_and_other_times_diverge(
    comparator: ClaimComparator, a: str, b: str, kind: str
) -> None:
    result = compare(comparator, a, b)
    assert result.verdict == "diverge"
    assert kind in reason_types(result)


def test_clock_times_read_zones_and_skip_hedged_times() -> None:
    (zoned,) = clock_times("Polls close at 8 p.m. ET tonight.")
    assert (zoned.minutes, zoned.zoned, zoned.span.text) == (
        (20 + 5) * 60 % (24 * 60),
        True,
        "8 p.m. ET",
    )
    (local,) = clock_times("It landed at 11:05 a.m. local time.")
    assert (local.minutes, local.zoned) == (11 * 60 + 5, False)
    assert clock_times("Doors open between 6 p.m. and 7 p.m.") == []
    assert clock_times("It must be filed before 5 p.m.") == []
    assert clock_times("It must be filed before midnight.") == []
    assert clock_times("He starred in Midnight Express.") == []  # a name, not a time


@pytest.mark.parametrize(
    ("text", "minutes", "before", "after"),
    [
        ("It ended shortly after 9 p.m.", 21 * 60, 0, 30),
        ("It ended just before 9 p.m.", 21 * 60, 30, 0),
        ("It ended at about 9 p.m.", 21 * 60, 30, 30),
        ("It ended at around 9:40 p.m.", 21 * 60 + 40, 15, 15),
        ("It ended at 9:40 p.m.", 21 * 60 + 40, 0, 0),
        ("The truce starts at midnight.", 0, 0, 0),
        ("The truce starts shortly after noon.", 12 * 60, 0, 30),
    ],
)
def test_hedged_clock_times_stand_for_a_stretch(
    text: str, minutes: int, before: int, after: int
) -> None:
    (time,) = clock_times(text)
    assert (time.minutes, time.before, time.after) == (minutes, before, after)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # two durations of different acts, one in each claim
        ("The jury deliberated for five hours.", "The trial lasted two days."),
        (
            "The jury deliberated for five hours after a trial that lasted two weeks.",
            "The jury deliberated for five hours after a trial that lasted 14 days.",
        ),
        (
            "He was jailed for two years after a trial that lasted six weeks.",
            "He was jailed for 24 months after a trial that lasted six weeks.",
        ),
    ],
)
def test_durations_of_other_acts_or_converted_faithfully_do_not_diverge(
    comparator: ClaimComparator, a: str, b: str
) -> None:
    result = compare(comparator, a, b)
    assert result.verdict != "diverge", result.reasons
