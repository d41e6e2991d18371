"""core_terms: the main predicate and its core arguments, read from a real parse, on sentences
written for these tests. Near-misses: background words (dates, places, a letter, a report) are
not core, and a reporting verb is looked through to what is reported."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from comparison.core_terms import core_statement, main_predicate
from comparison.pair_features import FEATURE_NAMES, pair_features
from facts import ClaimFacts, parse_claim

DAY = date(2024, 3, 1)


def facts(nlp: Language, text: str) -> ClaimFacts:
    return parse_claim(nlp, text, DAY)


def predicate_word(parsed: ClaimFacts) -> str:
    index = main_predicate(parsed.tokens)
    assert index is not None
    return parsed.tokens[index].text


def core_shares(nlp: Language, a: str, b: str) -> tuple[float, float, float]:
    vector = pair_features(facts(nlp, a), facts(nlp, b), 0.5, [])
    names = ("core_shared_min", "core_shared_max", "predicates_shared")
    found = tuple(float(vector[FEATURE_NAMES.index(name)]) for name in names)
    return found[0], found[1], found[2]


def test_plain_clause_gives_its_verb_subject_and_object(nlp: Language) -> None:
    parsed = facts(nlp, "The city council approved the new budget on Tuesday in Denver.")
    assert core_statement(parsed).lemmas == {"council", "approve", "budget"}
    assert core_statement(parsed).predicate == "approve"


@pytest.mark.parametrize(
    ("text", "predicate"),
    [
        ("The mayor said the council approved the budget.", "approved"),
        ("Officials told reporters that the bridge would reopen.", "reopen"),
        ("The bridge will reopen in May, the agency announced.", "reopen"),
    ],
)
def test_reporting_verbs_are_looked_through(nlp: Language, text: str, predicate: str) -> None:
    assert predicate_word(facts(nlp, text)) == predicate


def test_a_verb_that_reports_nothing_stays_the_predicate(nlp: Language) -> None:
    assert predicate_word(facts(nlp, "The mayor said nothing at the meeting.")) == "said"


def test_same_statement_reworded_shares_its_core(nlp: Language) -> None:
    low, high, predicates = core_shares(
        nlp,
        "The council approved the budget on Tuesday, officials said.",
        "On Tuesday the city council approved its budget for next year.",
    )
    assert (low, high, predicates) == (1.0, 1.0, 2.0)


def test_shared_background_with_another_statement_shares_little_core(nlp: Language) -> None:
    low, high, predicates = core_shares(
        nlp,
        "In a letter sent Tuesday to the lawyer, the chairman requested an interview.",
        "In his letter to the lawyer, the chairman said the committee wants no personal emails.",
    )
    assert predicates == 0.0
    assert low < 0.5
    assert high < 1.0
