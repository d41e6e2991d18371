"""Counts in words ("dozens", "a handful", "twice") against figures or other count words."""

from __future__ import annotations

import pytest
from spacy.language import Language

from comparison.numbers import number_reasons
from facts.extract import extract_facts

pytestmark = pytest.mark.slow


def number_clash(nlp: Language, a: str, b: str) -> bool:
    return bool(number_reasons(extract_facts(nlp(a)), extract_facts(nlp(b))))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "The inspector had twice been summoned by the committee over the audit.",
            "The inspector was summoned by the committee several times over the audit.",
        ),
        (
            "Riot police made dozens of arrests near the stadium.",
            "More than 200 fans were arrested near the stadium.",
        ),
        (
            "Only a handful of farmers blocked the motorway on Friday.",
            "Hundreds of farmers blocked the motorway on Friday.",
        ),
        (
            "A few shareholders voted against the merger.",
            "Scores of shareholders voted against the merger.",
        ),
        (
            "Thousands of nurses walked out in Lyon.",
            "More than 100,000 nurses walked out in Lyon.",
        ),
    ],
)
def test_count_words_that_cannot_both_hold_diverge(nlp: Language, a: str, b: str) -> None:
    assert number_clash(nlp, a, b)
    assert number_clash(nlp, b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "Riot police made dozens of arrests near the stadium.",
            "Police arrested more than 30 fans near the stadium.",
        ),
        (
            "Several shareholders voted against the merger.",
            "Four shareholders voted against the merger.",
        ),
        (
            "Hundreds of villagers left the valley before the dam burst.",
            "About 300 villagers left the valley before the dam burst.",
        ),
        (
            "A couple of shareholders voted against the merger.",
            "Two shareholders voted against the merger.",
        ),
        (
            "The inspector had twice been summoned by the committee over the audit.",
            "The inspector was summoned by the committee two times over the audit.",
        ),
        (
            "Thousands of nurses walked out in Lyon.",
            "Tens of thousands of nurses walked out in Lyon.",
        ),
    ],
)
def test_count_words_that_fit_the_figure_agree(nlp: Language, a: str, b: str) -> None:
    assert not number_clash(nlp, a, b)
    assert not number_clash(nlp, b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # different counted things: deaths and injuries
        ("Three people died in the pile-up.", "Dozens were injured in the pile-up."),
        # one noun, but given to different verbs and far apart: different groups
        (
            "A handful of farmers threw eggs at the ministry.",
            "Hundreds of farmers marched to the ministry.",
        ),
        # a ratio, not a count
        (
            "The new reactor is several times larger than the old one.",
            "The new reactor is two times larger than the old one.",
        ),
        # a loose span of time is not compared
        ("The talks lasted a few days.", "The talks lasted 11 days."),
        # one noun, different groups: those who objected and those who voted
        (
            "Several senators objected to the treaty.",
            "Two senators voted for the treaty on Tuesday.",
        ),
        # the arrests of one man, or of one person, are not the arrests of a crowd
        ("Police made dozens of arrests in the port.", "He had been arrested four times."),
        ("Police made dozens of arrests in the port.", "One sailor was arrested in the port."),
        # a side that does not say what it counts
        ("Dozens gathered at the gate.", "More than 200 pilgrims gathered at the gate."),
        # sums of money in words are too loose to compare
        ("The repairs cost millions of dollars.", "The repairs cost $900,000."),
        # a hedge changes what the word allows
        ("More than a few shareholders objected.", "Twelve shareholders objected."),
    ],
)
def test_count_words_of_other_slots_are_not_compared(nlp: Language, a: str, b: str) -> None:
    assert not number_clash(nlp, a, b)


def test_the_reason_names_the_range_the_word_allows(nlp: Language) -> None:
    a = extract_facts(nlp("Riot police made dozens of arrests near the stadium."))
    b = extract_facts(nlp("More than 200 fans were arrested near the stadium."))
    (reason,) = number_reasons(a, b)
    assert reason.this.text == "dozens of arrests"
    assert "24 to 150" in reason.explanation
