"""One named person, two family ties (``comparison/kinship.py``), on sentences written for
these tests: "Smith's wife, Mary" / "Smith's daughter, Mary" differ; a tie on one side only, a
general word against a particular one, "wife" / "widow", ties to two different relatives and
two different people do not."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from comparison import ClaimComparator
from comparison.kinship import kinship_reasons
from facts import parse_claim
from tests.comparison.conftest import compare

pytestmark = pytest.mark.slow

DAY = date(2025, 9, 2)


def found(nlp: Language, a: str, b: str) -> list[tuple[str, str]]:
    fa, fb = parse_claim(nlp, a, DAY), parse_claim(nlp, b, DAY)
    return [(r.this.text, r.other.text) for r in kinship_reasons(fa, fb)]


@pytest.mark.parametrize(
    ("a", "b", "spans"),
    [
        (
            "Smith's wife, Mary, testified on Monday.",
            "Smith's daughter, Mary, testified on Monday.",
            ("wife", "daughter"),
        ),
        (
            "Ann Lee, his niece, told reporters the family was shocked.",
            "Ann Lee, his sister, told reporters the family was shocked.",
            ("niece", "sister"),
        ),
        (
            "Mary Jones, Smith's daughter, testified on Monday.",
            "Mary Jones, Smith's son, testified on Monday.",
            ("daughter", "son"),
        ),
    ],
)
def test_two_ties_of_one_person_are_a_reason(
    nlp: Language, a: str, b: str, spans: tuple[str, str]
) -> None:
    assert found(nlp, a, b) == [spans]
    assert found(nlp, b, a) == [spans[::-1]]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # ties that fit each other
        ("Smith's wife, Mary, testified on Monday.", "Smith's widow, Mary, testified on Monday."),
        (
            "Mary Jones, Smith's child, testified on Monday.",
            "Mary Jones, Smith's daughter, testified on Monday.",
        ),
        # a tie to another relative, a tie on one side only, another person
        ("Smith's wife, Mary, testified.", "Jones's daughter, Mary, testified."),
        ("Smith's wife, Mary, testified on Monday.", "Mary testified on Monday."),
        ("Smith's wife, Mary, testified on Monday.", "Smith's daughter, Ann, testified on Monday."),
    ],
)
def test_no_reason_without_two_ties_of_one_person(nlp: Language, a: str, b: str) -> None:
    assert found(nlp, a, b) == []
    assert found(nlp, b, a) == []


def test_the_comparator_reads_family_ties(comparator: ClaimComparator) -> None:
    result = compare(
        comparator,
        "Smith's wife, Mary, testified on Monday.",
        "Smith's daughter, Mary, testified on Monday.",
    )

    assert result.verdict == "diverge"
    assert [(r.type, r.this.text, r.other.text) for r in result.reasons] == [
        ("entity", "wife", "daughter")
    ]
