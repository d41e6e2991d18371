"""Choosing the judge's thresholds on cross-validated tune predictions.

``diverge`` (one threshold for pairs whose reasons include a quote or fill one slot, as
``comparison.pair_judge.takes_quote_threshold`` says, one for the others, chosen
together): the highest diverge F1 whose precision is at least ``MIN_DIVERGE_PRECISION`` and
whose false-diverge rates on gold ``agree`` pairs and on gold ``unrelated`` pairs (different
events, look-alike facts) are at most ``MAX_FALSE_DIVERGE_ON_AGREE`` and
``MAX_FALSE_DIVERGE_ON_UNRELATED``: the acceptance limits, held on the tune part too, and in
each set of rows on its own when ``sets`` names them (acceptance measures each set apart: a
threshold that keeps the pooled rate under the limit can still let one set's look-alike
events through).
``agree``: the lowest threshold (most agree verdicts) whose agree precision is at least
``MIN_AGREE_PRECISION``, among the pairs not judged ``diverge``.

Rows the comparator settles before asking the judge (different events, nothing shared) are
``unrelated`` whatever their probabilities: ``compared`` marks the others.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from comparison.pair_judge import LABELS, Thresholds, takes_quote_threshold
from training.scores import Score, score

MIN_DIVERGE_PRECISION = 0.85
MAX_FALSE_DIVERGE_ON_AGREE = 0.05
MAX_FALSE_DIVERGE_ON_UNRELATED = 0.05
MIN_AGREE_PRECISION = 0.9
NEVER = 1.0 + 1e-6  # a threshold no probability reaches

FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]
ReasonTypes = Sequence[tuple[str, ...]]
DIVERGE, AGREE = LABELS.index("diverge"), LABELS.index("agree")


@dataclass(frozen=True, slots=True)
class ThresholdChoice:
    thresholds: Thresholds
    diverge_constraints_met: bool
    agree_constraint_met: bool


def verdicts(
    probabilities: FloatArray,
    reason_types: ReasonTypes,
    thresholds: Thresholds,
    compared: BoolArray | None = None,
) -> list[str]:
    """The judge's decision for many rows at once (same rule as ``PairJudge.decide``)."""
    needed = np.array([thresholds.diverge_for(types) for types in reason_types])
    fired = np.array([bool(types) for types in reason_types], dtype=bool)
    diverge = fired & (probabilities[:, DIVERGE] >= needed)
    agree = probabilities[:, AGREE] >= thresholds.agree
    asked = np.ones(len(fired), dtype=bool) if compared is None else compared
    return [
        "unrelated" if not c else "diverge" if d else "agree" if a else "unrelated"
        for c, d, a in zip(asked, diverge, agree, strict=True)
    ]


def choose_thresholds(
    probabilities: FloatArray,
    reason_types: ReasonTypes,
    labels: list[str],
    compared: BoolArray | None = None,
    sets: Sequence[str] | None = None,
) -> ThresholdChoice:
    quote, other, diverge_met = _diverge_thresholds(
        probabilities, reason_types, labels, compared, sets
    )
    chosen = Thresholds(diverge=other, agree=NEVER, diverge_quote=quote)
    agree, agree_met = _agree_threshold(probabilities, reason_types, labels, chosen, compared)
    return ThresholdChoice(
        Thresholds(diverge=other, agree=agree, diverge_quote=quote), diverge_met, agree_met
    )


def _candidates(values: FloatArray) -> list[float]:
    return [*sorted({float(v) for v in values}, reverse=True), NEVER]


def _diverge_thresholds(
    probabilities: FloatArray,
    reason_types: ReasonTypes,
    labels: list[str],
    compared: BoolArray | None,
    sets: Sequence[str] | None,
) -> tuple[float, float, bool]:
    """(quote, other): the highest F1 under every constraint; ties go to the higher (safer)
    thresholds. With none feasible, the most precise pair of thresholds. The quote threshold
    is tried at the probabilities of quote rows only: the few rows whose reasons fill one slot
    share it (``takes_quote_threshold``) but do not set it."""
    groups = _row_groups(sets)
    quoted = np.array(["quote" in types for types in reason_types], dtype=bool)
    sharing = np.array([takes_quote_threshold(types) for types in reason_types], dtype=bool)
    fired = np.array([bool(types) for types in reason_types], dtype=bool)
    p_diverge = probabilities[:, DIVERGE]
    best: tuple[float, float, float, float] | None = None  # (f1, sum, quote, other)
    fallback = (-1.0, -1.0, NEVER, NEVER)  # (precision, recall, quote, other)
    for quote in _candidates(p_diverge[fired & quoted]):
        for other in _candidates(p_diverge[fired & ~sharing]):
            thresholds = Thresholds(diverge=other, agree=NEVER, diverge_quote=quote)
            judged = verdicts(probabilities, reason_types, thresholds, compared)
            found = score(judged, labels)
            ranked = (found.diverge_f1, quote + other)
            feasible = _diverge_ok(found) and _each_set_ok(judged, labels, groups)
            if feasible and (best is None or ranked > best[:2]):
                best = (*ranked, quote, other)
            fallback = max(fallback, (found.diverge_precision, found.diverge_recall, quote, other))
    if best is not None:
        return best[2], best[3], True
    if fallback[0] > 0:
        return fallback[2], fallback[3], False
    return NEVER, NEVER, False


def _diverge_ok(found: Score) -> bool:
    return (
        found.diverge_predicted > 0
        and found.diverge_precision >= MIN_DIVERGE_PRECISION
        and found.false_diverge_on_agree <= MAX_FALSE_DIVERGE_ON_AGREE
        and found.false_diverge_on_unrelated <= MAX_FALSE_DIVERGE_ON_UNRELATED
    )


def _row_groups(sets: Sequence[str] | None) -> list[list[int]]:
    """Row indices of each named set; none when the rows are not named."""
    if sets is None:
        return []
    rows: dict[str, list[int]] = {}
    for index, name in enumerate(sets):
        rows.setdefault(name, []).append(index)
    return list(rows.values())


def _each_set_ok(judged: list[str], labels: list[str], groups: list[list[int]]) -> bool:
    """The false-diverge limits hold in every set of rows on its own."""
    for rows in groups:
        found = score([judged[i] for i in rows], [labels[i] for i in rows])
        if (
            found.false_diverge_on_agree > MAX_FALSE_DIVERGE_ON_AGREE
            or found.false_diverge_on_unrelated > MAX_FALSE_DIVERGE_ON_UNRELATED
        ):
            return False
    return True


def _agree_threshold(
    probabilities: FloatArray,
    reason_types: ReasonTypes,
    labels: list[str],
    diverge: Thresholds,
    compared: BoolArray | None,
) -> tuple[float, bool]:
    """Lowest threshold whose agree precision reaches the floor (so the most agree verdicts)."""
    feasible = NEVER
    for threshold in _candidates(probabilities[:, AGREE])[:-1]:
        thresholds = Thresholds(diverge.diverge, threshold, diverge.diverge_quote)
        found = score(verdicts(probabilities, reason_types, thresholds, compared), labels)
        if found.agree_predicted and found.agree_precision >= MIN_AGREE_PRECISION:
            feasible = threshold
    return feasible, feasible != NEVER
