"""Word-form variants that the condensed-copy check tolerates."""

from __future__ import annotations

import pytest

from comparison import ClaimComparator, ClaimInput
from comparison.coordination import coordinated
from comparison.tolerated import is_initialism, is_word_variant


@pytest.mark.parametrize(
    ("lemma", "others"),
    [("hungarian", {"hungary", "striker"}), ("bosnian", {"bosnia"}), ("reference", {"refer"})],
)
def test_forms_of_one_word_are_variants(lemma: str, others: set[str]) -> None:
    assert is_word_variant(lemma, frozenset(others))


@pytest.mark.parametrize(
    ("lemma", "others"),
    [
        ("austria", {"australia"}),
        ("iran", {"iranian"}),
        ("bank", {"banker"}),
        ("same", {"same"}),
        ("norwegian", {"norway"}),
        ("illegal", {"legal"}),
        ("billion", {"million"}),
    ],
)
def test_other_words_are_not_variants(lemma: str, others: set[str]) -> None:
    assert not is_word_variant(lemma, frozenset(others))


@pytest.mark.slow
def test_initials_of_adjacent_words_are_an_initialism(comparator: ClaimComparator) -> None:
    facts = comparator.facts(ClaimInput("The prime minister met the European Union envoy."))
    assert is_initialism("PM", facts)
    assert is_initialism("E.U.", facts)
    assert not is_initialism("UN", facts)
    assert not is_initialism("Paris", facts)


@pytest.mark.slow
def test_items_of_one_list_are_coordinated(comparator: ClaimComparator) -> None:
    facts = comparator.facts(ClaimInput("Police found knives, phones and cash near the depot."))
    assert coordinated(facts, "knife", "cash")
    assert not coordinated(facts, "knife", "depot")
