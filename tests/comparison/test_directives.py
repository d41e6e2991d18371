"""An order against advice (``comparison/directives.py``), on sentences written for these
tests: "ordered residents to evacuate" / "urged residents to evacuate" differ; two orders,
a neutral verb ("told"), two speakers, and directives about different actions do not."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from comparison.directives import directive_reasons
from facts import parse_claim

pytestmark = pytest.mark.slow

DAY = date(2025, 9, 2)


def found(nlp: Language, a: str, b: str) -> list[str]:
    fa, fb = parse_claim(nlp, a, DAY), parse_claim(nlp, b, DAY)
    return [r.explanation for r in directive_reasons(fa, fb)]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "The county ordered residents of the valley to evacuate.",
            "The county urged residents of the valley to evacuate.",
        ),
        (
            "The governor ordered the evacuation of the coastal towns.",
            "The governor recommended the evacuation of the coastal towns.",
        ),
        (
            "Health officials required all schools to close for a week.",
            "Health officials encouraged all schools to close for a week.",
        ),
    ],
)
def test_an_order_against_advice_is_a_reason(nlp: Language, a: str, b: str) -> None:
    forward, backward = found(nlp, a, b), found(nlp, b, a)

    assert len(forward) == 1 and "(an order)" in forward[0] and "(advice)" in forward[0]
    assert len(backward) == 1 and backward[0].index("(advice)") < backward[0].index("(an order)")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # two orders in other words
        (
            "The county ordered residents of the valley to evacuate.",
            "The county required residents of the valley to evacuate.",
        ),
        # a neutral verb says nothing of the force
        (
            "The county ordered residents of the valley to evacuate.",
            "The county told residents of the valley to evacuate.",
        ),
        # two speakers: the state may order what the county only advises
        (
            "The state ordered residents of the valley to evacuate.",
            "The county urged residents of the valley to evacuate.",
        ),
        # directives about different actions
        (
            "The county ordered residents of the valley to evacuate.",
            "The county urged drivers to avoid the highway.",
        ),
    ],
)
def test_no_reason_without_an_order_and_advice_about_one_action(
    nlp: Language, a: str, b: str
) -> None:
    assert found(nlp, a, b) == [] and found(nlp, b, a) == []
