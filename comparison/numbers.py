"""Quantities counting the same thing, compared with their bounds and rounding."""

from __future__ import annotations

import math

from comparison.findings import quoted, reason
from comparison.list_items import names_another_item
from comparison.measures import is_converted, is_converted_duration, measures_in_one_unit
from comparison.model import Reason
from comparison.overlap import facts_overlap
from comparison.rounding import same_written_figure
from facts.model import ClaimFacts, QuantityFact
from facts.vague_counts import is_vague_count

# Nouns newsrooms use for one counted thing: "19 actions" / "23 steps" / "20 measures" of a plan.
_UNIT_KEYS = {
    "people": "person",
    "persons": "person",
    "step": "action",
    "measure": "action",
    "house": "home",
}
# Two counts of one unit are taken for one count only within this ratio: "52 members" and "one
# member, Senator X" count different things; "five dead" and "one dead" do not.
_SAME_UNIT_RATIO = 10
_UNNAMED_UNIT_RATIO = 3  # the same, when one side names no unit
_VERB_REACH = 3  # tokens climbed from a counted noun to the verb that governs it
# Two sums of any size are one sum when each claim gives its verb one sum and the claims are
# otherwise near copies ("taxed $400 billion for ..." / "taxed $300 million for ...").
_NEAR_COPY_OVERLAP = 0.8
# Tokens after a compound figure searched for the noun it describes, past a sum of money given
# to the same noun ("a three-year, $45 million contract").
_DESCRIBED_REACH = 6
_BOUND_WORDS = {
    "exact": "exact",
    "approx": "approximate",
    "lower": "at least",
    "upper": "at most",
    "range": "range",
}


def number_reasons(a: ClaimFacts, b: ClaimFacts) -> list[Reason]:
    quantities_a, quantities_b = measures_in_one_unit(a, b)
    reasons: list[Reason] = []
    for qa in quantities_a:
        stated_in_a = {q.value for q in quantities_a if q is not qa}
        candidates = [
            qb for qb in quantities_b if _aligned(qa, a, qb, b) and qb.value not in stated_in_a
        ]
        if not candidates or any(_compatible(qa, qb) for qb in candidates):
            continue
        qb = min(candidates, key=lambda q: _distance(qa, q))
        if not any(_compatible(q, qb) for q in quantities_a if _aligned(q, a, qb, b)):
            reasons.append(_number_reason(qa, qb))
    return reasons


def _aligned(qa: QuantityFact, a: ClaimFacts, qb: QuantityFact, b: ClaimFacts) -> bool:
    """Two figures that count the same thing, and, where a claim lists several, the same item."""
    return (
        _count_the_same(qa, a, qb, b)
        and not names_another_item(qa, a, qb, b)
        and not names_another_item(qb, b, qa, a)
    )


def _count_the_same(qa: QuantityFact, a: ClaimFacts, qb: QuantityFact, b: ClaimFacts) -> bool:
    if qa.kind != qb.kind:
        return False
    if _compound(qa, a) or _compound(qb, b):
        return _describe_one_noun(qa, a, qb, b)
    if is_vague_count(qa) or is_vague_count(qb):
        return _vague_aligned(qa, a, qb, b)
    if is_converted_duration(qa) and is_converted_duration(qb):
        return _counted_by_same_verb(qa, a, qb, b)
    if qa.unit and qb.unit:
        same_unit = unit_key(qa.unit) == unit_key(qb.unit)
        return same_unit and (
            _ratio(qa, qb) <= _SAME_UNIT_RATIO
            or _scale_swapped(qa, qb)
            or _one_sum_in_near_copies(qa, a, qb, b)
        )
    if not _same_magnitude(qa, qb):
        return False
    if qa.unit or qb.unit:
        named = qa.unit in b.content_lemmas if qa.unit else qb.unit in a.content_lemmas
        return named or _counted_by_same_verb(qa, a, qb, b)
    return len(a.quantities) == 1 == len(b.quantities) or _counted_by_same_verb(qa, a, qb, b)


def _one_sum_in_near_copies(
    qa: QuantityFact, a: ClaimFacts, qb: QuantityFact, b: ClaimFacts
) -> bool:
    if qa.kind != "money" or not _counted_by_same_verb(qa, a, qb, b):
        return False
    return facts_overlap(a, b) >= _NEAR_COPY_OVERLAP


def _vague_aligned(qa: QuantityFact, a: ClaimFacts, qb: QuantityFact, b: ClaimFacts) -> bool:
    """A count in words ("dozens of arrests") and another count of the same thing: the same
    noun given to one verb ("a handful of protesters gathered" / "hundreds of protesters
    gathered"), or, near in size, the noun the other side's verb names ("200 people were
    arrested", not "arrested four times"). Both sides must name what they count, and nouns
    alone are not enough: "several justices" who voiced concerns are not "two justices" who
    agreed. Sums of money in words ("millions of dollars") are never precise enough."""
    if qa.kind == "money" or not (qa.unit and qb.unit):
        return False
    if unit_key(qa.unit) == unit_key(qb.unit):
        return _counted_by_same_verb(qa, a, qb, b)
    if _ratio(qa, qb) > _SAME_UNIT_RATIO:
        return False
    return _verb_of_noun(qa, a, qb, b) or _verb_of_noun(qb, b, qa, a)


