"""Polarity: one claim negates a predicate the other asserts."""

from __future__ import annotations

from comparison.findings import quoted, reason, token_span
from comparison.model import Reason
from facts.model import ClaimFacts, NegationFact, TextSpan

_MIN_SHARED = 2
_LIGHT_HEADS = frozenset({"be", "have", "do", "say"})


def negation_reasons(a: ClaimFacts, b: ClaimFacts) -> list[Reason]:
    reasons = [r for fact in a.negations if (r := _check(fact, a, b, flip=False))]
    reasons += [r for fact in b.negations if (r := _check(fact, b, a, flip=True))]
    return reasons[:1]


def _check(fact: NegationFact, own: ClaimFacts, other: ClaimFacts, flip: bool) -> Reason | None:
    shared = fact.scope & other.content_lemmas
    if len(shared) < _MIN_SHARED:
        return None
    if len(shared) < 0.6 * len(fact.scope) and not _clause_inside(fact, other):
        return None
    if any(_negated_alike(fact, n) for n in other.negations):
        return None
    counterpart = _counterpart(fact, other, shared)
    if counterpart is None:
        return None
    explanation = f"negated {quoted(fact.span)} vs affirmed {quoted(counterpart)}"
    if flip:
        return reason("negation", counterpart, fact.span, explanation)
    return reason("negation", fact.span, counterpart, explanation)


def _negated_alike(fact: NegationFact, other: NegationFact) -> bool:
    """Whether the other text negates the same predicate: shared scope or head, or the same
    negative word on a clause sharing a word with it ("nothing improper took place" vs "nothing
    improper happened") or standing in for another clause ("it would never happen")."""
    if len(other.scope & fact.scope) >= _MIN_SHARED or other.head_lemma == fact.head_lemma:
        return True
    if other.cue.casefold() != fact.cue.casefold():
        return False
    return bool(other.scope & fact.scope) or min(len(other.scope), len(fact.scope)) <= 1


def _clause_inside(fact: NegationFact, other: ClaimFacts) -> bool:
    """Whether the other text asserts the negated predicate with words from its scope only:
    a shortened copy that dropped the negation ("have not committed a crime in ten years"
    vs "have committed a crime")."""
    if fact.head_lemma in _LIGHT_HEADS:
        return False
    heads = [i for i, t in enumerate(other.tokens) if t.is_content and t.lemma == fact.head_lemma]
    return any(_scope_of(other, i) <= fact.scope for i in heads)


def _scope_of(facts: ClaimFacts, index: int) -> frozenset[str]:
    """Content lemmas of the token at ``index`` and its dependents (two levels down)."""
    tokens = facts.tokens
    children = [i for i, t in enumerate(tokens) if t.head == index and i != index]
    grandchildren = [i for i, t in enumerate(tokens) if t.head in children and i not in children]
    found = {tokens[i].lemma for i in [index, *children, *grandchildren] if tokens[i].is_content}
    return frozenset(found)


def _counterpart(fact: NegationFact, other: ClaimFacts, shared: frozenset[str]) -> TextSpan | None:
    tokens = other.tokens
    if fact.head_lemma not in _LIGHT_HEADS:
        same_head = [t for t in tokens if t.lemma == fact.head_lemma and t.is_content]
        if same_head:
            return token_span(other, same_head[0])
    if len(shared) >= 3 and len(shared) >= 0.8 * len(fact.scope):
        heads = [t for t in tokens if t.dep == "ROOT"]
        return token_span(other, heads[0]) if heads else None
    return None
