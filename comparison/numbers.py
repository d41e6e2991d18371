"""Quantities counting the same thing, compared with their bounds and rounding."""

from __future__ import annotations

from comparison.findings import quoted, reason
from comparison.model import Reason
from facts.model import ClaimFacts, QuantityFact

_BOUND_WORDS = {
    "exact": "exact",
    "approx": "approximate",
    "lower": "at least",
    "upper": "at most",
    "range": "range",
}


def number_reasons(a: ClaimFacts, b: ClaimFacts) -> list[Reason]:
    reasons: list[Reason] = []
    for qa in a.quantities:
        stated_in_a = {q.value for q in a.quantities if q is not qa}
        candidates = [
            qb for qb in b.quantities if _aligned(qa, a, qb, b) and qb.value not in stated_in_a
        ]
        if not candidates or any(_compatible(qa, qb) for qb in candidates):
            continue
        qb = min(candidates, key=lambda q: _distance(qa, q))
        if not _reverse_has_compatible(qb, a, b):
            reasons.append(_number_reason(qa, qb))
    return reasons


def _reverse_has_compatible(qb: QuantityFact, a: ClaimFacts, b: ClaimFacts) -> bool:
    return any(_compatible(qa, qb) for qa in a.quantities if _aligned(qa, a, qb, b))


def _aligned(qa: QuantityFact, a: ClaimFacts, qb: QuantityFact, b: ClaimFacts) -> bool:
    if qa.kind != qb.kind:
        return False
    if qa.unit and qb.unit:
        return qa.unit == qb.unit
    if qa.unit:
        return qa.unit in b.content_lemmas and _same_magnitude(qa, qb)
    if qb.unit:
        return qb.unit in a.content_lemmas and _same_magnitude(qa, qb)
    return _same_magnitude(qa, qb) and len(a.quantities) == 1 == len(b.quantities)


def _same_magnitude(qa: QuantityFact, qb: QuantityFact) -> bool:
    small, large = sorted((abs(qa.value), abs(qb.value)))
    return small > 0 and large / small <= 3


def _compatible(qa: QuantityFact, qb: QuantityFact) -> bool:
    return max(qa.low, qb.low) <= min(qa.high, qb.high)


def _distance(qa: QuantityFact, qb: QuantityFact) -> float:
    return abs(qa.value - qb.value) / max(abs(qa.value), abs(qb.value), 1e-9)


def _number_reason(qa: QuantityFact, qb: QuantityFact) -> Reason:
    explanation = (
        f"this: {quoted(qa.span)} ({_BOUND_WORDS[qa.bound]}); "
        f"other: {quoted(qb.span)} ({_BOUND_WORDS[qb.bound]})"
    )
    return reason("number", qa.span, qb.span, explanation)


def aligned_quantity_heads(a: ClaimFacts, b: ClaimFacts) -> list[tuple[int, int]]:
    """Token indices of quantity pairs that count the same thing, to anchor other facts."""
    return [
        (qa.head, qb.head) for qa in a.quantities for qb in b.quantities if _aligned(qa, a, qb, b)
    ]
