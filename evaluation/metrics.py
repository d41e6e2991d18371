"""Plain metric arithmetic: confusion counts, F1, balanced accuracy, rates, span overlap.

Every ratio is ``None`` when its denominator is empty, so "no data" never reads as 0 or 1;
F1 is 0 when there are positives but nothing was predicted positive.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Confusion:
    true_positives: int
    false_positives: int
    false_negatives: int
    true_negatives: int


@dataclass(frozen=True, slots=True)
class PrecisionRecallF1:
    precision: float | None
    recall: float | None
    f1: float | None


@dataclass(frozen=True, slots=True)
class CharSpan:
    """A half-open character range ``[start, end)`` of some text."""

    start: int
    end: int


def ratio(numerator: int | float, denominator: int | float) -> float | None:
    return None if denominator == 0 else numerator / denominator


def confusion(predicted: Sequence[bool], actual: Sequence[bool]) -> Confusion:
    """Counts for a binary task; ``True`` is the positive class."""
    if len(predicted) != len(actual):
        raise ValueError(f"{len(predicted)} predictions for {len(actual)} labels")
    pairs = list(zip(predicted, actual, strict=True))
    return Confusion(
        true_positives=sum(p and a for p, a in pairs),
        false_positives=sum(p and not a for p, a in pairs),
        false_negatives=sum(a and not p for p, a in pairs),
        true_negatives=sum(not p and not a for p, a in pairs),
    )


def precision_recall_f1(predicted: Sequence[bool], actual: Sequence[bool]) -> PrecisionRecallF1:
    counts = confusion(predicted, actual)
    precision = ratio(counts.true_positives, counts.true_positives + counts.false_positives)
    recall = ratio(counts.true_positives, counts.true_positives + counts.false_negatives)
    if recall is None:
        return PrecisionRecallF1(precision, recall, None)
    if precision is None:
        return PrecisionRecallF1(precision, recall, 0.0)
    f1 = ratio(2 * precision * recall, precision + recall)
    return PrecisionRecallF1(precision, recall, 0.0 if f1 is None else f1)


def balanced_accuracy(predicted: Sequence[bool], actual: Sequence[bool]) -> float | None:
    """Mean of the recall on positives and the recall on negatives."""
    counts = confusion(predicted, actual)
    positive_recall = ratio(counts.true_positives, counts.true_positives + counts.false_negatives)
    negative_recall = ratio(counts.true_negatives, counts.true_negatives + counts.false_positives)
    if positive_recall is None or negative_recall is None:
        return None
    return (positive_recall + negative_recall) / 2


def rate(flags: Iterable[bool]) -> float | None:
    """Share of ``True`` among the flags."""
    values = list(flags)
    return ratio(sum(values), len(values))


def mean(values: Iterable[float]) -> float | None:
    items = list(values)
    return ratio(sum(items), len(items))


def locate(text: str, fragment: str, start: int = 0) -> CharSpan | None:
    """Where ``fragment`` occurs in ``text`` (exact first, then case-insensitive)."""
    if not fragment:
        return None
    index = text.find(fragment, start)
    if index < 0:
        index = text.casefold().find(fragment.casefold(), start)
    return None if index < 0 else CharSpan(index, index + len(fragment))


def spans_overlap(first: CharSpan, second: CharSpan) -> bool:
    return first.start < second.end and second.start < first.end


def any_overlap(predicted: Iterable[CharSpan], gold: Iterable[CharSpan]) -> bool:
    gold_spans = list(gold)
    return any(spans_overlap(p, g) for p in predicted for g in gold_spans)
