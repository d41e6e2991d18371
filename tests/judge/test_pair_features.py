"""pair_features: fixed length and order, symmetric in the two claims, and each group counts
what its name says (hand-built facts, no model)."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest

from comparison.model import Reason, Span
from comparison.pair_features import FEATURE_NAMES, pair_features
from facts.model import (
    AttributionFact,
    ClaimFacts,
    DateFact,
    EntityFact,
    ModalityFact,
    NegationFact,
    QuantifierFact,
    QuantityFact,
    QuoteFact,
    TextSpan,
)

SPAN = TextSpan("x", 0, 1)


def quantity(value: float, bound: str = "exact") -> QuantityFact:
    low, high = (value, float("inf")) if bound == "lower" else (value, value)
    return QuantityFact(value, low, high, bound, "count", "troop", SPAN, SPAN)  # type: ignore[arg-type]


def entity(text: str, label: str = "PERSON") -> EntityFact:
    return EntityFact(text, text.lower(), label, SPAN)


def claim(**fields: object) -> ClaimFacts:
    base: dict[str, object] = {"text": "t", "published_at": None, "content_lemmas": frozenset()}
    base.update(fields)
    return ClaimFacts(**base)  # type: ignore[arg-type]


def value(vector: np.ndarray, name: str) -> float:
    return float(vector[FEATURE_NAMES.index(name)])


RICH_A = claim(
    text="Blinken said more than 30,000 troops will not leave on Monday, “a grave threat”.",
    published_at=date(2022, 2, 1),
    content_lemmas=frozenset({"blinken", "troop", "leave", "threat", "grave"}),
    quantities=(quantity(30000, "lower"), quantity(12)),
    dates=(DateFact("w:monday", None, None, "day", True, False, SPAN),),
    entities=(entity("Blinken"), entity("Russia", "GPE")),
    negations=(NegationFact("not", "leave", frozenset({"leave"}), SPAN),),
    modalities=(ModalityFact("will", 5, frozenset({"leave"}), SPAN),),
    quantifiers=(QuantifierFact("all", "universal", "troop", SPAN),),
    attributions=(AttributionFact("Blinken", "blinken", True, False, "say", SPAN),),
    quotes=(QuoteFact("a grave threat", ("a", "grave", "threat"), "blinken", SPAN),),
    arcs=frozenset({("leave", "troop"), ("threat", "grave")}),
)
RICH_B = claim(
    text="Lavrov said 30,000 troops could leave, “a real threat”, in February.",
    published_at=date(2022, 2, 2),
    content_lemmas=frozenset({"lavrov", "troop", "leave", "threat", "real"}),
    quantities=(quantity(30000),),
    dates=(DateFact("m:2022-02", None, None, "month", False, False, SPAN),),
    entities=(entity("Lavrov"),),
    modalities=(ModalityFact("could", 2, frozenset({"leave"}), SPAN),),
    quantifiers=(QuantifierFact("some", "partial", "troop", SPAN),),
    attributions=(AttributionFact("Lavrov", "lavrov", True, False, "say", SPAN),),
    quotes=(QuoteFact("a real threat", ("a", "real", "threat"), "lavrov", SPAN),),
    arcs=frozenset({("leave", "troop")}),
)


def reason(kind: str) -> Reason:
    return Reason(kind, Span("x", 0, 1), Span("y", 0, 1), "test")  # type: ignore[arg-type]


def test_vector_has_one_float32_per_feature_name() -> None:
    vector = pair_features(RICH_A, RICH_B, 0.7, [reason("number")])

    assert vector.dtype == np.float32
    assert vector.shape == (len(FEATURE_NAMES),)
    assert len(set(FEATURE_NAMES)) == len(FEATURE_NAMES)


@pytest.mark.parametrize(
    ("a", "b"),
    [(RICH_A, RICH_B), (RICH_A, claim()), (claim(quotes=RICH_A.quotes), RICH_B)],
)
def test_swapping_the_claims_gives_the_identical_vector(a: ClaimFacts, b: ClaimFacts) -> None:
    reasons = [reason("quote"), reason("number")]

    assert np.array_equal(pair_features(a, b, 0.61, reasons), pair_features(b, a, 0.61, reasons))


def test_each_reason_type_sets_its_own_indicator() -> None:
    vector = pair_features(RICH_A, RICH_B, 0.5, [reason("quote"), reason("negation")])

    fired = {name for name in FEATURE_NAMES if name.startswith("reason_") and value(vector, name)}
    assert fired == {"reason_quote", "reason_negation", "reason_count"}
    assert value(vector, "reason_count") == 2
    assert value(vector, "similarity_if_reason") == pytest.approx(0.5)


def test_no_reasons_leave_the_reason_features_at_zero() -> None:
    vector = pair_features(RICH_A, RICH_B, 0.5, [])

    assert value(vector, "any_reason") == 0
    assert value(vector, "similarity_if_reason") == 0
    assert value(vector, "similarity") == pytest.approx(0.5)


def test_numbers_count_shared_values_and_values_the_other_side_cannot_match() -> None:
    vector = pair_features(RICH_A, RICH_B, 0.5, [])

    assert value(vector, "numbers_shared") == 1  # 30,000 on both sides
    assert value(vector, "numbers_only_max") == 1  # 12 only in A
    assert value(vector, "numbers_unfit_max") == 1  # nothing in B can be 12
    assert value(vector, "numbers_unfit_min") == 0  # B's 30,000 fits "more than 30,000"


def test_entities_of_one_type_named_differently_are_rivals() -> None:
    vector = pair_features(RICH_A, RICH_B, 0.5, [])

    assert value(vector, "entities_shared") == 0
    assert value(vector, "entities_rival_min") == 1  # Blinken vs Lavrov, both PERSON
    assert value(vector, "entities_rival_max") == 1
    assert value(vector, "entities_only_max") == 2  # Russia too


def test_quote_words_negation_and_certainty() -> None:
    vector = pair_features(RICH_A, RICH_B, 0.5, [])

    assert value(vector, "quote_word_jaccard") == pytest.approx(2 / 4)
    assert value(vector, "negated_only_here_max") == 1  # A negates "leave", B states it
    assert value(vector, "negation_parity_differs") == 1
    assert value(vector, "certainty_gap") == 3  # will (5) vs could (2)
    assert value(vector, "quantifier_clashes") == 1  # all vs some troops
    assert value(vector, "arcs_shared") == 1


def test_articles_a_week_apart_with_no_date_linking_them_are_different_events() -> None:
    a = claim(published_at=date(2022, 1, 21))
    b = claim(published_at=date(2022, 2, 1))

    assert value(pair_features(a, b, 0.5, []), "different_events") == 1
    assert value(pair_features(a, a, 0.5, []), "different_events") == 0
