"""Words that only frame a quotation both claims render in the same words.

"He added: 'We must never allow ...'" against "'We must never allow ...,' Trump said", or "he
said with a gotcha smile" against "he then added": the neutral reporting verb and the words
that hang on it (how, when, to whom it was said) tell nothing about what was said. The speaker
(the verb's subject), a name, a verb that takes a stance ("denied", "admitted") and any word
inside the quotation still count.
"""

from __future__ import annotations

from comparison.findings import inside_quote
from comparison.verbatim import contains_run
from facts.model import ClaimFacts, TokenInfo
from facts.verb_forms import all_forms

NEUTRAL_REPORTING_VERBS = frozenset(
    form
    for verb in ("say", "tell", "add", "note", "write", "state", "tweet", "explain", "continue")
    for form in all_forms(verb)
)
_SPEAKER_DEPS = frozenset({"nsubj", "nsubjpass"})
_NAME_POS = frozenset({"PROPN"})


def frames_same_quotes(token: TokenInfo, short: ClaimFacts, long_: ClaimFacts) -> bool:
    """Whether ``token`` of ``short`` belongs to the reporting frame of quotations that
    ``long_`` renders word for word."""
    if (
        token.pos in _NAME_POS
        or inside_quote(short, token.start)
        or not quotes_rendered(short, long_)
    ):
        return False
    return _hangs_on_reporting_verb(token, short)


def quotes_rendered(short: ClaimFacts, long_: ClaimFacts) -> bool:
    """Every quotation of ``short`` occurs, word for word, inside one of ``long_``."""
    if not short.quotes or not long_.quotes:
        return False
    return all(
        quote.words and any(contains_run(other.words, quote.words) for other in long_.quotes)
        for quote in short.quotes
    )


def _hangs_on_reporting_verb(token: TokenInfo, facts: ClaimFacts) -> bool:
    """The token is a neutral reporting verb, or depends on one through words outside the
    quotation and not through the verb's subject."""
    current, seen = token, set()
    while id(current) not in seen:
        seen.add(id(current))
        if current.text.casefold() in NEUTRAL_REPORTING_VERBS:
            return True
        if current.dep in _SPEAKER_DEPS or not 0 <= current.head < len(facts.tokens):
            return False
        parent = facts.tokens[current.head]
        if parent is current or inside_quote(facts, parent.start):
            return False
        current = parent
    return False
