"""Subjects a parse links indirectly: a name standing in for a pronoun ("he claimed" cut
down to "Hamilton claimed": without coreference the subject cannot be checked, so such a
link is no rewrite), and the subject of a control verb ("the parties were unable to agree":
the parties are who did not agree).
"""

from __future__ import annotations

from facts.model import ClaimFacts

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
CONTROL_DEPS = frozenset({"xcomp", "acomp"})
CONTROL_REACH = 3


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


def subject_through_control(short: ClaimFacts, long_: ClaimFacts, head: str, child: str) -> bool:
    """Whether ``child``, the subject of ``head`` in ``short``, is in ``long_`` the subject of
    a verb that ``head`` complements ("the parties did not agree" against "the parties were
    unable to agree")."""
    return _has_subject(short, head, child, pronoun=False) and _controls(long_, head, child)


def _controls(facts: ClaimFacts, head: str, child: str) -> bool:
    tokens = facts.tokens
    subjects_of = {
        token.head for token in tokens if token.dep in SUBJECT_DEPS and token.lemma == child
    }
    for token in tokens:
        if token.lemma != head:
            continue
        current = token
        for _ in range(CONTROL_REACH):
            if current.dep not in CONTROL_DEPS or not 0 <= current.head < len(tokens):
                break
            if current.head in subjects_of:
                return True
            current = tokens[current.head]
    return False
