"""Rival places: one claim puts the fact in one place, the other in another place of the same
scale. A town against the country or state it may lie in, a place only one side names, and the
same places in another order are not rivals."""

from __future__ import annotations

import pytest

from comparison import ClaimComparator
from facts.names import entity_key
from facts.regions import region_kind
from tests.comparison.conftest import compare, reason_types


@pytest.mark.parametrize(
    ("a", "b", "spans"),
    [
        (
            "The photo was sent to a student in Bellingham.",
            "The photo was sent to a student in Seattle.",
            ("Bellingham", "Seattle"),
        ),
        ("The rally was held in Denver.", "The rally was held in Boston.", ("Denver", "Boston")),
        (
            "The talks took place in France.",
            "The talks took place in Germany.",
            ("France", "Germany"),
        ),
        (
            "The plant in Ohio will close.",
            "The plant in Michigan will close.",
            ("Ohio", "Michigan"),
        ),
    ],
)
def test_two_places_in_one_slot_diverge(
    comparator: ClaimComparator, a: str, b: str, spans: tuple[str, str]
) -> None:
    result = compare(comparator, a, b)
    assert result.verdict == "diverge"
    (found,) = [r for r in result.reasons if r.type == "entity"]
    assert (found.this.text, found.other.text) == spans


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "The photo was sent to a student in Seattle.",
            "The photo was sent to a student in Washington state.",
        ),
        (
            "The summit will be held in Geneva next month.",
            "The summit will be held in Switzerland next month.",
        ),
        (
            "The candidate spoke in Des Moines on Monday before flying to Chicago.",
            "The candidate spoke in Des Moines on Monday.",
        ),
        (
            "The fire started in a warehouse in Oakland.",
            "The fire started in a warehouse in Oakland, California.",
        ),
        (
            "The company moved its headquarters from Chicago to Austin.",
            "The company moved its headquarters to Austin from Chicago.",
        ),
        ("He was born in Brooklyn and raised in Queens.", "He was raised in Queens."),
    ],
)
def test_places_at_other_scales_or_named_once_do_not_diverge(
    comparator: ClaimComparator, a: str, b: str
) -> None:
    assert "entity" not in reason_types(compare(comparator, a, b))


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("France", "country"),
        ("the United States", "country"),
        ("Ivory Coast", "country"),
        ("Wash.", "us_state"),
        ("New Hampshire", "us_state"),
        ("Seattle", None),
        ("Des Moines", None),
    ],
)
def test_regions_table_knows_countries_and_states(name: str, kind: str | None) -> None:
    assert region_kind(entity_key(name)) == kind