def _verb_of_noun(qa: QuantityFact, a: ClaimFacts, qb: QuantityFact, b: ClaimFacts) -> bool:
    """ "dozens of arrests" and "200 people were arrested": the noun counted on one side is the
    verb the other side's count is given to, and that verb has no other count."""
    verb = _governing_verb(b, qb.head)
    if not verb or verb != qa.unit or qb.unit == "time" or _governing_verb(a, qa.head) == verb:
        return False
    return sum(_governing_verb(b, q.head) == verb for q in b.quantities) == 1


def _compound(q: QuantityFact, facts: ClaimFacts) -> bool:
    """ "A 35-word oath", "the 23-year-old Laci": the figure describes the noun after it."""
    return facts.text[q.number_span.end : q.number_span.end + 1] == "-"


def _describe_one_noun(qa: QuantityFact, a: ClaimFacts, qb: QuantityFact, b: ClaimFacts) -> bool:
    """Two compounds of one unit on the same noun ("35-word oath", "38-word oath"), not the
    ages of two people or a "12-nation deal" against "11 nations"."""
    if not (_compound(qa, a) and _compound(qb, b)) or qa.unit != qb.unit:
        return False
    noun = _described_noun(qa, a)
    return bool(noun) and noun == _described_noun(qb, b)


def _described_noun(q: QuantityFact, facts: ClaimFacts) -> str:
    after = [t for t in facts.tokens if t.start >= q.span.end]
    for token in after[:_DESCRIBED_REACH]:
        if token.pos in ("NOUN", "PROPN") and token.start > q.span.end:
            return token.lemma
    return ""


def unit_key(unit: str) -> str:
    return _UNIT_KEYS.get(unit, unit)


def _counted_by_same_verb(qa: QuantityFact, a: ClaimFacts, qb: QuantityFact, b: ClaimFacts) -> bool:
    """ "injured 12" and "injured 13 people": the one figure each side gives that verb."""
    verb = _governing_verb(a, qa.head)
    if not verb or verb != _governing_verb(b, qb.head):
        return False
    counted_a = [q for q in a.quantities if _governing_verb(a, q.head) == verb]
    counted_b = [q for q in b.quantities if _governing_verb(b, q.head) == verb]
    return len(counted_a) == 1 == len(counted_b)


def _governing_verb(facts: ClaimFacts, index: int) -> str:
    for _ in range(_VERB_REACH):
        if not 0 <= index < len(facts.tokens):
            return ""
        token = facts.tokens[index]
        if token.pos == "VERB":
            return token.lemma
        if token.head == index:
            return ""
        index = token.head
    return ""


def _same_magnitude(qa: QuantityFact, qb: QuantityFact) -> bool:
    return _ratio(qa, qb) <= _UNNAMED_UNIT_RATIO


def _scale_swapped(qa: QuantityFact, qb: QuantityFact) -> bool:
    """ "$10 million" and "$10", "2 million" and "2 billion": one figure, another scale word."""
    ratio = _ratio(qa, qb)
    if not math.isfinite(ratio):
        return False
    exponent = math.log10(ratio)
    return exponent >= 3 and math.isclose(exponent, round(exponent), abs_tol=1e-9)


def _ratio(qa: QuantityFact, qb: QuantityFact) -> float:
    if is_vague_count(qa) or is_vague_count(qb):
        return _gap_ratio(qa, qb)
    small, large = sorted((abs(qa.value), abs(qb.value)))
    return large / small if small > 0 else math.inf


def _gap_ratio(qa: QuantityFact, qb: QuantityFact) -> float:
    """How far apart the ranges of two counts are: 1 when they meet."""
    lower, upper = sorted((qa, qb), key=lambda q: q.low)
    if upper.low <= lower.high:
        return 1.0
    return upper.low / lower.high if lower.high > 0 else math.inf


def _compatible(qa: QuantityFact, qb: QuantityFact) -> bool:
    """Same bound: compared as written figures. Different bounds ("more than 100,000" and "an
    estimated 100,000"): the intervals the wordings allow, a plain figure's rounding included,
    must meet. So must a measure's, once both are in one unit."""
    if qa.bound == qb.bound and qa.bound != "range" and not is_converted(qa):
        return same_written_figure(qa, qb)
    return max(qa.low, qb.low) <= min(qa.high, qb.high)


def _distance(qa: QuantityFact, qb: QuantityFact) -> float:
    return abs(qa.value - qb.value) / max(abs(qa.value), abs(qb.value), 1e-9)


def _number_reason(qa: QuantityFact, qb: QuantityFact) -> Reason:
    this, other = (
        f"{quoted(qa.span)} ({_bound_words(qa)})",
        f"{quoted(qb.span)} ({_bound_words(qb)})",
    )
    explanation = f"this: {this}; other: {other}"
    return reason("number", qa.span, qb.span, explanation)


def _bound_words(q: QuantityFact) -> str:
    if is_vague_count(q) and q.low < q.high:
        return f"roughly {q.low:,.0f} to {q.high:,.0f}"
    return _BOUND_WORDS[q.bound]


def aligned_quantity_heads(a: ClaimFacts, b: ClaimFacts) -> list[tuple[int, int]]:
    """Token indices of quantity pairs that count the same thing, to anchor other facts."""
    return [
        (qa.head, qb.head) for qa in a.quantities for qb in b.quantities if _aligned(qa, a, qb, b)
    ]
