"""An order against advice: "ordered residents to evacuate" / "urged residents to evacuate".

Whether an evacuation, a recall or a closure is mandatory or only advised is a fact an
editor must get right, and the two are told by the directive verb alone. The same speaker
(the verbs' subjects, or none in the passive) must give both, about the same action: the
content words under the two verbs share at least ``MIN_SHARED``.
"""

from __future__ import annotations

from collections.abc import Iterator

from comparison.findings import reason, token_span
from comparison.model import Reason
from comparison.parse_tree import governs
from facts.model import ClaimFacts

ORDER, ADVICE = "an order", "advice"
DIRECTIVE_FORCE = {
    "order": ORDER,
    "require": ORDER,
    "mandate": ORDER,
    "compel": ORDER,
    "instruct": ORDER,
    "urge": ADVICE,
    "recommend": ADVICE,
    "advise": ADVICE,
    "encourage": ADVICE,
}
MIN_SHARED = 2
_SUBJECTS = frozenset({"nsubj"})


def directive_reasons(a: ClaimFacts, b: ClaimFacts) -> list[Reason]:
    for index_a, force_a in _directives(a):
        for index_b, force_b in _directives(b):
            if force_a == force_b or _subject(a, index_a) != _subject(b, index_b):
                continue
            if len(_complement(a, index_a) & _complement(b, index_b)) < MIN_SHARED:
                continue
            this, other = token_span(a, a.tokens[index_a]), token_span(b, b.tokens[index_b])
            explanation = f"this: '{this.text}' ({force_a}); other: '{other.text}' ({force_b})"
            return [reason("modality", this, other, explanation)]
    return []


def _directives(facts: ClaimFacts) -> Iterator[tuple[int, str]]:
    for index, token in enumerate(facts.tokens):
        force = DIRECTIVE_FORCE.get(token.lemma)
        if force is not None and token.pos == "VERB":
            yield index, force


def _subject(facts: ClaimFacts, verb: int) -> str:
    """The lemma of the verb's subject; "" when it has none (a passive without its agent)."""
    for token in facts.tokens:
        if token.head == verb and token.dep in _SUBJECTS:
            return token.lemma.casefold()
    return ""


def _complement(facts: ClaimFacts, verb: int) -> set[str]:
    """Content lemmas under the verb, its subject's words left out."""
    subjects = [i for i, t in enumerate(facts.tokens) if t.head == verb and t.dep in _SUBJECTS]
    return {
        token.lemma
        for index, token in enumerate(facts.tokens)
        if index != verb
        and token.is_content
        and _under(facts, index, verb)
        and not any(_under(facts, index, subject) for subject in subjects)
    }


def _under(facts: ClaimFacts, index: int, head: int) -> bool:
    return governs(facts, head, index, steps=len(facts.tokens))
