from __future__ import annotations

import pytest

from evaluation.metrics import (
    CharSpan,
    Confusion,
    any_overlap,
    balanced_accuracy,
    confusion,
    locate,
    precision_recall_f1,
    rate,
    spans_overlap,
)

PREDICTED = [True, True, False, False, True, False]
ACTUAL = [True, False, True, False, True, False]


def test_confusion_counts() -> None:
    assert confusion(PREDICTED, ACTUAL) == Confusion(2, 1, 1, 2)


def test_precision_recall_f1_on_a_hand_computed_example() -> None:
    scores = precision_recall_f1(PREDICTED, ACTUAL)

    assert scores.precision == pytest.approx(2 / 3)
    assert scores.recall == pytest.approx(2 / 3)
    assert scores.f1 == pytest.approx(2 / 3)


def test_f1_with_unequal_precision_and_recall() -> None:
    scores = precision_recall_f1([True, True, True, True], [True, False, False, False])

    assert (scores.precision, scores.recall) == (0.25, 1.0)
    assert scores.f1 == pytest.approx(0.4)


def test_no_predicted_positives_gives_no_precision_and_zero_f1() -> None:
    scores = precision_recall_f1([False, False], [True, False])

    assert scores.precision is None
    assert scores.recall == 0.0
    assert scores.f1 == 0.0


def test_no_actual_positives_gives_no_recall_and_no_f1() -> None:
    scores = precision_recall_f1([True, False], [False, False])

    assert (scores.precision, scores.recall, scores.f1) == (0.0, None, None)


def test_f1_is_zero_when_every_positive_prediction_is_wrong() -> None:
    assert precision_recall_f1([True, False], [False, True]).f1 == 0.0


def test_balanced_accuracy_averages_both_class_recalls() -> None:
    predicted = [True, False, False, False, True, True, False, False]
    actual = [True, True, True, True, False, False, False, False]

    assert balanced_accuracy(predicted, actual) == pytest.approx((1 / 4 + 2 / 4) / 2)


def test_balanced_accuracy_needs_both_classes() -> None:
    assert balanced_accuracy([True, False], [True, True]) is None


def test_mismatched_lengths_are_rejected() -> None:
    with pytest.raises(ValueError, match="2 predictions for 1 labels"):
        confusion([True, False], [True])


def test_rate_and_its_empty_case() -> None:
    assert rate([True, False, False, True]) == 0.5
    assert rate([]) is None


def test_locate_prefers_exact_then_case_insensitive() -> None:
    text = "Enda Kenny met enda kenny."

    assert locate(text, "enda kenny") == CharSpan(15, 25)
    assert locate(text, "ENDA KENNY") == CharSpan(0, 10)
    assert locate(text, "Enda Kenny", start=1) == CharSpan(15, 25)
    assert locate(text, "Varadkar") is None
    assert locate(text, "") is None


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        (CharSpan(0, 5), CharSpan(4, 8), True),
        (CharSpan(0, 5), CharSpan(5, 8), False),
        (CharSpan(3, 4), CharSpan(0, 10), True),
        (CharSpan(6, 9), CharSpan(0, 6), False),
    ],
)
def test_spans_overlap_is_half_open(first: CharSpan, second: CharSpan, expected: bool) -> None:
    assert spans_overlap(first, second) is expected
    assert spans_overlap(second, first) is expected


def test_any_overlap() -> None:
    assert any_overlap([CharSpan(0, 2), CharSpan(10, 12)], [CharSpan(11, 20)])
    assert not any_overlap([CharSpan(0, 2)], [CharSpan(2, 4), CharSpan(5, 6)])
    assert not any_overlap([], [CharSpan(0, 1)])
