"""Who the claim is sourced to: "officials said" vs "Lavrov said"."""

from __future__ import annotations

from comparison.findings import quoted, reason
from comparison.model import Reason
from facts.model import AttributionFact, ClaimFacts
from facts.names import same_entity

_ROLE_WORDS = frozenset(
    {"official", "spokesman", "source", "diplomat", "aide", "officer", "analyst"}
)


def attribution_reasons(a: ClaimFacts, b: ClaimFacts) -> list[Reason]:
    speakers_a = [f for f in a.attributions if not f.is_pronoun]
    speakers_b = [f for f in b.attributions if not f.is_pronoun]
    if not speakers_a or not speakers_b:
        return []
    if any(_compatible(x, y) for x in speakers_a for y in speakers_b):
        return []
    if _speaker_is_subject_elsewhere(speakers_a, b) or _speaker_is_subject_elsewhere(speakers_b, a):
        return []
    first_a, first_b = speakers_a[0], speakers_b[0]
    explanation = f"this is sourced to {quoted(first_a.span)}; other to {quoted(first_b.span)}"
    return [reason("attribution", first_a.span, first_b.span, explanation)]


def _compatible(x: AttributionFact, y: AttributionFact) -> bool:
    if x.is_person and y.is_person:
        return same_entity(x.key, y.key)
    if not x.is_person and not y.is_person:
        return x.key == y.key or (x.key in _ROLE_WORDS and y.key in _ROLE_WORDS)
    return False


def _speaker_is_subject_elsewhere(speakers: list[AttributionFact], other: ClaimFacts) -> bool:
    """A speaker named anywhere in the other claim (as a role or in the story) is no conflict."""
    return any(
        any(same_entity(s.key, e.key) for e in other.entities) or s.key in other.content_lemmas
        for s in speakers
    )
