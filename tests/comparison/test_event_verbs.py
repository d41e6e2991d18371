"""Dates of one kind of event named by different verbs (``comparison/data/event_verbs.tsv``),
on sentences written for these tests: "voted Wednesday" / "passed Tuesday" are compared, and
so are "killed Friday" / "died Thursday"; verbs of successive steps of a story ("shot" /
"died", "arrested" / "charged"), days of speaking and verbs of no listed kind are not."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from spacy.language import Language

from comparison.comparator import find_reasons
from comparison.event_verbs import event_kinds, same_event_verb
from comparison.overlap import facts_overlap
from comparison.slots import SAME_SLOT, judged_types
from facts import ClaimFacts, parse_claim

pytestmark = pytest.mark.slow

DAY = date(2025, 3, 7)


def parsed(nlp: Language, text: str, published: date | None = DAY) -> ClaimFacts:
    return parse_claim(nlp, text, published)


def reasons_of(nlp: Language, a: str, b: str, later: int = 0) -> tuple[set[str], tuple[str, ...]]:
    fa, fb = parsed(nlp, a), parsed(nlp, b, DAY + timedelta(days=later))
    found = find_reasons(fa, fb, facts_overlap(fa, fb))
    return {r.type for r in found}, judged_types(found, fa, fb)


def test_the_table_lists_each_verb_once_and_the_relation_is_symmetric() -> None:
    kinds = event_kinds()

    assert kinds["pass"] == kinds["vote"] and kinds["die"] == kinds["kill"]
    assert same_event_verb("pass", "approve") and same_event_verb("approve", "pass")
    assert same_event_verb("walk", "walk")
    assert not same_event_verb("walk", "run")
    assert not same_event_verb("die", "arrest")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "The county board voted Wednesday to approve the new zoning plan.",
            "The new zoning plan passed the county board on Tuesday.",
        ),
        (
            "The escaped inmate was killed by deputies on Friday.",
            "The escaped inmate died Thursday in a shootout with deputies.",
        ),
        (
            "The smuggling suspect was detained on Sunday near the port.",
            "Officers arrested the smuggling suspect on Saturday.",
        ),
    ],
)
def test_dates_of_one_kind_of_event_are_compared(nlp: Language, a: str, b: str) -> None:
    types, judged = reasons_of(nlp, a, b)
    swapped, _ = reasons_of(nlp, b, a)

    assert "date" in types and "date" in swapped
    assert SAME_SLOT in judged


def test_the_same_date_under_two_verbs_of_one_kind_is_no_reason(nlp: Language) -> None:
    types, _ = reasons_of(
        nlp,
        "The county board voted Wednesday to approve the new zoning plan.",
        "The new zoning plan passed the county board on Wednesday.",
    )

    assert "date" not in types


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # successive steps of one story: a victim may die days after the shooting
        (
            "The cashier was shot on Friday outside the store.",
            "The cashier died Sunday at a hospital.",
        ),
        # arrested one day, charged the next
        (
            "The smuggling suspect was arrested on Sunday.",
            "The smuggling suspect was charged on Monday.",
        ),
        # a day of speaking is not the day of the event
        (
            "The county board voted Wednesday to approve the new zoning plan.",
            "The chairman said Tuesday that the zoning plan would pass.",
        ),
    ],
)
def test_dates_of_different_steps_or_of_speaking_are_not_compared(
    nlp: Language, a: str, b: str
) -> None:
    types, _ = reasons_of(nlp, a, b)

    assert "date" not in types


def test_claims_days_apart_do_not_fill_one_slot(nlp: Language) -> None:
    types, judged = reasons_of(
        nlp,
        "The county board voted Wednesday to approve the new zoning plan.",
        "The new zoning plan passed the county board on Tuesday.",
        later=5,
    )

    assert "date" in types
    assert SAME_SLOT not in judged
