"""A name standing in for a pronoun: "he claimed" cut down to "Hamilton claimed".

Without coreference the subject cannot be checked, so such a link is no rewrite.
"""

from __future__ import annotations

from facts.model import ClaimFacts

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


def names_a_pronoun_subject(short: ClaimFacts, long_: ClaimFacts, head: str, child: str) -> bool:
    """Whether ``child`` is the subject of ``head`` in ``short`` and ``long_`` gives ``head``
    a pronoun subject."""
    return _has_subject(short, head, child, pronoun=False) and _has_subject(
        long_, head, "", pronoun=True
    )


def _has_subject(facts: ClaimFacts, head: str, child: str, pronoun: bool) -> bool:
    tokens = facts.tokens
    for token in tokens:
        if token.dep not in SUBJECT_DEPS or not 0 <= token.head < len(tokens):
            continue
        if tokens[token.head].lemma != head:
            continue
        if pronoun and token.pos == "PRON":
            return True
        if not pronoun and token.lemma == child:
            return True
    return False
