"""Claims from different news cycles are about different events unless they date back."""

from __future__ import annotations

from datetime import date

import pytest

from comparison import ClaimComparator
from tests.comparison.conftest import compare

pytestmark = pytest.mark.slow

JAN_10 = date(2022, 1, 10)
FEB_1 = date(2022, 2, 1)


def test_meetings_reported_weeks_apart_are_unrelated(comparator: ClaimComparator) -> None:
    result = compare(
        comparator,
        "The negotiators met today and described the talks as tough but useful.",
        "The negotiators spoke Tuesday and described the talks as tough but useful.",
        JAN_10,
        FEB_1,
    )
    assert result.verdict == "unrelated"


def test_later_story_dating_back_to_the_earlier_event_is_compared(
    comparator: ClaimComparator,
) -> None:
    result = compare(
        comparator,
        "The negotiators met in Vienna and described the talks as tough but useful.",
        "PHOTO: The negotiators shake hands before their talks in Vienna, Jan. 10, 2022.",
        JAN_10,
        FEB_1,
    )
    assert result.verdict != "unrelated"


def test_unrelated_topics(comparator: ClaimComparator) -> None:
    result = compare(
        comparator,
        "The orchestra will tour Japan in the autumn.",
        "Wheat prices rose sharply after the drought.",
    )
    assert result.verdict == "unrelated"
