from __future__ import annotations

import pytest

from facts.numbers import parse_number, round_magnitude


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
