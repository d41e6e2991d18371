"""One named person, two family ties: "Smith's wife, Mary," / "Smith's daughter, Mary,", "Ann
Lee, his niece," / "Ann Lee, his sister,". A tie on one side only, a general word against a
particular one ("child" / "daughter"), "wife" / "widow" and ties to two different people
("Smith's wife" / "Jones's daughter") say nothing."""

from __future__ import annotations

import re

from comparison.cues import mentions
from comparison.findings import quoted, reason, token_span
from comparison.lookalike import root_index
from comparison.model import Reason
from facts.model import ClaimFacts, TextSpan
from facts.names import same_entity

# Each tie and its family of ties; the general word of a family fits every tie in it.
_FAMILIES = {
    "spouse": ("wife", "husband", "spouse", "widow", "widower"),
    "partner": ("girlfriend", "boyfriend", "partner", "fiancee", "fiance"),
    "child": ("son", "daughter", "child", "stepson", "stepdaughter"),
    "parent": ("mother", "father", "parent", "stepmother", "stepfather"),
    "sibling": ("brother", "sister", "sibling"),
    "grandchild": ("grandson", "granddaughter", "grandchild"),
    "grandparent": ("grandmother", "grandfather", "grandparent"),
    "niece or nephew": ("niece", "nephew"),
    "aunt or uncle": ("aunt", "uncle"),
    "cousin": ("cousin",),
}
FAMILY_OF = {tie: family for family, ties in _FAMILIES.items() for tie in ties}
_ALSO_FITTING = frozenset({frozenset({"wife", "widow"}), frozenset({"husband", "widower"})})
_ANY_TIE = re.compile(rf"\b(?:{'|'.join(FAMILY_OF)})s?\b", re.IGNORECASE)
_PRONOUNS = frozenset({"his", "her", "their", "its", "my", "our", "your"})

Tie = tuple[str, str, str, TextSpan]  # person key, tie lemma, whose ("" when unknown), span


def kinship_reasons(a: ClaimFacts, b: ClaimFacts) -> list[Reason]:
    if not (mentions(_ANY_TIE, a.text) and mentions(_ANY_TIE, b.text)):
        return []
    ties_b = family_ties(b)
    for person_a, tie_a, whose_a, span_a in family_ties(a):
        for person_b, tie_b, whose_b, span_b in ties_b:
            if (
                same_entity(person_a, person_b)
                and _same_relative(whose_a, whose_b)
                and not _fitting(tie_a, tie_b)
            ):
                explanation = f"this: {quoted(span_a)}; other: {quoted(span_b)} (another tie)"
                return [reason("entity", span_a, span_b, explanation)]
    return []


def family_ties(facts: ClaimFacts) -> list[Tie]:
    """Each named person set beside a family word: "Smith's wife, Mary", "Ann Lee, his niece"."""
    found = []
    for person in facts.entities:
        root = root_index(person, facts) if person.label == "PERSON" else None
        if root is None:
            continue
        for tie in _tie_words(facts, root):
            token = facts.tokens[tie]
            found.append(
                (person.key, token.lemma.lower(), _whose(facts, tie), token_span(facts, token))
            )
    return found


def _tie_words(facts: ClaimFacts, root: int) -> list[int]:
    """The family words in apposition to the name, on either side of it."""
    beside = [i for i, t in enumerate(facts.tokens) if t.head == root and t.dep == "appos"]
    if facts.tokens[root].dep == "appos":
        beside.append(facts.tokens[root].head)
    return [i for i in beside if facts.tokens[i].lemma.lower() in FAMILY_OF]


def _whose(facts: ClaimFacts, tie: int) -> str:
    """The relative named as the tie's owner ("Smith's"), or "" for a pronoun or nobody."""
    for token in facts.tokens:
        if token.head == tie and token.dep == "poss" and token.text.lower() not in _PRONOUNS:
            return token.lemma.lower()
    return ""


def _same_relative(whose_a: str, whose_b: str) -> bool:
    return not (whose_a and whose_b) or same_entity(whose_a, whose_b)


def _fitting(tie_a: str, tie_b: str) -> bool:
    if tie_a == tie_b or frozenset({tie_a, tie_b}) in _ALSO_FITTING:
        return True
    family = FAMILY_OF[tie_a]
    return family == FAMILY_OF[tie_b] and family in (tie_a, tie_b)
