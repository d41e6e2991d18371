"""Certainty: "will mass" vs "could reach", "seeking to join" vs "could lead to"."""

from __future__ import annotations

from comparison.findings import reason, text_between
from comparison.model import Reason
from comparison.parse_tree import governs
from comparison.reported_speech import is_backshifted
from facts.modality import CERTAIN
from facts.model import ClaimFacts, ModalityFact, TextSpan

_LEVEL_WORDS = {5: "firm", 4: "intended or expected", 3: "hearsay", 2: "possible"}
_MIN_SHARED = 3


def modality_reasons(a: ClaimFacts, b: ClaimFacts, anchors: list[tuple[int, int]]) -> list[Reason]:
    """``anchors``: token index pairs (in a, in b) of facts already aligned, e.g. quantities."""
    swapped = [(ib, ia) for ia, ib in anchors]
    for ma in a.modalities:
        for mb in b.modalities:
            if ma.level == mb.level or not _aligned(ma, a, mb, b, anchors):
                continue
            if _backshift(ma, a, mb, b) or _backshift(mb, b, ma, a):
                continue
            if _matched(ma, a, b, anchors) or _matched(mb, b, a, swapped):
                continue
            return [_reason(ma, a, mb, b)]
    return []


def _backshift(ma: ModalityFact, a: ClaimFacts, mb: ModalityFact, b: ClaimFacts) -> bool:
    """A reported "would" against the speaker's "will" (or "going to")."""
    return mb.level == CERTAIN and is_backshifted(a, ma)


def _matched(
    fact: ModalityFact, own: ClaimFacts, other: ClaimFacts, anchors: list[tuple[int, int]]
) -> bool:
    """Whether the other claim puts the same certainty on the same verb (then a second marker
    nested in that clause, like "intend to ... how it might", is no difference either)."""
    verb = _head_lemma(own, fact)
    return any(
        counterpart.level == fact.level
        and _head_lemma(other, counterpart) == verb
        and _aligned(fact, own, counterpart, other, anchors)
        for counterpart in other.modalities
    )


def _head_lemma(facts: ClaimFacts, fact: ModalityFact) -> str | None:
    return facts.tokens[fact.head].lemma if 0 <= fact.head < len(facts.tokens) else None


def _aligned(
    ma: ModalityFact, a: ClaimFacts, mb: ModalityFact, b: ClaimFacts, anchors: list[tuple[int, int]]
) -> bool:
    if any(_governs(a, ma.head, ia) and _governs(b, mb.head, ib) for ia, ib in anchors):
        return True
    shared = ma.scope & mb.scope
    return len(shared) >= _MIN_SHARED and len(shared) >= 0.3 * min(len(ma.scope), len(mb.scope))


def _governs(facts: ClaimFacts, head: int, index: int) -> bool:
    """Whether token ``index`` lies in the clause headed by ``head`` (at most 3 steps up)."""
    return governs(facts, head, index, steps=4)


def _reason(ma: ModalityFact, a: ClaimFacts, mb: ModalityFact, b: ClaimFacts) -> Reason:
    shared = ma.scope & mb.scope
    span_a, span_b = _scope_span(a, ma, shared), _scope_span(b, mb, shared)
    explanation = (
        f"this: '{ma.cue}' ({_LEVEL_WORDS.get(ma.level, 'certain')}); "
        f"other: '{mb.cue}' ({_LEVEL_WORDS.get(mb.level, 'certain')})"
    )
    return reason("modality", span_a, span_b, explanation)


def _scope_span(facts: ClaimFacts, fact: ModalityFact, shared: frozenset[str]) -> TextSpan:
    """From the marker to the last shared word inside its clause."""
    end = fact.span.end
    for index, token in enumerate(facts.tokens):
        if (
            token.start >= fact.span.start
            and token.lemma in shared
            and governs(facts, fact.head, index, steps=12)
        ):
            end = max(end, token.end)
    return text_between(facts, fact.span.start, end)
