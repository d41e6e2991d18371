"""Tense backshift in reported speech: "'We will appeal,' she said" is reported as "she said they
would appeal". Such a "would" is the speaker's "will" moved into the past, not a hedge.
"""

from __future__ import annotations

from comparison.findings import inside_quote
from facts.lexicon import SPEECH_VERBS
from facts.model import ClaimFacts, ModalityFact, TokenInfo
from facts.verb_forms import past_and_ing_forms

_REPORTING_VERBS = SPEECH_VERBS | frozenset(
    {"promise", "vow", "pledge", "assure", "think", "believe", "know", "signal", "indicate"}
)
_CLAUSE_LINKS = frozenset({"ccomp", "conj", "xcomp", "advcl"})
_MAX_STEPS = 3


def is_backshifted(facts: ClaimFacts, fact: ModalityFact) -> bool:
    """Whether ``fact`` is a "would" in a clause reported by a past or -ing reporting verb,
    outside quote marks."""
    if fact.cue != "would" or inside_quote(facts, fact.span.start):
        return False
    current = fact.head
    for _ in range(_MAX_STEPS):
        if not 0 <= current < len(facts.tokens):
            return False
        token = facts.tokens[current]
        parent = token.head
        if token.dep not in _CLAUSE_LINKS or parent == current:
            return False
        if _reports_in_past(facts.tokens[parent]):
            return True
        current = parent
    return False


def _reports_in_past(token: TokenInfo) -> bool:
    return token.pos == "VERB" and token.text.lower() in _PAST_AND_ING_FORMS


_PAST_AND_ING_FORMS = frozenset(
    form for verb in _REPORTING_VERBS for form in past_and_ing_forms(verb)
)
