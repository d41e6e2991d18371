"""Choosing the judge's two thresholds on cross-validated tune predictions.

``diverge``: the highest diverge F1 whose precision is at least ``MIN_DIVERGE_PRECISION`` and
whose false-diverge rates on gold ``agree`` pairs and on gold ``unrelated`` pairs (different
events, look-alike facts) are at most ``MAX_FALSE_DIVERGE_ON_AGREE`` and
``MAX_FALSE_DIVERGE_ON_UNRELATED``: the acceptance limits, held on the tune part too.
``agree``: the lowest threshold (most agree verdicts) whose agree precision is at least
``MIN_AGREE_PRECISION``, among the pairs not judged ``diverge``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from comparison.pair_judge import LABELS, Thresholds
from training.scores import Score, score

MIN_DIVERGE_PRECISION = 0.85
MAX_FALSE_DIVERGE_ON_AGREE = 0.05
MAX_FALSE_DIVERGE_ON_UNRELATED = 0.05
MIN_AGREE_PRECISION = 0.9
NEVER = 1.0 + 1e-6  # a threshold no probability reaches

FloatArray = npt.NDArray[np.float64]
DIVERGE, AGREE = LABELS.index("diverge"), LABELS.index("agree")


@dataclass(frozen=True, slots=True)
class ThresholdChoice:
    thresholds: Thresholds
    diverge_constraints_met: bool
    agree_constraint_met: bool


def verdicts(
    probabilities: FloatArray, has_reasons: npt.NDArray[np.bool_], thresholds: Thresholds
) -> list[str]:
    """The judge's decision for many rows at once (same rule as ``PairJudge.decide``)."""
    diverge = has_reasons & (probabilities[:, DIVERGE] >= thresholds.diverge)
    agree = probabilities[:, AGREE] >= thresholds.agree
    return [
        "diverge" if d else "agree" if a else "unrelated"
        for d, a in zip(diverge, agree, strict=True)
    ]


def choose_thresholds(
    probabilities: FloatArray, has_reasons: npt.NDArray[np.bool_], labels: list[str]
) -> ThresholdChoice:
    diverge, diverge_met = _diverge_threshold(probabilities, has_reasons, labels)
    agree, agree_met = _agree_threshold(probabilities, has_reasons, labels, diverge)
    return ThresholdChoice(Thresholds(diverge=diverge, agree=agree), diverge_met, agree_met)


def _candidates(values: FloatArray) -> list[float]:
    return sorted({float(v) for v in values}, reverse=True)


def _diverge_threshold(
    probabilities: FloatArray, has_reasons: npt.NDArray[np.bool_], labels: list[str]
) -> tuple[float, bool]:
    """Highest F1 under both constraints; ties go to the higher (safer) threshold."""
    best: tuple[float, float] | None = None  # (f1, threshold)
    fallback: tuple[float, float, float] = (-1.0, -1.0, NEVER)  # (precision, recall, threshold)
    for threshold in _candidates(probabilities[has_reasons, DIVERGE]):
        found = score(verdicts(probabilities, has_reasons, Thresholds(threshold, NEVER)), labels)
        if _diverge_ok(found) and (best is None or found.diverge_f1 > best[0]):
            best = (found.diverge_f1, threshold)
        fallback = max(fallback, (found.diverge_precision, found.diverge_recall, threshold))
    if best is not None:
        return best[1], True
    return (fallback[2] if fallback[0] > 0 else NEVER), False


def _diverge_ok(found: Score) -> bool:
    return (
        found.diverge_predicted > 0
        and found.diverge_precision >= MIN_DIVERGE_PRECISION
        and found.false_diverge_on_agree <= MAX_FALSE_DIVERGE_ON_AGREE
        and found.false_diverge_on_unrelated <= MAX_FALSE_DIVERGE_ON_UNRELATED
    )


def _agree_threshold(
    probabilities: FloatArray,
    has_reasons: npt.NDArray[np.bool_],
    labels: list[str],
    diverge: float,
) -> tuple[float, bool]:
    """Lowest threshold whose agree precision reaches the floor (so the most agree verdicts)."""
    feasible = NEVER
    for threshold in _candidates(probabilities[:, AGREE]):
        found = score(verdicts(probabilities, has_reasons, Thresholds(diverge, threshold)), labels)
        if found.agree_predicted and found.agree_precision >= MIN_AGREE_PRECISION:
            feasible = threshold
    return feasible, feasible != NEVER
