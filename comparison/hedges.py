"""A hedge against a flat statement of the same fact: "may have been drunk" / "was drunk",
"reportedly investigated him" / "investigated him".

:mod:`comparison.modality` compares two certainty markers; a claim that states the fact with
no marker at all is as certain as a claim can be, and a hedge (a possibility or hearsay
marker) on the same words in the other claim is a difference of certainty an editor should
see. Intentions and the future ("plans to close", "will close") are not hedges: set against
"closed" they are more often two moments of one story than two accounts of one.
"""

from __future__ import annotations

from comparison.diffing import tokens_span
from comparison.findings import reason
from comparison.model import Reason
from facts.modality import HEARSAY, POSSIBLE
from facts.model import ClaimFacts, ModalityFact, TextSpan

HEDGE_LEVELS = frozenset({POSSIBLE, HEARSAY})
MIN_SCOPE = 2  # a hedge on a lone word ("possibly") says too little of what is hedged
_LEVEL_WORDS = {POSSIBLE: "possible", HEARSAY: "hearsay"}
# Words that present a statement as a report, a description or a belief: a claim framed by
# one is not flat ("there were reports of four people dying", "she is described as ...").
EPISTEMIC_FRAMES = frozenset(
    {
        "report",
        "describe",
        "allege",
        "claim",
        "believe",
        "suspect",
        "appear",
        "seem",
        "estimate",
        "suggest",
        "think",
        "rumor",
        "rumour",
        "accuse",
    }
)


def hedge_reasons(a: ClaimFacts, b: ClaimFacts) -> list[Reason]:
    """A reason when one claim hedges words the other states flatly (``this`` is ``a``'s)."""
    hedge = flat_counterpart(a, b)
    if hedge is not None:
        fact, flat_span = hedge
        return [reason("modality", fact.span, flat_span, _explanation(fact, first=True))]
    hedge = flat_counterpart(b, a)
    if hedge is not None:
        fact, flat_span = hedge
        return [reason("modality", flat_span, fact.span, _explanation(fact, first=False))]
    return []


def flat_counterpart(hedged: ClaimFacts, flat: ClaimFacts) -> tuple[ModalityFact, TextSpan] | None:
    """A hedge of ``hedged`` whose words ``flat`` states with no marker, no negation and no
    frame of report or belief (nor, against hearsay, a source), and the words of ``flat``
    that state them."""
    for fact in hedged.modalities:
        if fact.level not in HEDGE_LEVELS or len(fact.scope) < MIN_SCOPE:
            continue
        if not fact.scope <= flat.content_lemmas or _marked(flat, fact.scope):
            continue
        if _framed(flat) or (fact.level == HEARSAY and flat.attributions):
            continue
        span = _stated(flat, fact.scope)
        if span is not None:
            return fact, span
    return None


def _marked(facts: ClaimFacts, scope: frozenset[str]) -> bool:
    """The claim puts a certainty marker or a negation on some of these words (the other
    rules compare those)."""
    return any(marker.scope & scope for marker in facts.modalities) or any(
        negation.head_lemma in scope or negation.scope & scope for negation in facts.negations
    )


def _framed(facts: ClaimFacts) -> bool:
    """The claim presents its statement as a report, description or belief."""
    return any(token.lemma in EPISTEMIC_FRAMES for token in facts.tokens)


def _stated(facts: ClaimFacts, scope: frozenset[str]) -> TextSpan | None:
    """From the first to the last token of ``facts`` whose lemma is in ``scope``."""
    inside = [token for token in facts.tokens if token.is_content and token.lemma in scope]
    if not inside:
        return None
    return tokens_span(facts, inside)


def _explanation(fact: ModalityFact, first: bool) -> str:
    hedged = f"'{fact.cue}' ({_LEVEL_WORDS[fact.level]})"
    return (
        f"this: {hedged}; other: stated as fact"
        if first
        else f"this: stated as fact; other: {hedged}"
    )
