"""Meaning-changing edits on hand-written sentences: each changes exactly its kind of detail,
and declines sentences without one."""

from __future__ import annotations

import random
import re

import pytest

from training.diverge_edits import (
    DIVERGE_EDITS,
    change_number,
    edit_quote,
    swap_date,
    swap_entity,
    swap_modality,
    swap_quantifier,
    swap_speaker,
    toggle_negation,
)
from training.source import Mention, Source

PLAIN = Source("The crowd went home happy after a pleasant afternoon in the park.")


def rng() -> random.Random:
    return random.Random(7)


def mention(text: str, sentence: str, label: str = "PERSON") -> Mention:
    start = sentence.index(text)
    return Mention(text, label, start, start + len(text))


@pytest.mark.parametrize("seed", range(5))
def test_change_number_gives_another_value_and_leaves_the_year(seed: int) -> None:
    text = "In 2019 the firm cut 30,000 jobs."

    edited = change_number(Source(text), random.Random(seed))

    assert edited is not None
    assert "2019" in edited
    new = re.search(r"cut ([\d,]+) jobs", edited)
    assert new is not None and new.group(1) != "30,000"


def test_change_number_keeps_decimals_and_small_counts_stay_positive() -> None:
    decimal = change_number(Source("Prices rose 2.5 percent."), rng())
    small = change_number(Source("Only 1 person was hurt."), rng())

    assert decimal is not None and re.search(r"rose \d+\.\d percent", decimal)
    assert decimal != "Prices rose 2.5 percent."
    assert small is not None and re.search(r"Only [2-9] person", small)


def test_change_number_leaves_days_of_the_month_alone() -> None:
    assert change_number(Source("The talks ended on February 22 in Geneva."), rng()) is None


def test_swap_date_changes_the_weekday() -> None:
    edited = swap_date(Source("Ministers met on Tuesday in Geneva."), rng())

    assert edited is not None and "Tuesday" not in edited
    assert re.search(r"on (Monday|Wednesday|Thursday|Friday|Saturday|Sunday) in Geneva", edited)


def test_swap_date_changes_a_year_or_a_month() -> None:
    edited = swap_date(Source("The law passed in March 2010 after a long fight."), rng())

    assert edited is not None
    assert ("March" not in edited) != ("2010" not in edited)


def test_swap_entity_uses_another_name_of_the_same_type_from_the_article() -> None:
    sentence = "Blinken met Lavrov in Geneva."
    source = Source(
        sentence,
        (mention("Geneva", sentence, "GPE"),),
        {"GPE": ("Geneva", "Moscow"), "PERSON": ("Blinken", "Lavrov")},
    )

    assert swap_entity(source, rng()) == "Blinken met Lavrov in Moscow."


def test_swap_entity_never_uses_another_form_of_the_same_name() -> None:
    sentence = "Steele resigned on Friday."
    source = Source(sentence, (mention("Steele", sentence),), {"PERSON": ("Michael Steele",)})

    assert swap_entity(source, rng()) is None


def test_swap_speaker_changes_who_said_it() -> None:
    sentence = "The talks failed, Kristol said."
    source = Source(
        sentence, (mention("Kristol", sentence),), {"PERSON": ("Kristol", "Michael Steele")}
    )

    assert swap_speaker(source, rng()) == "The talks failed, Michael Steele said."


def test_swap_speaker_needs_a_speech_verb_next_to_the_name() -> None:
    sentence = "Kristol visited the troops."
    source = Source(sentence, (mention("Kristol", sentence),), {"PERSON": ("Kristol", "Obama")})

    assert swap_speaker(source, rng()) is None


def test_toggle_negation_removes_a_negation() -> None:
    assert toggle_negation(Source("Russia did not respond."), rng()) == "Russia did respond."
    assert toggle_negation(Source("He didn’t call."), rng()) == "He did call."


def test_toggle_negation_negates_an_auxiliary() -> None:
    assert toggle_negation(Source("The bank will raise rates."), rng()) == (
        "The bank will not raise rates."
    )


def test_swap_modality_hedges_a_firm_statement_and_firms_a_hedge() -> None:
    hedged = swap_modality(Source("The troops will leave."), rng())
    firmed = swap_modality(Source("The troops could leave."), rng())

    assert hedged in {"The troops may leave.", "The troops could leave.", "The troops might leave."}
    assert firmed in {"The troops will leave.", "The troops would leave."}


def test_swap_quantifier_changes_the_scope_and_keeps_the_capital() -> None:
    edited = swap_quantifier(Source("All members signed the letter."), rng())

    assert edited in {"Some members signed the letter.", "Most members signed the letter."}
    assert swap_quantifier(Source("He was not tired at all."), rng()) is None


def test_edit_quote_changes_only_the_words_inside_the_quotation() -> None:
    text = "“We will not accept this deal under any terms,” Smith said."
    source = Source(text, words=("surrender", "treaty"))

    for seed in range(6):
        edited = edit_quote(source, random.Random(seed))
        assert edited is not None and edited != text
        assert edited.endswith("” Smith said.") and edited.startswith("“We ")


def test_edit_quote_needs_a_quotation_of_four_words() -> None:
    assert edit_quote(Source("He called it “a disgrace”."), rng()) is None


@pytest.mark.parametrize("name", sorted(DIVERGE_EDITS))
def test_every_edit_declines_a_sentence_without_its_detail(name: str) -> None:
    assert DIVERGE_EDITS[name](PLAIN, rng()) is None


def test_edits_are_deterministic_for_a_seed() -> None:
    text = "On Monday, 40 of the 300 delegates will vote, said Smith."

    first = [edit(Source(text), random.Random(3)) for edit in DIVERGE_EDITS.values()]
    second = [edit(Source(text), random.Random(3)) for edit in DIVERGE_EDITS.values()]

    assert first == second
