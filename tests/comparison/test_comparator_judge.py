"""The comparator asks the verdict judge when it has the pair's similarity."""

from __future__ import annotations

import pytest
from spacy.language import Language

from comparison import ClaimComparator, ClaimInput
from comparison.pair_features import FEATURE_NAMES
from comparison.pair_judge import LABELS, judge_from_dict
from tests.comparison.conftest import FEB_1
from tests.judge.test_pair_judge import judge_data

INJURED_12 = ClaimInput("Officials said 12 people were injured in the blast on Tuesday.", FEB_1)
INJURED_13 = ClaimInput("Officials said 13 people were injured in the blast on Tuesday.", FEB_1)
RESTATED = ClaimInput("Twelve people were injured in Tuesday's blast, officials said.", FEB_1)
PARAPHRASED = ClaimInput("The blast on Tuesday hurt a dozen people, officials said.", FEB_1)

pytestmark = pytest.mark.slow


def judging(nlp: Language, favoured: str) -> ClaimComparator:
    """A comparator whose judge always gives ``favoured`` the largest probability."""
    intercepts = [0.0, 0.0, 0.0]
    intercepts[LABELS.index(favoured)] = 5.0
    data = judge_data(coefficients=[[0.0] * len(FEATURE_NAMES)] * 3, intercepts=intercepts)
    return ClaimComparator(nlp, pair_judge=judge_from_dict(data))


def test_the_judge_can_veto_the_rules_divergence(nlp: Language) -> None:
    comparator = judging(nlp, "unrelated")

    assert comparator.compare(INJURED_12, INJURED_13).verdict == "diverge"
    assert comparator.compare(INJURED_12, INJURED_13, similarity=0.95).verdict == "unrelated"


def test_a_judged_divergence_keeps_the_rules_reasons(nlp: Language) -> None:
    result = judging(nlp, "diverge").compare(INJURED_12, INJURED_13, similarity=0.95)

    assert result.verdict == "diverge"
    assert [reason.type for reason in result.reasons] == ["number"]


def test_the_judge_never_invents_a_divergence(nlp: Language) -> None:
    result = judging(nlp, "diverge").compare(INJURED_12, RESTATED, similarity=0.9)

    assert result.verdict != "diverge"
    assert result.reasons == ()


def test_agree_on_other_words_needs_the_judges_confidence(nlp: Language) -> None:
    assert judging(nlp, "agree").compare(INJURED_12, PARAPHRASED, 0.9).verdict == "agree"
    assert judging(nlp, "unrelated").compare(INJURED_12, PARAPHRASED, 0.9).verdict == "unrelated"


def test_a_restatement_in_the_same_words_agrees_whatever_the_judge_says(nlp: Language) -> None:
    assert judging(nlp, "unrelated").compare(INJURED_12, RESTATED, 0.9).verdict == "agree"


def test_a_claim_agrees_with_itself_whatever_the_judge_says(nlp: Language) -> None:
    comparator = judging(nlp, "unrelated")
    spaced = ClaimInput("Twelve  people were injured in Tuesday's blast,  officials said.", FEB_1)

    assert comparator.compare(RESTATED, RESTATED, similarity=1.0).verdict == "agree"
    assert comparator.compare(RESTATED, spaced, similarity=1.0).verdict == "agree"
    assert comparator.compare(RESTATED, PARAPHRASED, similarity=0.9).verdict == "unrelated"
