"""Positive evidence of one fact: rewrites of figures, units and names are the same fact; any
other figure, date, name, quote, stance, source or predicate is not shown to be."""

from __future__ import annotations

import pytest
from spacy.language import Language

from comparison import ClaimComparator, ClaimInput
from comparison.pair_features import FEATURE_NAMES
from comparison.pair_judge import LABELS, judge_from_dict, load_pair_judge
from comparison.same_fact import states_same_fact
from tests.comparison.conftest import FEB_1
from tests.judge.test_pair_judge import judge_data

SAME_FACT = [
    ("The Senate passed the bill on Tuesday.", "The bill was passed by the Senate on Tuesday."),
    (
        "More than 30,000 troops were sent to the border.",
        "More than thirty thousand troops were sent to the border.",
    ),
    ("The tower is 1,000 feet tall.", "The tower is about 305 meters tall."),
    ("The vote is set for 7:30 p.m. ET on Friday.", "The vote is set for 4:30 p.m. PT on Friday."),
    (
        "The company reported a loss of about $2.5 billion for the quarter.",
        "The company reported a loss of $2.46 billion for the quarter.",
    ),
    (
        "President Volodymyr Zelenskyy addressed the parliament on Friday.",
        "President Volodymyr Zelensky addressed the parliament on Friday.",
    ),
    (
        "Smith said the plan would cut taxes for families.",
        "John Smith said the plan would cut taxes for families.",
    ),
    (
        "Kelly told reporters the bill would pass.",
        "Sen. Mark Kelly told reporters the bill would pass.",
    ),
    (
        "The bill raises the minimum wage to $15 by 2025, supporters said.",
        "Supporters said the bill raises the minimum wage to $15 by 2025.",
    ),
]

NOT_SHOWN = [
    # another figure, counted thing, date or name
    ("Twelve people were injured in the blast.", "Thirteen people were injured in the blast."),
    ("Police found 12 homes damaged in the storm.", "Police found 12 cars damaged in the storm."),
    ("The mayor will visit the site on Tuesday.", "The mayor will visit the site on Thursday."),
    ("The vote is set for 7:30 p.m. ET on Friday.", "The vote is set for 5:30 p.m. PT on Friday."),
    ("The vote is set for 7:30 p.m. ET on Friday.", "The vote is set for 7:30 p.m. on Friday."),
    (
        "Former President Bill Clinton spoke at the rally.",
        "Former President Hillary Clinton spoke at the rally.",
    ),
    ("North Korea fired two missiles on Sunday.", "South Korea fired two missiles on Sunday."),
    # a figure, name or clause on one side only
    (
        "Police arrested 14 people after the protest.",
        "Police arrested 14 people, including two minors, after the protest.",
    ),
    ("The senator spoke at the rally.", "The senator spoke at the rally with Senator Jane Doe."),
    # another stance, source, quote or predicate
    ("The senator voted for the measure.", "The senator did not vote for the measure."),
    ("The senator will vote for the measure.", "The senator may vote for the measure."),
    ("All of the passengers survived the crash.", "Some of the passengers survived the crash."),
    ("Police said the suspect fled on foot.", "Witnesses said the suspect fled on foot."),
    (
        '"We will not back down from this fight," the governor said.',
        '"We will never back down from this fight," the governor said.',
    ),
    ("Officials said 30 people died in the flood.", "Officials said 30 people were rescued."),
    (
        "The company said it would cut 1,200 jobs as demand for its cars falls.",
        "The company said it would cut 1,200 jobs as demand for its cars rises.",
    ),
    ("The dog bit the man in the park.", "The man bit the dog in the park."),
    ("The incumbent almost won the seat.", "The incumbent won the seat."),
    ("Smith said the report was accurate.", "Smith denied the report was accurate."),
    (
        "Sen. Mark Kelly told reporters the bill would pass.",
        "Sen. Scott Kelly told reporters the bill would pass.",
    ),
    (
        "Mark Kelly told reporters the bill would pass.",
        "Mark Kelly told reporters the bill would easily pass.",
    ),
    ("Russia accused Ukraine of shelling a plant.", "Ukraine accused Russia of shelling a plant."),
    (
        "The museum reopened its east wing after the renovation.",
        "The museum reopened its east wing after the long renovation.",
    ),
    # a function word whose swap reverses what is said
    (
        "The senator voted for the bill on Tuesday.",
        "The senator voted against the bill on Tuesday.",
    ),
    ("The suspect was released without bail.", "The suspect was released with bail."),
    ("The senator resigned before the vote.", "The senator resigned after the vote."),
]


@pytest.mark.parametrize(("a", "b"), SAME_FACT)
def test_rewritten_figures_units_and_names_state_the_same_fact(
    comparator: ClaimComparator, a: str, b: str
) -> None:
    fa, fb = comparator.facts(ClaimInput(a, FEB_1)), comparator.facts(ClaimInput(b, FEB_1))

    assert states_same_fact(fa, fb)
    assert states_same_fact(fb, fa)


@pytest.mark.parametrize(("a", "b"), NOT_SHOWN)
def test_any_other_fact_stance_or_wording_is_not_shown_to_be_the_same(
    comparator: ClaimComparator, a: str, b: str
) -> None:
    fa, fb = comparator.facts(ClaimInput(a, FEB_1)), comparator.facts(ClaimInput(b, FEB_1))

    assert not states_same_fact(fa, fb)
    assert not states_same_fact(fb, fa)


def test_a_claim_states_the_same_fact_as_itself(comparator: ClaimComparator) -> None:
    for a, _ in [*SAME_FACT, *NOT_SHOWN]:
        facts = comparator.facts(ClaimInput(a, FEB_1))
        assert states_same_fact(facts, facts)


@pytest.mark.slow
@pytest.mark.parametrize(("a", "b"), SAME_FACT[:3])
def test_shown_agreement_stands_whatever_the_judge_says(nlp: Language, a: str, b: str) -> None:
    intercepts = [0.0, 0.0, 0.0]
    intercepts[LABELS.index("unrelated")] = 5.0
    data = judge_data(coefficients=[[0.0] * len(FEATURE_NAMES)] * 3, intercepts=intercepts)
    doubting = ClaimComparator(nlp, pair_judge=judge_from_dict(data))

    result = doubting.compare(ClaimInput(a, FEB_1), ClaimInput(b, FEB_1), similarity=0.9)

    assert result.verdict == "agree"


@pytest.mark.slow
@pytest.mark.parametrize("written", ["30 000", "thirty thousand", "30k", "30,000"])
def test_figure_formats_keep_the_shipped_judges_verdict(nlp: Language, written: str) -> None:
    shipped = ClaimComparator(nlp, pair_judge=load_pair_judge(None))
    plain = ClaimInput("More than 30,000 troops were sent to the border on Monday.", FEB_1)
    rewritten = ClaimInput(f"More than {written} troops were sent to the border on Monday.", FEB_1)

    assert shipped.compare(plain, rewritten, similarity=0.95).verdict == "agree"
    assert shipped.compare(rewritten, plain, similarity=0.95).verdict == "agree"
