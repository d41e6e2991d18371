"""Two factors for one change: "ticket prices doubled" / "ticket prices tripled", "the company
halved its workforce" / "the company doubled its workforce". The verbs must tell the change
of the same thing (the same subject, or the same object); "a double murder" is no factor."""

from __future__ import annotations

import re

from comparison.cues import mentions
from comparison.findings import quoted, reason, token_span
from comparison.model import Reason
from comparison.parse_tree import children
from facts.model import ClaimFacts, TextSpan

FACTOR_VERBS = {"halve": 0.5, "double": 2.0, "triple": 3.0, "quadruple": 4.0}
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_ANY_FACTOR = re.compile(r"\b(?:halv|doubl|tripl|quadrupl)\w*", re.IGNORECASE)

Change = tuple[str, float, TextSpan]  # what changed (lemma), factor, the verb's span


def multiplier_reasons(a: ClaimFacts, b: ClaimFacts) -> list[Reason]:
    if not (mentions(_ANY_FACTOR, a.text) and mentions(_ANY_FACTOR, b.text)):
        return []
    changes_b = changes(b)
    for thing_a, factor_a, span_a in changes(a):
        for thing_b, factor_b, span_b in changes_b:
            if thing_a == thing_b and factor_a != factor_b:
                explanation = f"this: {quoted(span_a)}; other: {quoted(span_b)} (another factor)"
                return [reason("number", span_a, span_b, explanation)]
    return []


def changes(facts: ClaimFacts) -> list[Change]:
    """Each factor verb with the thing it changes: its object ("the city doubled the fine"),
    or its subject when it has none ("ticket prices doubled")."""
    found = []
    for index, token in enumerate(facts.tokens):
        factor = FACTOR_VERBS.get(token.lemma.lower()) if token.pos == "VERB" else None
        if factor is None:
            continue
        core = [c for c in children(facts, index) if facts.tokens[c].is_content]
        objects = [c for c in core if facts.tokens[c].dep == "dobj"]
        subjects = [c for c in core if facts.tokens[c].dep in _SUBJECTS]
        for thing in objects or subjects:
            found.append((facts.tokens[thing].lemma, factor, token_span(facts, token)))
    return found
