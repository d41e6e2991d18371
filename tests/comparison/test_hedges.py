"""A hedge against a flat statement of the same words (``comparison/hedges.py``), on
sentences written for these tests: "may have been drunk" / "was drunk" is a difference of
certainty; two hedges of one level, intentions and the future, a flat side framed as a report
or a description, a sourced flat side against hearsay, and a hedge on other words are not."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from comparison.comparator import find_reasons
from comparison.hedges import hedge_reasons
from comparison.overlap import facts_overlap
from facts import parse_claim

pytestmark = pytest.mark.slow

DAY = date(2025, 6, 12)


def modality_reasons_of(nlp: Language, a: str, b: str) -> list[str]:
    fa, fb = parse_claim(nlp, a, DAY), parse_claim(nlp, b, DAY)
    return [
        r.explanation for r in find_reasons(fa, fb, facts_overlap(fa, fb)) if r.type == "modality"
    ]


@pytest.mark.parametrize(
    ("hedged", "flat"),
    [
        ("The driver may have been drunk, police said.", "The driver was drunk, police said."),
        (
            "The warehouse fire was possibly started by a faulty heater.",
            "The warehouse fire was started by a faulty heater.",
        ),
        ("The ferry reportedly carried 300 passengers.", "The ferry carried 300 passengers."),
    ],
)
def test_a_hedge_against_a_flat_statement_is_a_modality_reason(
    nlp: Language, hedged: str, flat: str
) -> None:
    forward = modality_reasons_of(nlp, hedged, flat)
    backward = modality_reasons_of(nlp, flat, hedged)

    assert len(forward) == 1 and forward[0].endswith("other: stated as fact")
    assert len(backward) == 1 and backward[0].startswith("this: stated as fact")


def test_the_spans_mark_the_hedge_and_the_flat_words(nlp: Language) -> None:
    fa = parse_claim(nlp, "The ferry reportedly carried 300 passengers.", DAY)
    fb = parse_claim(nlp, "On Tuesday the ferry carried 300 passengers.", DAY)

    (found,) = hedge_reasons(fa, fb)

    assert "reportedly" in found.this.text
    assert found.other.text.startswith("ferry") and found.other.text.endswith("passengers")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # two hedges of one level
        ("The driver may have been drunk.", "The driver might have been drunk."),
        # an intention or the future against a past fact: two moments of one story
        ("Acme plans to close the plant.", "Acme closed the plant."),
        ("Acme will close the plant.", "Acme closed the plant."),
        # the flat side is itself framed as a report or a description
        (
            "There were reports that two hikers reportedly drowned in the lake.",
            "There were reports of two hikers drowning in the lake.",
        ),
        (
            "The suspect is likely in his 30s, police said.",
            "The suspect is described as a man in his 30s.",
        ),
        # hearsay against a statement with a source
        (
            "The senator reportedly met the lobbyist twice.",
            "The senator met the lobbyist twice, aides said.",
        ),
        # the hedge covers words the other claim does not state
        (
            "The storm could knock out power to 2 million homes.",
            "The storm knocked out power lines across the county.",
        ),
    ],
)
def test_no_hedge_reason_where_nothing_is_stated_flatly(nlp: Language, a: str, b: str) -> None:
    fa, fb = parse_claim(nlp, a, DAY), parse_claim(nlp, b, DAY)

    assert hedge_reasons(fa, fb) == [] and hedge_reasons(fb, fa) == []


def test_a_negated_flat_side_is_left_to_the_negation_rule(nlp: Language) -> None:
    fa = parse_claim(nlp, "The driver may have been drunk.", DAY)
    fb = parse_claim(nlp, "The driver was not drunk.", DAY)

    assert hedge_reasons(fa, fb) == []
