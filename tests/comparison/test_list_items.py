"""A figure in a list is set against the figure of the same item (``comparison/list_items.py``),
on sentences written for these tests: "12 people in Texas, eight in Oklahoma" against "nine
people in Oklahoma" sets eight against nine (before, the twelve was highlighted); the list
against the item's own figure agrees."""

from __future__ import annotations

import pytest
from spacy.language import Language

from comparison import ClaimComparator
from comparison.numbers import number_reasons
from tests.comparison.conftest import both_ways, compare

pytestmark = pytest.mark.slow

STORM = (
    "The storm killed 12 people in Texas, eight in Oklahoma, five in Kansas and two in Missouri."
)


@pytest.mark.parametrize(
    ("a", "b", "spans"),
    [
        (STORM, "The storm killed nine people in Oklahoma.", ("eight", "nine people")),
        (STORM, "In Kansas, the storm killed six people, officials said.", ("five", "six people")),
        (
            "The package includes $40 billion for roads, $25 billion for bridges and $10 billion "
            "for transit.",
            "The package includes $30 billion for bridges.",
            ("$25 billion", "$30 billion"),
        ),
        ("Sales rose 5% in Europe and 8% in Asia.", "Sales in Asia rose 6%.", ("8%", "6%")),
    ],
)
def test_the_figure_of_the_item_named_is_compared(
    nlp: Language, a: str, b: str, spans: tuple[str, str]
) -> None:
    assert both_ways(nlp, number_reasons, a, b) == [[spans], [spans]]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (STORM, "The storm killed eight people in Oklahoma."),
        ("Sales rose 5% in Europe and 8% in Asia.", "Sales in Asia rose 8%."),
        # no item named on the other side: each figure may still be compared
        ("Police arrested 12 people and seized 40 guns.", "Police arrested 12 people."),
        # an item with no words of its own may be the one the other side gives
        (
            "Officials counted 300 cases in the state last month, with 45 new cases.",
            "Officials said 45 new cases were counted in the state.",
        ),
        # words far past a figure do not name its item
        (
            "The vaccine was 88% effective after a month and 47% effective after six months, "
            "according to a study published in a journal.",
            "The vaccine was 88% effective after a month, a study found.",
        ),
    ],
)
def test_the_item_figure_of_a_list_agrees(nlp: Language, a: str, b: str) -> None:
    assert both_ways(nlp, number_reasons, a, b) == [[], []]


def test_figures_of_a_list_are_still_compared_when_no_item_is_named(nlp: Language) -> None:
    spans = both_ways(
        nlp,
        number_reasons,
        "Police arrested 12 people and seized 40 guns.",
        "Police arrested 13 people.",
    )
    assert spans == [[("12 people", "13 people")], [("12 people", "13 people")]]


def test_the_comparator_highlights_the_item(comparator: ClaimComparator) -> None:
    result = compare(comparator, STORM, "The storm killed nine people in Oklahoma.")
    assert result.verdict == "diverge"
    assert [(r.this.text, r.other.text) for r in result.reasons] == [("eight", "nine people")]
