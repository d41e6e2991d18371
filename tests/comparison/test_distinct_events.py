"""Two events of one kind are not one event told two ways (``comparison/distinct_events.py``),
on sentences written for these tests, all dated one day: a claim that marks the shared thing
as another instance, or two claims that place and date the act apart at once, are
``unrelated``; one place or one day told differently stays a divergence."""

from __future__ import annotations

import pytest
from spacy.language import Language

from comparison import ClaimComparator
from comparison.comparator import find_reasons
from comparison.distinct_events import distinct_events
from comparison.overlap import facts_overlap
from facts import parse_claim
from tests.comparison.conftest import FEB_1, compare

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # another instance, said by the claim itself
        (
            "Pacquiao stopped his opponent in the seventh round on Saturday night.",
            "Pacquiao stopped another opponent in the sixth round in March.",
        ),
        (
            "An earthquake struck the region on Monday.",
            "Another earthquake struck the region on Friday.",
        ),
        (
            "Rebels attacked the convoy on Monday, killing 14 soldiers.",
            "Rebels attacked a separate convoy on Monday, killing 12 soldiers.",
        ),
        # placed and dated apart at once: two towns, two states, two parts of one country
        (
            "Police arrested 12 protesters in Portland on Tuesday.",
            "Police arrested 40 protesters in Seattle on Sunday.",
        ),
        (
            "A gunman killed five people at a school in Ohio on Monday.",
            "A gunman killed nine people at a church in Texas on Sunday.",
        ),
        (
            "A magnitude 6.1 earthquake struck northern Iran on Monday.",
            "A magnitude 5.4 earthquake struck southern Iran on Friday.",
        ),
        # a different person in one role of the act, and another day
        (
            "Maurice Cheeks was fired as head coach on Saturday.",
            "The team fired Jim O'Brien as head coach on Monday.",
        ),
        (
            "Senator Ann Hale introduced the bill on Tuesday.",
            "The bill was introduced by Senator Tom Reyes on Thursday.",
        ),
        # two chambers' votes on one bill, a month apart
        (
            "The Senate approved the hate crimes bill last month.",
            "The House passed the hate crimes bill on Tuesday.",
        ),
    ],
)
def test_two_events_of_one_kind_are_unrelated(comparator: ClaimComparator, a: str, b: str) -> None:
    assert compare(comparator, a, b).verdict == "unrelated"
    assert compare(comparator, b, a).verdict == "unrelated"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # one slot told differently: a divergence about one event
        (
            "Police arrested 12 protesters in Portland on Tuesday.",
            "Police arrested 12 protesters in Seattle on Tuesday.",
        ),
        (
            "The earthquake struck northern Iran on Monday, killing 30 people.",
            "The earthquake struck northern Iran on Sunday, killing 30 people.",
        ),
        (
            "A magnitude 6.1 earthquake struck northern Iran on Monday.",
            "A magnitude 5.4 earthquake struck northern Iran on Monday.",
        ),
        # a place on one side only, and another day
        (
            "Police arrested 12 protesters in Portland on Tuesday.",
            "Police arrested 12 protesters on Sunday.",
        ),
        # the same body, and another day
        (
            "The Senate passed the hate crimes bill on Tuesday.",
            "The Senate approved the hate crimes bill on Monday.",
        ),
        # the same person, and another day
        (
            "The team fired Cheeks as head coach on Saturday.",
            "Maurice Cheeks was fired as head coach on Monday.",
        ),
        # a town and the state around it are one place seen at two scales
        (
            "Police arrested 12 protesters in Portland on Tuesday.",
            "Police arrested 12 protesters in Oregon on Sunday.",
        ),
        # a dateline, an owner and an origin do not place the act
        (
            "WASHINGTON — The committee said on Wednesday that it would issue subpoenas.",
            "The committee, which studies Russia's hacking, said on Monday that it would"
            " issue subpoenas.",
        ),
        (
            "The agency banned imports of ivory from Kenya on Friday.",
            "The agency banned imports of ivory from Tanzania on Monday.",
        ),
        # the same instance word on both sides says nothing about which is which
        (
            "Pacquiao stopped another opponent in the seventh round on Saturday.",
            "Pacquiao stopped another opponent in the seventh round on Friday.",
        ),
        # "another" on a word the other claim lacks
        (
            "The senate passed the bill on Tuesday, another sign of the thaw.",
            "The senate passed the bill on Monday.",
        ),
        # "another" inside a quotation is the speaker's word, not the account of the event
        (
            'The senate passed the bill on Tuesday. "It is another bill we needed," he said.',
            'The senate passed the bill on Monday. "It is a bill we needed," he said.',
        ),
    ],
)
def test_one_event_told_two_ways_still_diverges(
    comparator: ClaimComparator, a: str, b: str
) -> None:
    assert compare(comparator, a, b).verdict == "diverge"
    assert compare(comparator, b, a).verdict == "diverge"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # two people or two places on one day are one slot told two ways, not two events
        (
            "Maurice Cheeks was fired as head coach on Saturday.",
            "The team fired Jim O'Brien as head coach on Saturday.",
        ),
        (
            "Police arrested 12 protesters in Portland on Tuesday.",
            "Police arrested 12 protesters in Seattle on Tuesday.",
        ),
        # two people in different roles of the act
        (
            "Maurice Cheeks fired the assistant on Saturday.",
            "The team fired Jim O'Brien on Monday.",
        ),
        # "another" adds one more to a series: on one day it is the other claim's order
        (
            "The governor issued another executive order on Monday banning mask mandates.",
            "The governor issued an executive order on Monday banning mask mandates.",
        ),
        # a county may hold the other claim's town
        (
            "Health officials counted 469 cases in Barnstable County from July 3 to 17.",
            "Health officials counted 469 cases in Provincetown over the July 4 weekend.",
        ),
    ],
)
def test_one_differing_slot_is_not_two_events(nlp: Language, a: str, b: str) -> None:
    fa, fb = parse_claim(nlp, a, FEB_1), parse_claim(nlp, b, FEB_1)
    assert not distinct_events(fa, fb, find_reasons(fa, fb, facts_overlap(fa, fb)))
    assert not distinct_events(fb, fa, find_reasons(fb, fa, facts_overlap(fb, fa)))
