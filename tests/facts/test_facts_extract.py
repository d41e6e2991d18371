from __future__ import annotations

import math
from datetime import date

import pytest
from spacy.language import Language

from facts import ClaimFacts, parse_claim

pytestmark = pytest.mark.slow


def facts(nlp: Language, text: str) -> ClaimFacts:
    return parse_claim(nlp, text, date(2022, 3, 15))


def test_quantity_bounds_and_counted_noun(nlp: Language) -> None:
    found = facts(nlp, "More than 4,000 workers walked out, and up to 600 flights were cancelled.")
    workers, flights = found.quantities
    assert (workers.bound, workers.unit, workers.value) == ("lower", "worker", 4000)
    assert math.isinf(workers.high)
    assert (flights.bound, flights.unit, flights.high) == ("upper", "flight", 600)
    assert workers.span.text == "More than 4,000 workers"


def test_quantity_ranges_money_percent_and_words(nlp: Language) -> None:
    found = facts(
        nlp,
        "Between 200 and 300 farmers lost $4.5 million, about 12% of their income, in two weeks.",
    )
    kinds = {(q.kind, q.bound) for q in found.quantities}
    assert ("count", "range") in kinds
    assert ("money", "exact") in kinds
    assert ("percent", "approx") in kinds
    assert ("duration", "exact") in kinds


def test_dates_are_not_counted_as_quantities(nlp: Language) -> None:
    found = facts(nlp, "On March 3, 2021, the plant shut down.")
    assert found.quantities == ()
    assert found.dates[0].start == date(2021, 3, 3)


def test_negation_is_scoped_to_its_verb(nlp: Language) -> None:
    found = facts(nlp, "The mayor did not sign the budget bill.")
    (negation,) = found.negations
    assert negation.head_lemma == "sign"
    assert {"budget", "bill"} <= negation.scope


@pytest.mark.parametrize(
    "text",
    [
        "World No. 8 beat Caroline Wozniacki in Tokyo on Tuesday.",
        "Residents were told to use no more than 40 litres a day.",
        "Residents were told not to use more than 40 litres a day.",
        "It wasn't until Friday that the mayor signed the bill.",
        "The mayor did not sign the bill until Friday.",
    ],
    ids=["rank", "no-more-than", "not-more-than", "not-until-cleft", "not-until"],
)
def test_ranks_and_bounds_are_no_negation(nlp: Language, text: str) -> None:
    assert facts(nlp, text).negations == ()


def test_not_more_than_bounds_the_figure_from_above(nlp: Language) -> None:
    (litres,) = facts(nlp, "Residents were told not to use more than 40 litres a day.").quantities
    assert (litres.bound, litres.high) == ("upper", 40)


def test_not_less_than_bounds_the_figure_from_below(nlp: Language) -> None:
    (workers,) = facts(nlp, "The firm will hire not less than 40 workers this year.").quantities
    assert (workers.bound, workers.low > 40) == ("lower", True)


@pytest.mark.parametrize(
    ("text", "negated"),
    [
        ("No player beat Caroline Wozniacki in Tokyo on Tuesday.", "beat"),
        ("The parties were unable to agree on a budget.", "agree"),
        ("The mayor did not sign the bill on Friday.", "sign"),
        ("The mayor did not say more than that on Friday.", "say"),
    ],
)
def test_no_and_unable_still_negate(nlp: Language, text: str, negated: str) -> None:
    (negation,) = facts(nlp, text).negations
    assert negation.head_lemma == negated


def test_modality_levels_are_ordered(nlp: Language) -> None:
    firm = facts(nlp, "The company will close the factory.").modalities
    hedged = facts(nlp, "The company could close the factory.").modalities
    planned = facts(nlp, "The company plans to close the factory.").modalities
    assert firm[0].level > planned[0].level > hedged[0].level


def test_quantifiers(nlp: Language) -> None:
    found = facts(nlp, "All council members and several mayors backed the plan.")
    assert {(q.word, q.kind, q.noun) for q in found.quantifiers} == {
        ("all", "universal", "member"),
        ("several", "partial", "mayor"),
    }


def test_words_that_only_look_like_quantifiers(nlp: Language) -> None:
    found = facts(nlp, "The all-rounder thanked the captain after all three games.")
    assert [(q.word, q.noun) for q in found.quantifiers] == [("all", "game")]
    assert facts(nlp, "The ministers met each other days before the vote.").quantifiers == ()
    correlative = facts(nlp, "The governor opposed both marriage and civil unions for years.")
    assert correlative.quantifiers == ()
    pair = facts(nlp, "Both senators voted against the bill.")
    assert [(q.word, q.kind, q.noun) for q in pair.quantifiers] == [
        ("both", "universal", "senator")
    ]


def test_attribution_forms(nlp: Language) -> None:
    said = facts(nlp, "Finance Minister Greta Holm said the deficit will shrink.").attributions
    according = facts(nlp, "The deficit will shrink, according to the treasury.").attributions
    assert said[0].is_person and said[0].key.endswith("holm")
    assert according[0].key == "treasury"


def test_quotes_with_speaker_in_curly_and_straight_marks(nlp: Language) -> None:
    curly = facts(nlp, "“We are not giving up,” said Coach Dana Lutz.").quotes
    straight = facts(nlp, 'Lutz said: "We are not giving up."').quotes
    assert curly[0].words == straight[0].words == ("we", "are", "not", "giving", "up")
    assert curly[0].speaker_key.endswith("lutz")


def test_entities_fold_variants(nlp: Language) -> None:
    keys = {e.key for e in facts(nlp, "Talks between the U.S. and Britain resumed.").entities}
    assert {"us", "uk"} <= keys


@pytest.mark.parametrize("text", ["", "   ", "“", "$$$ 1,2,3 --", "Tuesday Tuesday", "¿¡" * 50])
def test_extraction_never_raises(nlp: Language, text: str) -> None:
    assert parse_claim(nlp, text, None).text == text
