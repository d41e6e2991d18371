from __future__ import annotations

import pytest
from spacy.language import Language

from facts.numbers import NUMBER_RE, parse_number, round_magnitude
from facts.quantities import extract_quantities


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("3", 3),
        ("three", 3),
        ("twenty-one", 21),
        ("100,000", 100_000),
        ("100 000", 100_000),
        ("100\u00a0000", 100_000),
        ("100k", 100_000),
        ("1.5 million", 1_500_000),
        ("half a million", 500_000),
        ("a dozen", 12),
        ("two hundred thousand", 200_000),
        ("4.2 billion", 4_200_000_000),
    ],
)
def test_numbers_in_digits_and_words(text: str, value: float) -> None:
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["", "troops", "and", "a lot"])
def test_non_numbers_are_none(text: str) -> None:
    assert parse_number(text) is None


def test_round_magnitude_tells_round_from_precise_figures() -> None:
    assert round_magnitude(40_000) == 10_000
    assert round_magnitude(127) == 1
    assert round_magnitude(2.5) == pytest.approx(0.1)


@pytest.mark.parametrize(("text", "value"), [("$60m", 60e6), ("$ 4.5 m", 4.5e6), ("60m", 60e6)])
def test_an_attached_or_priced_m_is_a_million(text: str, value: float) -> None:
    match = NUMBER_RE.search(text)
    assert match is not None and parse_number(match.group()) == pytest.approx(value)


def test_a_spaced_m_after_a_plain_number_is_metres() -> None:
    match = NUMBER_RE.search("The wave reached 60 m near the harbour.")
    assert match is not None and match.group() == "60"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "bound"),
    [
        ("A dozen houses burned down.", "approx"),
        ("The court fined 19 other banks.", "lower"),
        ("The court fined 19 banks.", "exact"),
        ("Twelve houses burned down.", "exact"),
    ],
)
def test_round_words_and_partial_counts_get_their_bound(
    nlp: Language, text: str, bound: str
) -> None:
    (quantity,) = extract_quantities(nlp(text), [])
    assert quantity.bound == bound


@pytest.mark.parametrize(
    ("text", "found"),
    [("a 35-word oath", "35"), ("a 9-year-old boy", "9"), ("won 2-1", None), ("COVID-19", None)],
)
def test_a_number_joined_to_a_word_is_found_but_not_a_score_or_code(
    text: str, found: str | None
) -> None:
    match = NUMBER_RE.search(text)
    assert (match.group() if match else None) == found


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "phrase", "low", "high", "unit"),
    [
        ("Dozens of arrests followed the match.", "Dozens of arrests", 24, 150, "arrest"),
        ("She was twice questioned.", "twice", 2, 2, "time"),
        ("He was questioned several times.", "several times", 3, 15, "time"),
        ("Several hundred troops crossed.", "Several hundred troops", 300, 1_500, "troop"),
        ("A few council members objected.", "A few council members", 2, 7, "member"),
        ("Tens of thousands marched.", "Tens of thousands", 20_000, 199_999, ""),
        (
            "It sold hundreds of billions of dollars.",
            "hundreds of billions of dollars",
            2e11,
            2e12,
            "$",
        ),
        ("Aid for hundreds of farmers.", "hundreds of farmers", 200, 1_999, "farmer"),
    ],
)
def test_count_words_are_quantities_with_the_range_they_allow(
    nlp: Language, text: str, phrase: str, low: float, high: float, unit: str
) -> None:
    (quantity,) = extract_quantities(nlp(text), [])
    assert (quantity.span.text, quantity.low, quantity.high, quantity.unit) == (
        phrase,
        low,
        high,
        unit,
    )


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Prices rose twice as fast as wages.",
        "The lake is several times larger than the pond.",
        "The strike lasted a few weeks.",
        "Quite a few members objected.",
        "Several other members objected.",
        "Scores were settled.",
        "He was questioned once or twice.",
    ],
)
def test_ratios_spans_of_time_and_hedged_count_words_are_left_out(nlp: Language, text: str) -> None:
    assert extract_quantities(nlp(text), []) == []


@pytest.mark.parametrize(
    ("text", "value", "bound"),
    [
        ("Officials said forty-five thousand troops had gathered.", 45_000, "exact"),
        ("They counted twenty-one bodies.", 21, "exact"),
        ("The trip takes two-three days by road.", 2.5, "range"),
        ("Between 40 and 50 people came.", 45, "range"),
    ],
)
def test_a_hyphenated_number_in_words_is_one_number_not_a_range(
    nlp: Language, text: str, value: float, bound: str
) -> None:
    (quantity,) = extract_quantities(nlp(text), [])
    assert (quantity.value, quantity.bound) == (value, bound)


@pytest.mark.parametrize(
    ("text", "figure", "value"),
    [
        ("They are asking for $4.2' billion in aid.", "4.2' billion", 4_200_000_000),
        ("They are asking for $4.2\u2019 billion in aid.", "4.2\u2019 billion", 4_200_000_000),
        ('The "plan costs 3" million dollars.', '3" million', 3_000_000),
    ],
)
def test_a_quote_mark_inside_a_figure_does_not_split_it(
    text: str, figure: str, value: float
) -> None:
    found = [match.group() for match in NUMBER_RE.finditer(text)]

    assert found == [figure]
    assert parse_number(figure) == pytest.approx(value)


@pytest.mark.parametrize(
    "text", ["He said '42' and left.", "The sign read \u201c12\u201d in red.", "a 6' 2\" man"]
)
def test_a_quote_mark_after_a_figure_with_no_scale_word_is_not_part_of_it(text: str) -> None:
    assert all("'" not in m.group() and "\u201d" not in m.group() for m in NUMBER_RE.finditer(text))


@pytest.mark.parametrize(
    ("text", "units"),
    [
        (
            "The storm killed 12 people in Texas, eight in Oklahoma and five in Kansas.",
            ["people", "people", "people"],
        ),
        (
            "The hospital treated 20 patients, four of them in critical condition.",
            ["patient", "patient"],
        ),
        ("Of the 12 officers who responded, three fired.", ["officer", "officer"]),
        # a bare figure not listed right after the counted one, or after a sum of money
        ("Police arrested 12 people in a raid that lasted three hours.", ["people", "hour"]),
        ("Of the 12 people hurt, police said 3 were children.", ["people", ""]),
        ("The city paid $4 million, and 2 of the firms were fired.", ["$", ""]),
        ("The city paid $4 million, and two contractors were fired.", ["$", "contractor"]),
    ],
)
def test_a_bare_count_listed_after_a_counted_one_counts_the_same_noun(
    nlp: Language, text: str, units: list[str]
) -> None:
    assert [q.unit for q in extract_quantities(nlp(text), [])] == units
