"""Who the claim is sourced to: "officials said Lavrov told Blinken" vs "Lavrov said"."""

from __future__ import annotations

from comparison.findings import quoted, reason
from comparison.model import Reason
from facts.model import AttributionFact, ClaimFacts
from facts.names import same_entity

# Titles one person holds at a time within a story's scope: "the mayor" and "the governor"
# are two sources, as two named people are; "officials", "police" or "a spokesman" may be
# the same people as another unnamed source, and are never set against one.
UNIQUE_OFFICES = frozenset(
    {
        "mayor",
        "governor",
        "president",
        "premier",
        "chancellor",
        "king",
        "queen",
        "pope",
        "sheriff",
        "coroner",
    }
)


def attribution_reasons(a: ClaimFacts, b: ClaimFacts) -> list[Reason]:
    if not other_speakers(a, b):
        return []
    for x in named_speakers(a):
        for y in named_speakers(b):
            if _conflicting(x, a, y, b):
                explanation = f"this is sourced to {quoted(x.span)}; other to {quoted(y.span)}"
                return [reason("attribution", x.span, y.span, explanation)]
    return []


def named_speakers(facts: ClaimFacts) -> list[AttributionFact]:
    """The claim's sources, pronouns ("he said") left out."""
    return [f for f in facts.attributions if not f.is_pronoun]


def other_speakers(a: ClaimFacts, b: ClaimFacts) -> bool:
    """Both claims name who speaks, and no source of one is a source of the other."""
    speakers_a, speakers_b = named_speakers(a), named_speakers(b)
    if not speakers_a or not speakers_b:
        return False
    return not any(_same_source(x, y) for x in speakers_a for y in speakers_b)


def _same_source(x: AttributionFact, y: AttributionFact) -> bool:
    if x.is_person and y.is_person:
        return same_entity(x.key, y.key)
    return x.key == y.key


def _conflicting(x: AttributionFact, a: ClaimFacts, y: AttributionFact, b: ClaimFacts) -> bool:
    """Two different named sources (or holders of two offices), or a named source on one
    side whom the other side only mentions inside a claim it sources to someone else."""
    if x.is_person and y.is_person:
        return not same_entity(x.key, y.key)
    if not x.is_person and not y.is_person:
        return x.key != y.key and {x.key, y.key} <= UNIQUE_OFFICES
    if y.is_person and not x.is_person:
        return _mentioned(y, a)
    if x.is_person and not y.is_person:
        return _mentioned(x, b)
    return False


def _mentioned(speaker: AttributionFact, other: ClaimFacts) -> bool:
    """Named in the other claim, but not as (part of) one of its sources."""
    named = [e for e in other.entities if same_entity(speaker.key, e.key)]
    sources = [s.span for s in other.attributions]
    inside = [e for e in named if any(s.start <= e.span.start < s.end for s in sources)]
    return bool(named) and not inside
