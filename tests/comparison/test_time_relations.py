"""An act told on different sides of one event (``comparison/time_relations.py``), on
sentences written for these tests: "resigned before the vote" / "resigned after the vote"
differ, in a quotation too; the same relation in other words, another act and another event
do not."""

from __future__ import annotations

import pytest
from spacy.language import Language

from comparison import ClaimComparator
from comparison.time_relations import time_relation_reasons
from facts import parse_claim
from tests.comparison.conftest import FEB_1, compare, typed_spans

pytestmark = pytest.mark.slow


def found(nlp: Language, a: str, b: str) -> list[str]:
    fa, fb = parse_claim(nlp, a, FEB_1), parse_claim(nlp, b, FEB_1)
    return [r.explanation for r in time_relation_reasons(fa, fb)]


@pytest.mark.parametrize(
    ("a", "b", "this", "other"),
    [
        (
            "The senator resigned before the vote on the bill.",
            "The senator resigned after the vote on the bill.",
            "(before)",
            "(after)",
        ),
        (
            "The gunman called 911 during the shooting.",
            "The gunman called 911 before the shooting.",
            "(during)",
            "(before)",
        ),
        (
            "The chairman left the room ahead of the vote.",
            "The chairman left the room following the vote.",
            "(before)",
            "(after)",
        ),
        (
            "The suspect fled the country before he was charged.",
            "The suspect fled the country after he was charged.",
            "(before)",
            "(after)",
        ),
        (
            'The senator said: "I resigned before the vote."',
            "The senator resigned after the vote.",
            "(before)",
            "(after)",
        ),
        (
            "Protesters gathered outside amid the speech.",
            "Protesters gathered outside prior to the speech.",
            "(during)",
            "(before)",
        ),
    ],
)
def test_an_act_on_two_sides_of_one_event_is_a_reason(
    nlp: Language, a: str, b: str, this: str, other: str
) -> None:
    forward, backward = found(nlp, a, b), found(nlp, b, a)

    assert len(forward) == 1 and forward[0].index(this) < forward[0].index(other)
    assert len(backward) == 1 and backward[0].index(other) < backward[0].index(this)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # the same relation in other words
        (
            "The senator resigned shortly before the vote.",
            "The senator resigned before the vote.",
        ),
        ("The chairman left before the vote.", "The chairman left ahead of the vote."),
        ("The company cut jobs after the merger.", "The company cut jobs following the merger."),
        # another event, another act
        ("The senator resigned before the vote.", "The senator resigned after the debate."),
        ("The senator resigned before the vote.", "The senator spoke after the vote."),
        # "after" with nothing after it
        ("The senator resigned soon after.", "The senator resigned before the vote."),
    ],
)
def test_no_reason_without_two_relations_to_one_event(nlp: Language, a: str, b: str) -> None:
    assert found(nlp, a, b) == []
    assert found(nlp, b, a) == []


def test_the_comparator_sees_the_relation_and_never_calls_it_one_fact(
    comparator: ClaimComparator,
) -> None:
    result = compare(
        comparator,
        "The senator resigned before the vote on the bill.",
        "The senator resigned after the vote on the bill.",
    )

    assert result.verdict == "diverge"
    assert typed_spans(result) == [("date", "before the vote", "after the vote")]
