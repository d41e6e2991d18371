"""comparison.slots: a number or date reason that gives two values to one slot of two claims of
one news cycle, which the pair judge weighs against the threshold of quote reasons, on sentences
written for these tests. Near-misses: sums of money, dates of speaking, dates of different
verbs, and claims undated or published days apart."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from spacy.language import Language

from comparison.comparator import find_reasons
from comparison.overlap import facts_overlap
from comparison.pair_judge import Thresholds
from comparison.slots import SAME_SLOT, judged_types, one_news_cycle, same_slot
from facts import ClaimFacts, parse_claim

DAY = date(2024, 5, 14)


def parsed(nlp: Language, text: str, published: date | None = DAY) -> ClaimFacts:
    return parse_claim(nlp, text, published)


def slot_reasons(a: ClaimFacts, b: ClaimFacts) -> list[bool]:
    """For each number or date reason of the pair: does it fill one slot?"""
    reasons = find_reasons(a, b, facts_overlap(a, b))
    return [same_slot(r, a, b) for r in reasons if r.type in ("number", "date")]


def marked(a: ClaimFacts, b: ClaimFacts) -> bool:
    """Whether the reason types the judge is given carry ``SAME_SLOT``."""
    return SAME_SLOT in judged_types(find_reasons(a, b, facts_overlap(a, b)), a, b)


@pytest.mark.parametrize(
    ("a", "b", "one_slot"),
    [
        (
            "The county board approved 12 new bus routes for the coming year.",
            "The county board approved 15 new bus routes for the coming year.",
            True,
        ),
        (
            "The agency released a 40-page report on the oil spill.",
            "The agency released a 52-page report on the oil spill.",
            True,
        ),
        (
            "The riverside museum reopened on Tuesday after a long renovation.",
            "The riverside museum reopened on Wednesday after a long renovation.",
            True,
        ),
        # sums of money: two budgets of one kind can sit side by side
        (
            "The city will spend $4 million on road repairs this year.",
            "The city will spend $9 million on road repairs this year.",
            False,
        ),
        # a day of speaking, not of the reported fact
        (
            "The mayor said Tuesday that the bridge will stay closed.",
            "The mayor said Wednesday that the bridge will stay closed.",
            False,
        ),
    ],
)
def test_a_reason_counts_as_one_slot_only_for_one_counted_or_dated_fact(
    nlp: Language, a: str, b: str, one_slot: bool
) -> None:
    fa, fb = parsed(nlp, a), parsed(nlp, b)

    assert slot_reasons(fa, fb) == [one_slot]
    assert marked(fa, fb) is one_slot


def test_dates_of_two_different_verbs_are_not_one_slot(nlp: Language) -> None:
    fa = parsed(nlp, "The riverside museum closed on Tuesday for a long renovation.")
    fb = parsed(nlp, "The riverside museum reopened on Wednesday after a long renovation.")

    assert slot_reasons(fa, fb) == [False]


@pytest.mark.parametrize(
    ("first", "second"),
    [(DAY, DAY + timedelta(days=9)), (None, None), (DAY, None)],
)
def test_claims_undated_or_days_apart_may_report_two_events(
    nlp: Language, first: date | None, second: date | None
) -> None:
    fa = parsed(nlp, "The storm killed 4 people in the coastal towns.", first)
    fb = parsed(nlp, "The storm killed 7 people in the coastal towns.", second)

    assert not one_news_cycle(fa, fb)
    assert slot_reasons(fa, fb) == [False]
    assert not marked(fa, fb)


def test_the_same_storm_reported_two_days_apart_is_one_news_cycle(nlp: Language) -> None:
    fa = parsed(nlp, "The storm killed 4 people in the coastal towns.", DAY)
    fb = parsed(nlp, "The storm killed 7 people in the coastal towns.", DAY + timedelta(days=2))

    assert one_news_cycle(fa, fb)
    assert slot_reasons(fa, fb) == [True]


def test_the_mark_does_not_depend_on_the_order_of_the_claims(nlp: Language) -> None:
    fa = parsed(nlp, "The county board approved 12 new bus routes for the coming year.")
    fb = parsed(nlp, "The county board approved 15 new bus routes for the coming year.")

    forward = judged_types(find_reasons(fa, fb, facts_overlap(fa, fb)), fa, fb)
    backward = judged_types(find_reasons(fb, fa, facts_overlap(fb, fa)), fb, fa)

    assert forward == backward == ("number", SAME_SLOT)


def test_a_reason_that_fills_one_slot_takes_the_quote_threshold() -> None:
    thresholds = Thresholds(diverge=0.7, agree=0.8, diverge_quote=0.5)

    assert thresholds.diverge_for(("number", SAME_SLOT)) == 0.5
    assert thresholds.diverge_for(("date", SAME_SLOT)) == 0.5
    assert thresholds.diverge_for(("quote",)) == 0.5
    assert thresholds.diverge_for(("number",)) == 0.7
    assert thresholds.diverge_for(("date", "entity")) == 0.7
