"""Consulting the optional NLI judge on pairs with no structured difference."""

from __future__ import annotations

from comparison.diffing import first_difference
from comparison.findings import reason
from comparison.model import NliJudge, Reason, ReasonType
from facts.model import ClaimFacts, TextSpan

CONTRADICTION_FROM = 0.8


def judge_reason(judge: NliJudge, a: ClaimFacts, b: ClaimFacts) -> Reason | None:
    try:
        probability = max(
            judge.contradiction_probability(a.text, b.text),
            judge.contradiction_probability(b.text, a.text),
        )
    except Exception:  # a failing optional model must not fail the comparison
        return None
    if probability < CONTRADICTION_FROM:
        return None
    kind = _likely_type(a, b)
    spans = first_difference(a, b) or (_whole(a), _whole(b))
    return reason(kind, spans[0], spans[1], f"judged contradictory (p={probability:.2f})")


def _likely_type(a: ClaimFacts, b: ClaimFacts) -> ReasonType:
    if bool(a.negations) != bool(b.negations):
        return "negation"
    if {m.level for m in a.modalities} != {m.level for m in b.modalities}:
        return "modality"
    if a.quantities and b.quantities:
        return "number"
    return "entity"


def _whole(facts: ClaimFacts) -> TextSpan:
    return TextSpan(facts.text, 0, len(facts.text))
