"""Two nouns newsrooms use for one counted thing are one unit: "19 steps" / "23 measures"."""

from __future__ import annotations

import pytest
from spacy.language import Language

from comparison.numbers import number_reasons
from facts.extract import extract_facts

pytestmark = pytest.mark.slow


def number_clash(nlp: Language, a: str, b: str) -> bool:
    return bool(number_reasons(extract_facts(nlp(a)), extract_facts(nlp(b))))


def test_steps_and_measures_of_one_plan_are_one_count(nlp: Language) -> None:
    a = "The mayor unveiled a housing plan with 14 measures to cut rents."
    b = "The mayor's housing plan to cut rents includes 18 steps."
    assert number_clash(nlp, a, b)
    assert not number_clash(nlp, a, b.replace("18", "14"))


def test_houses_and_homes_are_one_count(nlp: Language) -> None:
    a = "The flood destroyed 40 houses in the village."
    b = "The flood destroyed 65 homes in the village."
    assert number_clash(nlp, a, b)


def test_other_nouns_stay_other_counts(nlp: Language) -> None:
    a = "The mayor unveiled a housing plan with 14 measures to cut rents."
    b = "The mayor's housing plan to cut rents drew 18 lawsuits."
    assert not number_clash(nlp, a, b)


def test_counts_of_part_of_one_group_are_one_count(nlp: Language) -> None:
    a = "The hospital treated 20 patients, four of them in critical condition."
    b = "The hospital treated 20 patients, five of whom were in critical condition."
    assert number_clash(nlp, a, b)
    assert not number_clash(nlp, a, b.replace("five", "four"))


def test_parts_of_two_groups_stay_other_counts(nlp: Language) -> None:
    a = "The hospital treated 20 patients and 12 nurses, four of them in critical condition."
    b = "The hospital treated 20 patients, five of whom were in critical condition."
    assert not number_clash(nlp, a, b)
