"""Each divergence type, on sentences written for these tests."""

from __future__ import annotations

import pytest

from comparison import ClaimComparator
from tests.comparison.conftest import compare, reason_types

pytestmark = pytest.mark.slow


def test_number_floor_against_ceiling(comparator: ClaimComparator) -> None:
    result = compare(
        comparator,
        "Organisers said more than 8,000 nurses joined the strike in Leeds.",
        "Union leaders said the strike in Leeds could reach 8,000 nurses.",
    )
    assert result.verdict == "diverge"
    assert "number" in reason_types(result)


def test_number_plain_mismatch_with_spans(comparator: ClaimComparator) -> None:
    a = "The storm destroyed 40 homes in the coastal village."
    b = "The storm destroyed 75 homes in the coastal village."
    result = compare(comparator, a, b)
    (reason,) = [r for r in result.reasons if r.type == "number"]
    assert a[reason.this.start : reason.this.end] == reason.this.text
    assert "40" in reason.this.text and "75" in reason.other.text


def test_date_time_frames_differ(comparator: ClaimComparator) -> None:
    result = compare(
        comparator,
        "Engineers expect 500 new turbines to be installed in the coming days.",
        "Officials said the 500 new turbines may be installed by late March.",
    )
    assert "date" in reason_types(result)


def test_date_weekdays_differ(comparator: ClaimComparator) -> None:
    result = compare(
        comparator,
        "The parliament approved the pension reform on Monday.",
        "The parliament approved the pension reform on Thursday.",
    )
    assert reason_types(result) == {"date"}


def test_negation(comparator: ClaimComparator) -> None:
    result = compare(
        comparator,
        "The regulator did not approve the merger of the two airlines.",
        "The regulator approved the merger of the two airlines.",
    )
    assert result.verdict == "diverge"
    assert "negation" in reason_types(result)


def test_modality_firm_against_hedged(comparator: ClaimComparator) -> None:
    result = compare(
        comparator,
        "The central bank will raise interest rates to curb rising inflation.",
        "The central bank could raise interest rates to curb rising inflation.",
    )
    assert "modality" in reason_types(result)


def test_quantifier_all_against_several(comparator: ClaimComparator) -> None:
    result = compare(
        comparator,
        "All regional hospitals reported shortages of blood supplies.",
        "Several regional hospitals reported shortages of blood supplies.",
    )
    assert reason_types(result) == {"quantifier"}


def test_attribution_named_sources_differ(comparator: ClaimComparator) -> None:
    result = compare(
        comparator,
        "Mayor Lena Ortiz said the bridge will reopen to traffic after repairs.",
        "Governor Paul Whitaker said the bridge will reopen to traffic after repairs.",
    )
    assert "attribution" in reason_types(result)


def test_attribution_holders_of_two_offices_differ(comparator: ClaimComparator) -> None:
    result = compare(
        comparator,
        "The mayor said the bridge will reopen to traffic after repairs.",
        "The governor said the bridge will reopen to traffic after repairs.",
    )
    assert "attribution" in reason_types(result)


@pytest.mark.parametrize(
    "other",
    [
        # one office, said two ways
        "The city's mayor said the bridge will reopen to traffic after repairs.",
        # unnamed sources that may be the mayor's own people
        "Officials said the bridge will reopen to traffic after repairs.",
        "A spokesman said the bridge will reopen to traffic after repairs.",
    ],
)
def test_attribution_unnamed_sources_are_no_second_office(
    comparator: ClaimComparator, other: str
) -> None:
    result = compare(
        comparator, "The mayor said the bridge will reopen to traffic after repairs.", other
    )
    assert "attribution" not in reason_types(result)


def test_quote_words_differ_for_same_speaker(comparator: ClaimComparator) -> None:
    a = "“We were misled about the costs of this project from the start,” said Ortiz."
    b = "“We were lied to about the costs of this project from the start,” said Ortiz."
    result = compare(comparator, a, b)
    (reason,) = result.reasons
    assert reason.type == "quote"
    assert "misled" in reason.this.text and "lied" in reason.other.text


def test_entity_swapped_in_near_copy(comparator: ClaimComparator) -> None:
    result = compare(
        comparator,
        "the striker scored twice as porto beat benfica in the cup final on sunday.",
        "the striker scored twice as porto beat braga in the cup final on sunday.",
        None,
        None,
    )
    assert result.verdict == "diverge"


def test_adjacent_differences_share_one_covering_span(comparator: ClaimComparator) -> None:
    a = "Analysts said more than 2,000 soldiers will gather near the border in the coming days."
    b = "Analysts said the deployment near the border could reach 2,000 soldiers by late March."
    result = compare(comparator, a, b)
    assert {"number", "modality"} <= reason_types(result)
    spans = {(r.this.start, r.this.end) for r in result.reasons}
    assert len(spans) == 1


def test_modality_intent_against_possibility_whatever_verb_reports_it(
    comparator: ClaimComparator,
) -> None:
    intent = "The minister accused the rebels of seeking to seize the port by the spring."
    possible = "The minister warned that the rebels could seize the port by the spring."
    assert "modality" in reason_types(compare(comparator, intent, possible))
    accusation = "The minister accused the rebels of shelling the port on Sunday."
    statement = "The minister said the rebels shelled the port on Sunday."
    assert "modality" not in reason_types(compare(comparator, accusation, statement))


@pytest.mark.parametrize(
    ("a", "b", "diverges"),
    [
        (
            "The audit not only faulted the budget but also the hiring of consultants.",
            "The audit also faulted the hiring of consultants.",
            False,
        ),
        (
            "The audit not only faulted the budget but also the hiring of consultants.",
            "The audit did not fault the hiring of consultants.",
            True,
        ),
        (
            "The mayor has yet to answer the council's letter about the depot.",
            "The mayor did not answer the council's letter about the depot.",
            False,
        ),
        (
            "The mayor has yet to answer the council's letter about the depot.",
            "The mayor answered the council's letter about the depot.",
            True,
        ),
    ],
)
def test_not_only_adds_and_yet_to_denies(
    comparator: ClaimComparator, a: str, b: str, diverges: bool
) -> None:
    assert ("negation" in reason_types(compare(comparator, a, b))) is diverges
