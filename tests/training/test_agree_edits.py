"""Meaning-keeping edits on hand-written sentences: same facts, other order or form."""

from __future__ import annotations

import random

import pytest

from training.agree_edits import (
    AGREE_EDITS,
    drop_detail,
    move_attribution,
    move_leading_phrase,
    name_variant,
    reformat_number,
    spelling_variant,
)
from training.source import Mention, Source


def rng() -> random.Random:
    return random.Random(5)


def test_move_attribution_puts_a_trailing_speaker_first() -> None:
    text = "The company will cut 300 jobs next year, officials said."

    assert move_attribution(Source(text), rng()) == (
        "Officials said the company will cut 300 jobs next year."
    )


def test_move_attribution_puts_a_leading_speaker_last_and_keeps_a_name_capitalised() -> None:
    text = "Smith said that the company will cut 300 jobs next year."
    source = Source(text, (Mention("Smith", "PERSON", 0, 5),))

    assert move_attribution(source, rng()) == "The company will cut 300 jobs next year, Smith said."


def test_move_attribution_turns_a_quote_first_sentence_around() -> None:
    text = "“We are very happy with the result today,” he said."

    assert move_attribution(Source(text), rng()) == (
        "He said: “We are very happy with the result today.”"
    )


def test_move_leading_phrase_moves_the_time_to_the_end() -> None:
    text = "On Monday, the central bank raised its main rate."

    assert move_leading_phrase(Source(text), rng()) == (
        "The central bank raised its main rate on Monday."
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The bank raised its main interest rate by half a point, which surprised analysts.",
            "The bank raised its main interest rate by half a point.",
        ),
        (
            "The ministry (which runs the program) approved the plan.",
            "The ministry approved the plan.",
        ),
        ("The ministry approved the plan on Tuesday.", "The ministry approved the plan."),
    ],
)
def test_drop_detail_leaves_out_one_non_core_detail(text: str, expected: str) -> None:
    assert drop_detail(Source(text), rng()) == expected


def test_reformat_number_rounds_millions_with_a_fitting_hedge() -> None:
    text = "The census counted 2,463,000 residents."

    assert reformat_number(Source(text), rng()) == "The census counted about 2.5 million residents."


def test_reformat_number_rounds_thousands_down_with_more_than() -> None:
    text = "Officials counted 12,345 ballots."

    assert reformat_number(Source(text), rng()) == "Officials counted more than 12,000 ballots."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Profit rose 12 pct.", "Profit rose 12 percent."),
        (
            "Sales rose 3.5 mln dlrs.",
            {"Sales rose 3.5 million dlrs.", "Sales rose 3.5 mln dollars."},
        ),
        ("Prices rose 4% in May.", "Prices rose 4 percent in May."),
        (
            "Five people were hurt and three people died.",
            "Five people were hurt and 3 people died.",
        ),
    ],
)
def test_reformat_number_changes_only_the_form(text: str, expected: str | set[str]) -> None:
    edited = reformat_number(Source(text), rng())

    assert edited in expected if isinstance(expected, set) else edited == expected


def test_spelling_variant_swaps_a_known_spelling_or_strips_accents() -> None:
    assert spelling_variant(Source("The defense budget grew."), rng()) == "The defence budget grew."
    text = "Orbán met the press."
    source = Source(text, (Mention("Orbán", "PERSON", 0, 5),))
    assert spelling_variant(source, rng()) == "Orban met the press."


def test_name_variant_drops_a_first_name_or_adds_the_article_s_full_name() -> None:
    full = "Michael Steele resigned."
    short = "Steele resigned."

    assert name_variant(Source(full, (Mention("Michael Steele", "PERSON", 0, 14),)), rng()) == (
        short
    )
    source = Source(short, (Mention("Steele", "PERSON", 0, 6),), {"PERSON": ("Michael Steele",)})
    assert name_variant(source, rng()) == full


def test_name_variant_keeps_the_name_after_a_title() -> None:
    text = "President Barack Obama spoke."
    source = Source(text, (Mention("Barack Obama", "PERSON", 10, 22),))

    assert name_variant(source, rng()) is None


def test_drop_detail_keeps_a_relative_clause_that_the_main_verb_follows() -> None:
    text = (
        "The Dudley Taft investment group of Cincinnati, which includes a Providence firm, "
        "is seeking to take the company private."
    )

    assert drop_detail(Source(text), rng()) is None


@pytest.mark.parametrize("name", sorted(AGREE_EDITS))
def test_every_edit_declines_a_sentence_without_what_it_needs(name: str) -> None:
    plain = Source("the crowd went home happy after a long and pleasant afternoon")

    assert AGREE_EDITS[name](plain, rng()) is None
