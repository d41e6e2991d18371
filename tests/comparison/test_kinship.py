"""One named person, two family ties (``comparison/kinship.py``), on sentences written for
these tests: "Smith's wife, Mary" / "Smith's daughter, Mary" differ; a tie on one side only, a
general word against a particular one, "wife" / "widow", ties to two different relatives and
two different people do not."""

from __future__ import annotations

import pytest
from spacy.language import Language

from comparison import ClaimComparator
from comparison.kinship import kinship_reasons
from tests.comparison.conftest import both_ways, compare, typed_spans

pytestmark = pytest.mark.slow


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
    assert both_ways(nlp, kinship_reasons, a, b) == [[spans], [spans]]


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
    assert both_ways(nlp, kinship_reasons, a, b) == [[], []]


def test_the_comparator_reads_family_ties(comparator: ClaimComparator) -> None:
    result = compare(
        comparator,
        "Smith's wife, Mary, testified on Monday.",
        "Smith's daughter, Mary, testified on Monday.",
    )

    assert result.verdict == "diverge"
    assert typed_spans(result) == [("entity", "wife", "daughter")]
