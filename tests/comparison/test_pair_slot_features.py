"""The pair judge's same-slot feature (``reason_same_slot``), on sentences written for these
tests: 1 when a number or date reason gives two values to one slot (one counted noun, one dated
content verb) of two claims of one news cycle, whatever the similarity of the rest; 0 for the
near-misses: sums of money, claims published days apart or undated, dates of two different
verbs, days of speaking, and reasons of other types."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pytest
from spacy.language import Language

from comparison.comparator import find_reasons
from comparison.overlap import facts_overlap
from comparison.pair_features import FEATURE_NAMES, pair_features
from comparison.slots import SAME_SLOT, judged_types
from facts import ClaimFacts, parse_claim

DAY = date(2025, 3, 4)
SIMILARITY = 0.3  # low on purpose: the slot, not the sentence, is what matches


def parsed(nlp: Language, text: str, published: date | None = DAY) -> ClaimFacts:
    return parse_claim(nlp, text, published)


def slot_feature(a: ClaimFacts, b: ClaimFacts) -> float:
    reasons = find_reasons(a, b, facts_overlap(a, b))
    vector = pair_features(a, b, SIMILARITY, reasons)
    return float(vector[FEATURE_NAMES.index("reason_same_slot")])


def reason_types(a: ClaimFacts, b: ClaimFacts) -> set[str]:
    return {r.type for r in find_reasons(a, b, facts_overlap(a, b))}


@pytest.mark.parametrize(
    ("a", "b", "kind"),
    [
        (
            "The school district hired 45 new teachers over the summer.",
            "The school district hired 52 new teachers over the summer.",
            "number",
        ),
        (
            "Inspectors found 8 cracked beams under the old viaduct.",
            "Inspectors found 11 cracked beams under the old viaduct.",
            "number",
        ),
        (
            "The harbour ferry resumed service on Monday after the strike.",
            "The harbour ferry resumed service on Thursday after the strike.",
            "date",
        ),
    ],
)
def test_a_reason_that_fills_one_slot_sets_the_feature(
    nlp: Language, a: str, b: str, kind: str
) -> None:
    fa, fb = parsed(nlp, a), parsed(nlp, b)

    assert kind in reason_types(fa, fb)
    assert slot_feature(fa, fb) == 1.0
    assert slot_feature(fb, fa) == 1.0


def test_the_feature_holds_for_claims_framed_differently(nlp: Language) -> None:
    fa = parsed(nlp, "Rescuers said the landslide buried 14 houses near the quarry overnight.")
    fb = parsed(
        nlp,
        "The landslide buried 9 houses, and the regional governor has asked for army help.",
        DAY + timedelta(days=1),
    )

    assert "number" in reason_types(fa, fb)
    assert slot_feature(fa, fb) == 1.0


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # two sums of money: two budgets of one kind can sit side by side
        (
            "The council set aside $3 million for flood defences.",
            "The council set aside $7 million for flood defences.",
        ),
        # a day of speaking, not a date of the reported fact
        (
            "The governor said Tuesday that the pipeline will be inspected.",
            "The governor said Wednesday that the pipeline will be inspected.",
        ),
    ],
)
def test_money_and_days_of_speaking_do_not_set_the_feature(nlp: Language, a: str, b: str) -> None:
    fa, fb = parsed(nlp, a), parsed(nlp, b)

    assert reason_types(fa, fb) & {"number", "date"}
    assert slot_feature(fa, fb) == 0.0


def test_dates_of_two_different_verbs_do_not_set_the_feature(nlp: Language) -> None:
    fa = parsed(nlp, "The harbour ferry stopped service on Monday because of the strike.")
    fb = parsed(nlp, "The harbour ferry resumed service on Thursday after the strike.")

    assert "date" in reason_types(fa, fb)
    assert slot_feature(fa, fb) == 0.0


@pytest.mark.parametrize(
    ("first", "second"),
    [(DAY, DAY + timedelta(days=4)), (DAY + timedelta(days=10), DAY), (None, None), (None, DAY)],
)
def test_claims_days_apart_or_undated_do_not_set_the_feature(
    nlp: Language, first: date | None, second: date | None
) -> None:
    fa = parsed(nlp, "The school district hired 45 new teachers over the summer.", first)
    fb = parsed(nlp, "The school district hired 52 new teachers over the summer.", second)

    assert "number" in reason_types(fa, fb)
    assert slot_feature(fa, fb) == 0.0


def test_claims_that_agree_or_differ_in_another_way_do_not_set_the_feature(
    nlp: Language,
) -> None:
    same = parsed(nlp, "The school district hired 45 new teachers over the summer.")
    negated = parsed(nlp, "The school district did not hire new teachers over the summer.")

    assert slot_feature(same, same) == 0.0
    assert slot_feature(same, negated) == 0.0


@pytest.mark.parametrize(
    ("a", "b", "later"),
    [
        (
            "Inspectors found 8 cracked beams under the old viaduct.",
            "Inspectors found 11 cracked beams under the old viaduct.",
            0,
        ),
        (
            "The council set aside $3 million for flood defences.",
            "The council set aside $7 million for flood defences.",
            0,
        ),
        (
            "The school district hired 45 new teachers over the summer.",
            "The school district hired 52 new teachers over the summer.",
            5,
        ),
    ],
)
def test_the_feature_is_the_mark_that_picks_the_quote_threshold(
    nlp: Language, a: str, b: str, later: int
) -> None:
    fa, fb = parsed(nlp, a), parsed(nlp, b, DAY + timedelta(days=later))
    reasons = find_reasons(fa, fb, facts_overlap(fa, fb))

    assert slot_feature(fa, fb) == float(SAME_SLOT in judged_types(reasons, fa, fb))


def test_swapping_the_claims_keeps_the_vector(nlp: Language) -> None:
    fa = parsed(nlp, "Rescuers said the landslide buried 14 houses near the quarry overnight.")
    fb = parsed(nlp, "The landslide buried 9 houses near the quarry.", DAY + timedelta(days=1))

    forward = pair_features(fa, fb, SIMILARITY, find_reasons(fa, fb, facts_overlap(fa, fb)))
    backward = pair_features(fb, fa, SIMILARITY, find_reasons(fb, fa, facts_overlap(fb, fa)))

    assert np.array_equal(forward, backward)
