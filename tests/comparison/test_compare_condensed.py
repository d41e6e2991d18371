"""Condensed copies: cut-down sentences that keep the facts, and cuts that change them."""

from __future__ import annotations

import pytest

from comparison import ClaimComparator
from comparison.verbatim import copied_verbatim
from facts.model import ClaimFacts
from tests.comparison.conftest import compare, reason_types

pytestmark = pytest.mark.slow

NOISE = "The club was fined 200,000 dollars for its use of fake crowd noise at the stadium."
CRIME = (
    "Applicants must prove they have not committed a crime in the previous ten years "
    "under the new rules."
)


def test_modifier_kept_without_its_noun_diverges(comparator: ClaimComparator) -> None:
    result = compare(
        comparator, NOISE, "The club was fined 200,000 dollars for its use of fake crowd."
    )
    assert result.verdict == "diverge"
    assert "noise" in result.reasons[0].this.text


def test_modifier_kept_with_its_noun_agrees(comparator: ClaimComparator) -> None:
    result = compare(
        comparator, NOISE, "The club was fined 200,000 dollars for its use of fake crowd noise."
    )
    assert result.verdict == "agree"


def test_name_dropped_after_title_agrees(comparator: ClaimComparator) -> None:
    result = compare(
        comparator,
        "The mayor met Prime Minister David Cameron in the city hall on Friday.",
        "The mayor met Prime Minister in the city hall on Friday.",
    )
    assert result.verdict == "agree"


def test_negation_dropped_from_shortened_clause_diverges(comparator: ClaimComparator) -> None:
    result = compare(comparator, CRIME, "Applicants must prove they have committed a crime.")
    assert reason_types(result) == {"negation"}


def test_negation_kept_in_shortened_clause_agrees(comparator: ClaimComparator) -> None:
    result = compare(comparator, CRIME, "Applicants must prove they have not committed a crime.")
    assert result.verdict == "agree"


def test_copied_verbatim_ignores_case_and_punctuation() -> None:
    other = ClaimFacts(
        "He was attacked by a Thai transvestite, jealous over her.", None, frozenset()
    )
    assert copied_verbatim("thai transvestite jealous", other)
    assert not copied_verbatim("transvestite over", other)


FORCE = "The man forces the young girl to the ground and begins to hit her with a large stone."


def test_noun_moved_from_oblique_to_object_diverges(comparator: ClaimComparator) -> None:
    result = compare(
        comparator, FORCE, "The man forces the ground and begins to hit her with a large stone."
    )
    assert result.verdict == "diverge"
    assert result.reasons[0].other.text == "ground"


def test_passive_rewrite_keeps_roles(comparator: ClaimComparator) -> None:
    result = compare(comparator, FORCE, "The young girl is forced to the ground by the man.")
    assert result.verdict == "agree"


def test_name_for_pronoun_subject_agrees(comparator: ClaimComparator) -> None:
    result = compare(
        comparator,
        "Lewis Hamilton sat on the podium after he claimed his first win for Ferrari on Sunday.",
        "Lewis Hamilton claimed his first win for Ferrari on Sunday.",
    )
    assert result.verdict == "agree"


def test_group_noun_dropped_after_its_modifier_agrees(comparator: ClaimComparator) -> None:
    result = compare(
        comparator,
        "The ferry company said its crew members had stopped the boat near the coast on Friday.",
        "The ferry company said its crew had stopped the boat near the coast on Friday.",
    )
    assert result.verdict == "agree"


def test_first_name_added_to_a_lone_surname_agrees(comparator: ClaimComparator) -> None:
    result = compare(
        comparator,
        "Maria Okafor says the harbour bridge will reopen to traffic in the spring.",
        "Okafor says the harbour bridge will reopen to traffic in the spring after repairs.",
    )
    assert result.verdict == "agree"


def test_different_first_names_for_one_surname_diverge(comparator: ClaimComparator) -> None:
    result = compare(
        comparator,
        "Maria Okafor says the harbour bridge will reopen to traffic in the spring.",
        "Daniel Okafor says the harbour bridge will reopen to traffic in the spring.",
    )
    # Two people who share a surname are two sources: the speaker differs.
    assert reason_types(result) == {"attribution"}


def test_nationality_written_as_the_country_agrees(comparator: ClaimComparator) -> None:
    result = compare(
        comparator,
        "The Bosnian striker scored twice in the first half on Saturday.",
        "The Bosnia striker scored twice in the first half on Saturday.",
    )
    assert result.verdict == "agree"


def test_article_dropped_inside_a_copied_phrase_agrees(comparator: ClaimComparator) -> None:
    result = compare(
        comparator,
        "Residents say the library was demolished to make room for shopping centre.",
        "Residents say the library was demolished in March to make room for a shopping centre "
        "near the station.",
    )
    assert result.verdict == "agree"


def test_object_taken_from_another_phrase_still_diverges(comparator: ClaimComparator) -> None:
    result = compare(
        comparator,
        "The coach spoke to reporters during a briefing at the national stadium on Monday.",
        "The coach spoke to the national stadium on Monday.",
    )
    assert result.verdict == "diverge"


def test_item_dropped_from_a_list_agrees(comparator: ClaimComparator) -> None:
    result = compare(
        comparator,
        "She has shared a stage with Elton John, Tina Turner, Bruce Springsteen and Cher "
        "over the years.",
        "She has shared a stage with Elton John, Bruce Springsteen and Cher.",
    )
    assert result.verdict == "agree"


def test_bracketed_aside_dropped_agrees(comparator: ClaimComparator) -> None:
    result = compare(
        comparator,
        "Maria Lopez (above in court), whose 3-month-old daughter was found dead near the "
        "Hudson River in upstate New York, has been charged with neglect.",
        "Maria Lopez, whose 3-month-old daughter, was found dead near the Hudson River in "
        "upstate New York.",
    )
    assert result.verdict == "agree"
