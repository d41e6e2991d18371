"""Opposite words in one slot (``comparison/opposites.py``), on sentences written for these
tests: "voted for the bill" / "voted against the bill" differ; opposites said of different
things, by different people, or under different words do not. Before this rule several of
these pairs came back ``agree`` (the words that differ are function words the same-fact test
did not read)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from comparison import ClaimComparator
from comparison.opposites import opposite_reasons
from tests.comparison.conftest import both_ways, compare, typed_spans

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("a", "b", "words"),
    [
        (
            "The senator voted for the bill on Tuesday.",
            "The senator voted against the bill on Tuesday.",
            ("for", "against"),
        ),
        (
            "The suspect was released without bail.",
            "The suspect was released with bail.",
            ("without", "with"),
        ),
        (
            "Quarterly earnings came in above expectations.",
            "Quarterly earnings came in below expectations.",
            ("above", "below"),
        ),
        (
            "The team won the final on Sunday.",
            "The team lost the final on Sunday.",
            ("won", "lost"),
        ),
        (
            "The court upheld the ruling.",
            "The court overturned the ruling.",
            ("upheld", "overturned"),
        ),
        (
            "Police said the fire was started deliberately.",
            "Police said the fire was started accidentally.",
            ("deliberately", "accidentally"),
        ),
        (
            "The jury found him guilty of murder.",
            "The jury found him innocent of murder.",
            ("guilty", "innocent"),
        ),
        (
            "The city will open the bridge in May.",
            "The city will close the bridge in May.",
            ("open", "close"),
        ),
        (
            "The company confirmed the layoffs on Friday.",
            "The company denied the layoffs on Friday.",
            ("confirmed", "denied"),
        ),
        (
            "The storm moved north on Tuesday.",
            "The storm moved south on Tuesday.",
            ("north", "south"),
        ),
        (
            "The board held a public hearing on the plan.",
            "The board held a private hearing on the plan.",
            ("public", "private"),
        ),
        (
            "Gov. Jane Doe signed the bill on Friday.",
            "Gov. Jane Doe vetoed the bill on Friday.",
            ("signed", "vetoed"),
        ),
        (
            "The House passed the measure on Tuesday.",
            "The House rejected the measure on Tuesday.",
            ("passed", "rejected"),
        ),
        (
            "The judge granted bail to Smith.",
            "The judge denied bail to Smith.",
            ("granted", "denied"),
        ),
        (
            "Smith admitted taking the money.",
            "Smith denied taking the money.",
            ("admitted", "denied"),
        ),
        (
            "The union accepted the offer.",
            "The union rejected the offer.",
            ("accepted", "rejected"),
        ),
    ],
)
def test_opposites_in_one_slot_are_a_reason(
    nlp: Language, a: str, b: str, words: tuple[str, str]
) -> None:
    assert both_ways(nlp, opposite_reasons, a, b) == [[words], [words]]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # one race told from two sides, or two races
        ("Smith won the primary on Tuesday.", "Jones lost the primary on Tuesday."),
        ("The team won the final.", "The team lost the semifinal."),
        # for one thing, against another; or under another verb
        ("The senator voted for the bill.", "The senator voted against the amendment."),
        ("The senator voted for the bill.", "The senator campaigned against the bill."),
        # consistent in other words: for lower taxes is against higher ones
        ("The mayor argued for lower taxes.", "The mayor argued against higher taxes."),
        # a bound on a figure is the number rule's business
        ("Over 30 people were hurt in the crash.", "Under 30 people were hurt in the crash."),
        # a noun against a verb (two holders), and a pronoun, who may be anyone on either side
        (
            "Obama expressed his support for same-sex marriage on Wednesday.",
            "Romney opposes same-sex marriage.",
        ),
        ("He supports the pipeline.", "He opposes the pipeline."),
        # inside a name: the name rules compare names
        ("North Korea fired a missile on Monday.", "South Korea fired a missile on Monday."),
        # the same word on both sides
        ("The team won the final.", "The team won the final on Sunday."),
        # the act of another body, or on another thing
        ("Doe signed the bill.", "Smith vetoed the bill."),
        ("The House passed the bill.", "The Senate rejected the bill."),
        ("The governor signed the budget.", "The governor vetoed the bill."),
    ],
)
def test_no_reason_without_opposites_in_one_slot(nlp: Language, a: str, b: str) -> None:
    assert both_ways(nlp, opposite_reasons, a, b) == [[], []]


def test_the_comparator_flags_what_it_used_to_corroborate(comparator: ClaimComparator) -> None:
    result = compare(
        comparator,
        "The senator voted for the bill on Tuesday.",
        "The senator voted against the bill on Tuesday.",
    )

    assert result.verdict == "diverge"
    assert typed_spans(result) == [("negation", "for", "against")]
