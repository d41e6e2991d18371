"""The verdict does not depend on which claim comes first; reasons follow the caller's order."""

from __future__ import annotations

import pytest

from comparison import ClaimComparator, ClaimInput, Reason, Span
from comparison.orientation import flip_reason, in_canonical_order
from tests.comparison.conftest import FEB_1

PAIRS = [
    (
        "Officials said 12 people were injured in the blast on Tuesday.",
        "Officials said 13 people were injured in the blast on Tuesday.",
    ),
    (
        "The mayor will announce the budget on Friday, her office said.",
        "The mayor may announce the budget on Friday, her office said.",
    ),
    (
        "The council did not approve the new stadium plan on Monday.",
        "The council approved the new stadium plan on Monday.",
    ),
    (
        "Rescue teams pulled two survivors from the rubble overnight.",
        "The governor praised the rescue teams in a short statement.",
    ),
]


@pytest.mark.slow
@pytest.mark.parametrize(("first", "second"), PAIRS)
def test_swapping_the_claims_keeps_the_verdict(
    comparator: ClaimComparator, first: str, second: str
) -> None:
    forward = comparator.compare(ClaimInput(first, FEB_1), ClaimInput(second, FEB_1))
    backward = comparator.compare(ClaimInput(second, FEB_1), ClaimInput(first, FEB_1))
    assert forward.verdict == backward.verdict
    assert [r.type for r in forward.reasons] == [r.type for r in backward.reasons]
    for reason in forward.reasons:
        assert first[reason.this.start : reason.this.end] == reason.this.text
        assert second[reason.other.start : reason.other.end] == reason.other.text


def test_flipping_a_reason_swaps_spans_and_explanation() -> None:
    reason = Reason(
        "number",
        Span("12 people", 15, 24),
        Span("13 people", 15, 24),
        "this: '12 people' (exact); other: '13 people' (exact)",
    )
    flipped = flip_reason(reason)
    assert flipped.this == reason.other
    assert flipped.other == reason.this
    assert flipped.explanation == "this: '13 people' (exact); other: '12 people' (exact)"
    assert flip_reason(flipped) == reason


def test_an_explanation_without_sides_is_kept() -> None:
    reason = Reason("negation", Span("not", 0, 3), Span("did", 0, 3), "negated 'not' vs affirmed")
    assert flip_reason(reason).explanation == "negated 'not' vs affirmed"


def test_canonical_order_is_a_total_order_on_distinct_claims() -> None:
    a, b = ClaimInput("Alpha rose.", FEB_1), ClaimInput("Beta fell.", FEB_1)
    assert in_canonical_order(a, b) != in_canonical_order(b, a)
    assert in_canonical_order(a, a)
