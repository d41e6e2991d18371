"""Rival places: the same thing said to happen, or to be, in two different places ("a student
in Bellingham" / "a student in Seattle", "the rally in Denver" / "the rally in Boston").

Two place names are rivals when each claim names only its own, both attach to the same word,
and neither is a country or US state where the other may be a town inside it.
"""

from __future__ import annotations

from comparison.findings import quoted, reason
from comparison.lookalike import attachment, unmatched_names
from comparison.model import Reason
from comparison.overlap import facts_overlap
from facts.model import ClaimFacts, EntityFact
from facts.regions import region_kind

MIN_OVERLAP = 0.3  # share of content words the claims must have in common
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


def rival_place_reasons(a: ClaimFacts, b: ClaimFacts) -> list[Reason]:
    if facts_overlap(a, b) < MIN_OVERLAP:
        return []
    places_b = _places(unmatched_names(b, a))
    for pa in _places(unmatched_names(a, b)):
        anchor = attachment(pa, a)[1]
        rivals = [pb for pb in places_b if anchor and attachment(pb, b)[1] == anchor]
        if len(rivals) == 1 and _comparable(pa, rivals[0]):
            pb = rivals[0]
            explanation = f"this places it in {quoted(pa.span)}; other in {quoted(pb.span)}"
            return [reason("entity", pa.span, pb.span, explanation)]
    return []


def _places(entities: list[EntityFact]) -> list[EntityFact]:
    return [entity for entity in entities if entity.label in PLACE_LABELS]


def _comparable(pa: EntityFact, pb: EntityFact) -> bool:
    """Two places at one scale: two towns, two countries, two states; not a town and a region."""
    kind_a, kind_b = region_kind(pa.key), region_kind(pb.key)
    return kind_a == kind_b
