"""Threshold choice on hand-made probabilities, and the scores it is based on."""

from __future__ import annotations

import numpy as np
import pytest

from comparison.pair_judge import Thresholds
from training.scores import score
from training.thresholds import NEVER, choose_thresholds, verdicts

# columns: agree, diverge, unrelated
PROBABILITIES = np.array(
    [
        [0.05, 0.90, 0.05],  # diverge, reasons
        [0.10, 0.80, 0.10],  # diverge, reasons
        [0.20, 0.70, 0.10],  # agree, reasons: a false alarm below 0.8
        [0.10, 0.60, 0.30],  # diverge, reasons
        [0.95, 0.02, 0.03],  # agree
        [0.90, 0.05, 0.05],  # agree
        [0.80, 0.10, 0.10],  # unrelated that looks like agree
        [0.70, 0.05, 0.25],  # agree
        [0.10, 0.95, 0.05],  # unrelated with high p(diverge) but no reasons
    ]
)
REASONS = [("number",)] * 4 + [()] * 5
LABELS = [
    "diverge",
    "diverge",
    "agree",
    "diverge",
    "agree",
    "agree",
    "unrelated",
    "agree",
    "unrelated",
]


def test_scores_count_diverge_precision_recall_and_agree_precision() -> None:
    found = score(
        ["diverge", "diverge", "agree", "unrelated"], ["diverge", "agree", "agree", "diverge"]
    )

    assert (found.diverge_precision, found.diverge_recall) == (0.5, 0.5)
    assert found.diverge_f1 == pytest.approx(0.5)
    assert found.false_diverge_on_agree == 0.5
    assert found.false_diverge_on_unrelated == 0.0
    assert (found.agree_predicted, found.agree_precision, found.agree_recall) == (1, 1.0, 0.5)


def test_diverge_needs_reasons_whatever_its_probability() -> None:
    judged = verdicts(PROBABILITIES, REASONS, Thresholds(diverge=0.5, agree=0.99))

    assert judged[8] == "unrelated"
    assert judged[:4] == ["diverge"] * 4


def test_the_diverge_threshold_stops_above_the_false_alarm() -> None:
    choice = choose_thresholds(PROBABILITIES, REASONS, LABELS)

    assert choice.thresholds.diverge == pytest.approx(0.8)
    assert choice.diverge_constraints_met


def test_the_agree_threshold_is_the_lowest_with_precise_agree_verdicts() -> None:
    choice = choose_thresholds(PROBABILITIES, REASONS, LABELS)

    assert choice.thresholds.agree == pytest.approx(0.9)
    assert choice.agree_constraint_met


def test_no_feasible_agree_threshold_means_never_agree() -> None:
    labels = ["diverge"] * 4 + ["unrelated"] * 5

    choice = choose_thresholds(PROBABILITIES, REASONS, labels)

    assert choice.thresholds.agree == NEVER
    assert not choice.agree_constraint_met


def test_the_diverge_threshold_stops_above_a_false_alarm_on_unrelated() -> None:
    # 7/8 precise at 0.4, but one of four unrelated pairs (a different event) judged diverge
    p_diverge = [0.9, 0.85, 0.8, 0.75, 0.7, 0.6, 0.4, 0.5, 0.1, 0.1, 0.1]
    probabilities = np.array([[0.0, p, 1.0 - p] for p in p_diverge])
    reasons = [("date",)] * 8 + [()] * 3
    labels = ["diverge"] * 7 + ["unrelated"] * 4

    choice = choose_thresholds(probabilities, reasons, labels)

    assert choice.thresholds.diverge == pytest.approx(0.6)
    assert choice.diverge_constraints_met


def test_quote_reasons_get_a_lower_threshold_where_they_stay_precise() -> None:
    # quote reasons are right down to 0.3; a number reason at 0.7 is a look-alike fact
    p_diverge = [0.9, 0.5, 0.3, 0.95, 0.7, 0.1]
    probabilities = np.array([[0.0, p, 1.0 - p] for p in p_diverge])
    reasons = [("quote",)] * 3 + [("number",)] * 2 + [()]
    labels = ["diverge"] * 4 + ["unrelated"] * 2

    choice = choose_thresholds(probabilities, reasons, labels)

    assert choice.thresholds.diverge_quote == pytest.approx(0.3)
    assert choice.thresholds.diverge == pytest.approx(0.95)
    assert verdicts(probabilities, reasons, choice.thresholds) == [
        "diverge",
        "diverge",
        "diverge",
        "diverge",
        "unrelated",
        "unrelated",
    ]


def test_rows_the_comparator_settles_first_are_unrelated() -> None:
    compared = np.array([False] + [True] * 8)

    judged = verdicts(PROBABILITIES, REASONS, Thresholds(diverge=0.5, agree=0.5), compared)

    assert judged[0] == "unrelated"
    assert judged[1] == "diverge"


def test_the_false_diverge_limit_holds_in_each_named_set() -> None:
    # Reaching the last divergence (p 0.65) lets one false alarm (p 0.70) through: pooled, one
    # among 21 unrelated rows is under the 0.05 limit; within the small set "b" (its only
    # unrelated row) it is not, so there the threshold must stay above the alarm.
    diverging = [[0.05, 0.90, 0.05]] * 6 + [[0.15, 0.65, 0.20]]
    alarm = [[0.10, 0.70, 0.20]]
    unrelated = [[0.10, 0.10, 0.80]] * 20
    probabilities = np.array(diverging + alarm + unrelated)
    reasons = [("number",)] * 8 + [()] * 20
    labels = ["diverge"] * 7 + ["unrelated"] * 21
    sets = ["a"] * 7 + ["b"] + ["a"] * 20

    pooled = choose_thresholds(probabilities, reasons, labels)
    per_set = choose_thresholds(probabilities, reasons, labels, sets=sets)

    assert pooled.thresholds.diverge <= 0.65
    assert per_set.thresholds.diverge > 0.70
    assert verdicts(probabilities, reasons, per_set.thresholds)[7] == "unrelated"
