"""Look-alike names are different names; spelling variants of one name are not."""

from __future__ import annotations

import pytest

from comparison import ClaimComparator
from comparison.lookalike import look_alike
from facts.model import EntityFact, TextSpan
from facts.names import entity_key
from tests.comparison.conftest import compare, reason_types


def entity(text: str, label: str = "PERSON") -> EntityFact:
    return EntityFact(text, entity_key(text), label, TextSpan(text, 0, len(text)))


@pytest.mark.parametrize(
    ("a", "b", "label"),
    [
        ("Dana Pruitt", "Lena Pruitt", "PERSON"),
        ("North Korea", "South Korea", "GPE"),
        ("Austria", "Australia", "GPE"),
        ("Iran", "Iraq", "GPE"),
    ],
)
def test_different_names_spelled_alike_look_alike(a: str, b: str, label: str) -> None:
    assert look_alike(entity(a, label), entity(b, label))


@pytest.mark.parametrize(
    ("a", "b", "label"),
    [
        ("Vincent Marlowe", "Vincent Marlow", "PERSON"),
        ("Pruitt", "Lena Pruitt", "PERSON"),
        ("Kiev", "Kyiv", "GPE"),
        ("Bosnia", "Bosnian", "GPE"),
        ("Iraq", "Iraqi", "GPE"),
        ("Sudan", "South Sudan", "GPE"),
        ("Rosalinda Pruitt", "Rosalind Pruitt", "PERSON"),
        ("Canada", "Mexico", "GPE"),
        ("Jeff Marlowe", "Jeffrey Marlowe", "PERSON"),
        ("Joints Chiefs of Staff", "Joint Chiefs of Staff", "ORG"),
        ("Port Authority of Leeds", "Port Authority of Hull", "ORG"),
    ],
)
def test_variants_parts_and_unlike_names_are_not_look_alikes(a: str, b: str, label: str) -> None:
    assert not look_alike(entity(a, label), entity(b, label))


def test_names_of_different_kinds_are_not_look_alikes() -> None:
    assert not look_alike(entity("Jordan", "GPE"), entity("Jordan Pruitt", "PERSON"))
    assert not look_alike(entity("Iranian", "NORP"), entity("Iraqi", "NORP"))


@pytest.mark.slow
@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "Ruth Okonjo opened the new library in Leeds on Saturday.",
            "Grace Okonjo opened the new library in Leeds on Saturday.",
        ),
        (
            "Artillery hit a power plant in North Korea on Monday, the agency said.",
            "The agency reported that a power plant in South Korea was hit by artillery on Monday.",
        ),
        (
            "The trade minister flew to Austria for the tariff talks on Monday.",
            "The trade minister flew to Australia for the tariff talks on Monday.",
        ),
        (
            "Officer Dana Pruitt fired the shots, police said.",
            "Police said the shots were fired by officer Lena Pruitt.",
        ),
    ],
)
def test_look_alike_names_diverge(comparator: ClaimComparator, a: str, b: str) -> None:
    assert "entity" in reason_types(compare(comparator, a, b))


@pytest.mark.slow
@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "President Zelenskyy visited the front line near Bakhmut on Monday.",
            "President Zelensky visited the front line near Bakhmut on Monday.",
        ),
        (
            "Forces loyal to Moammar Gadhafi shelled the port on Sunday.",
            "Forces loyal to Muammar Qaddafi shelled the port on Sunday.",
        ),
        (
            "Okonjo opened the new library in Leeds on Saturday.",
            "Ruth Okonjo opened the new library in Leeds on Saturday.",
        ),
        (
            "Mr. Okonjo opened the new library in Leeds on Saturday.",
            "Daniel Okonjo opened the new library in Leeds on Saturday.",
        ),
        (
            "Bill Hanley opened the new library in Leeds on Saturday.",
            "William Hanley opened the new library in Leeds on Saturday.",
        ),
        (
            "Sergei Markov opened the new library in Leeds on Saturday.",
            "Sergey Markov opened the new library in Leeds on Saturday.",
        ),
        (
            "They remember Ruth Okonjo, 9, as always cheerful and kind.",
            "She was 9 and always kind, her father, Daniel Okonjo, says.",
        ),
    ],
)
def test_one_name_spelled_or_shortened_differently_agrees(
    comparator: ClaimComparator, a: str, b: str
) -> None:
    assert not reason_types(compare(comparator, a, b)) & {"entity", "attribution"}
