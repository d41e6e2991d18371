"""A title held and the same title left behind (``comparison/former_titles.py``), on sentences
written for these tests: "Former Gov. Jane Doe" / "Gov. Jane Doe" differ; a title on one side
only, another person, the same former title and a "then-" title do not."""

from __future__ import annotations

import pytest
from spacy.language import Language

from comparison import ClaimComparator
from comparison.former_titles import former_title_reasons
from tests.comparison.conftest import both_ways, compare, typed_spans

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("a", "b", "spans"),
    [
        (
            "Former Gov. Jane Doe endorsed the measure on Monday.",
            "Gov. Jane Doe endorsed the measure on Monday.",
            ("Former Gov.", "Gov."),
        ),
        (
            "Jane Doe, the former governor, endorsed the measure.",
            "Gov. Jane Doe endorsed the measure.",
            ("the former governor", "Gov."),
        ),
        (
            "Former President Barack Obama endorsed the measure.",
            "President Barack Obama endorsed the measure.",
            ("Former President", "President"),
        ),
    ],
)
def test_a_title_held_against_the_same_title_left_is_a_reason(
    nlp: Language, a: str, b: str, spans: tuple[str, str]
) -> None:
    assert both_ways(nlp, former_title_reasons, a, b) == [[spans], [spans]]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # a title on one side only
        ("Former Gov. Jane Doe endorsed the measure.", "Jane Doe endorsed the measure."),
        # another title may be held now: a former governor may be a senator
        ("Former Gov. Jane Doe endorsed the measure.", "Sen. Jane Doe endorsed the measure."),
        # the same former title, with or without the first name
        ("Former Gov. Jane Doe endorsed the measure.", "Former Gov. Doe endorsed the measure."),
        # another person
        ("Former Gov. Jane Doe endorsed the measure.", "Gov. John Roe endorsed the measure."),
        # "then-" is the title held at the time told, whatever she is now
        ("Then-Gov. Jane Doe signed the measure.", "Gov. Jane Doe signed the measure."),
        ("Then-Gov. Jane Doe signed the measure.", "Former Gov. Jane Doe signed the measure."),
        # a title in a tenure ("under President ..."), and "former" however it was parsed
        (
            "The committee subpoenaed a former official who served under President Donald Trump.",
            "The committee subpoenaed a former official, an aide to former President Donald Trump.",
        ),
        (
            "The department must turn over former President Trump's tax returns on Friday.",
            "The department ordered the Treasury to turn over former President Trump's tax"
            " returns.",
        ),
        # "former" hung on another word of the title; a title told through a past act
        (
            "Derek Chauvin, the former police officer, was sentenced on Friday.",
            "Former Minneapolis police officer Derek Chauvin was sentenced on Friday.",
        ),
        (
            "The House voted to replace the bust of Roger Taney, the chief justice who wrote"
            " the decision.",
            "The House voted to remove the bust of former Chief Justice Roger Taney.",
        ),
        # a title held over stated years says when it was held
        (
            "Former Mexican President Vicente Fox criticized the invitation on Wednesday.",
            "Vicente Fox, Mexico's president from 2000 to 2006, criticized the invitation.",
        ),
    ],
)
def test_no_reason_without_one_title_held_and_left(nlp: Language, a: str, b: str) -> None:
    assert both_ways(nlp, former_title_reasons, a, b) == [[], []]


def test_the_comparator_reads_a_former_title(comparator: ClaimComparator) -> None:
    result = compare(
        comparator,
        "Jane Doe, the former governor, endorsed the measure.",
        "Gov. Jane Doe endorsed the measure.",
    )

    assert result.verdict == "diverge"
    assert typed_spans(result) == [("entity", "former governor", "Gov.")]
