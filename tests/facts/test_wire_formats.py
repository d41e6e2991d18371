"""Wire-copy number formats: scale abbreviations ("14.9 bln", "$4.2m", "30k") and currency
words after a figure ("20 dlrs", "35 cts", "3.5 mln stg"), with the near-misses where an
abbreviation must not scale and a word must not be money."""

from __future__ import annotations

import pytest
from spacy.language import Language

from facts.model import QuantityFact
from facts.numbers import NUMBER_RE, ends_in_scale, parse_number
from facts.quantities import extract_quantities


def quantities(nlp: Language, text: str) -> list[QuantityFact]:
    return extract_quantities(nlp(text), [])


def only(nlp: Language, text: str) -> QuantityFact:
    found = quantities(nlp, text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("14.9 bln", 14.9e9),
        ("3.5 mln", 3.5e6),
        ("3.5mln", 3.5e6),
        ("2 mn", 2e6),
        ("7 bn", 7e9),
        ("1.2 trln", 1.2e12),
        ("4 tln", 4e12),
        ("30k", 30_000),
        ("three mln", 3e6),
    ],
)
def test_scale_abbreviations_scale_the_figure(text: str, value: float) -> None:
    match = NUMBER_RE.search(f"It came to {text} last year.")
    assert match is not None and match.group() == text
    assert parse_number(match.group()) == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "value"),
    [("$4.2m", 4.2e6), ("$3bn", 3e9), ("$3b", 3e9), ("£1tn", 1e12), ("€ 2 m", 2e6)],
)
def test_an_abbreviation_after_a_currency_sign_scales_the_sum(text: str, value: float) -> None:
    match = NUMBER_RE.search(f"The fund raised {text} in May.")
    assert match is not None and parse_number(match.group()) == pytest.approx(value)


@pytest.mark.parametrize(
    "text",
    ["Traffic jammed the M25 on Monday.", "The K-9 unit arrived.", "Bn. Smith spoke."],
)
def test_letters_that_are_no_scale_make_no_quantity(nlp: Language, text: str) -> None:
    assert quantities(nlp, text) == []


def test_a_bare_b_after_a_figure_is_no_billion(nlp: Language) -> None:
    assert all(q.value < 1000 for q in quantities(nlp, "The plan is in section 3b."))


def test_ends_in_scale() -> None:
    assert ends_in_scale("14.9 bln") and ends_in_scale("3 million") and ends_in_scale("$4m")
    assert not ends_in_scale("14.9") and not ends_in_scale("twelve")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Net profit rose to 14.9 bln marks.", 14.9e9),
        ("Sales were 20 dlrs a share.", 20),
        ("The dividend was 35 cts a share.", 0.35),
        ("The loss was 3.5 mln stg.", 3.5e6),
        ("It cost 200 mln yen.", 200e6),
        ("It fell by 2.5 mln Deutsche marks.", 2.5e6),
        ("It cost 30 dmk.", 30),
        ("It cost 50 francs.", 50),
        ("Exports were 1.2 trln yen.", 1.2e12),
        ("The firm raised 5m dollars.", 5e6),
    ],
)
def test_currency_words_make_a_sum_of_money(nlp: Language, text: str, value: float) -> None:
    fact = only(nlp, text)
    assert fact.kind == "money"
    assert fact.value == pytest.approx(value)


@pytest.mark.slow
def test_a_scale_written_once_in_a_range_is_both_ends(nlp: Language) -> None:
    fact = only(nlp, "It cost between 3 and 5 mln dlrs.")
    assert (fact.kind, fact.low, fact.high) == ("money", pytest.approx(3e6), pytest.approx(5e6))


@pytest.mark.slow
def test_pct_is_a_percentage(nlp: Language) -> None:
    fact = only(nlp, "Output grew 5 pct in March.")
    assert (fact.kind, fact.value) == ("percent", 5)


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "She scored 12 marks in the test.",
        "He left two question marks in the draft.",
        "The paper left 3 marks on the table.",
    ],
)
def test_marks_without_a_scale_word_are_no_money(nlp: Language, text: str) -> None:
    assert all(q.kind != "money" for q in quantities(nlp, text))


@pytest.mark.slow
def test_high_marks_are_no_quantity(nlp: Language) -> None:
    assert quantities(nlp, "Critics gave the film high marks.") == []


@pytest.mark.slow
@pytest.mark.parametrize(
    "text", ["They built a 5m wall around the site.", "The 100m final starts at noon."]
)
def test_an_attached_m_without_currency_is_metres(nlp: Language, text: str) -> None:
    fact = only(nlp, text)
    assert (fact.kind, fact.unit) == ("count", "m")
    assert fact.value < 1000


@pytest.mark.slow
def test_an_attached_m_before_a_plural_noun_is_millions(nlp: Language) -> None:
    fact = only(nlp, "The final drew 5m viewers.")
    assert (fact.value, fact.unit) == (5e6, "viewer")


@pytest.mark.slow
def test_tn_after_a_bare_figure_is_no_trillion(nlp: Language) -> None:
    assert all(q.value < 1000 for q in quantities(nlp, "They shipped 5 tn of wheat."))


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Net interest revenue was 494.2 mln dlrs, down from 546.4 mln.",
        "Net profit was 14.9 mln dlrs vs 12.1 mln a year earlier.",
        "Reserves rose by 540 mln marks to 900 million.",
    ],
)
def test_a_scaled_figure_set_against_a_sum_is_in_its_currency(nlp: Language, text: str) -> None:
    assert [q.kind for q in quantities(nlp, text)] == ["money", "money"]


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "The fund lent 5 bln dlrs to a city of 3 million.",
        "It raised 5 bln dlrs from 3 million investors.",
        "Output rose 5 pct to 900 mln.",
    ],
)
def test_a_scaled_figure_not_set_against_a_sum_stays_a_count(nlp: Language, text: str) -> None:
    assert quantities(nlp, text)[-1].kind != "money"
