"""Fitting the multinomial logistic regression and exporting it in the judge's JSON form."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold
from threadpoolctl import threadpool_limits

from comparison.pair_judge import LABELS

RANDOM_STATE = 0
FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True, slots=True)
class LabelledRows:
    features: FloatArray
    labels: npt.NDArray[np.str_]
    weights: FloatArray

    def __len__(self) -> int:
        return len(self.labels)

    def subset(self, index: npt.NDArray[np.int_]) -> LabelledRows:
        return LabelledRows(self.features[index], self.labels[index], self.weights[index])

    def plus(self, other: LabelledRows) -> LabelledRows:
        return LabelledRows(
            np.vstack([self.features, other.features]),
            np.concatenate([self.labels, other.labels]),
            np.concatenate([self.weights, other.weights]),
        )


@dataclass(frozen=True, slots=True)
class FittedModel:
    means: FloatArray
    scales: FloatArray
    coefficients: FloatArray  # rows in LABELS order
    intercepts: FloatArray

    def probabilities(self, features: FloatArray) -> FloatArray:
        logits = ((features - self.means) / self.scales) @ self.coefficients.T + self.intercepts
        logits -= logits.max(axis=1, keepdims=True)
        exp = np.exp(logits)
        result: FloatArray = exp / exp.sum(axis=1, keepdims=True)
        return result


def fit(rows: LabelledRows, regularisation: float) -> FittedModel:
    """Standardise, then fit; the coefficients come back in ``LABELS`` order."""
    means = rows.features.mean(axis=0)
    scales = rows.features.std(axis=0)
    scales[scales < 1e-9] = 1.0
    model = LogisticRegression(C=regularisation, max_iter=2000, random_state=RANDOM_STATE)
    with threadpool_limits(limits=1):  # tiny problem: threads only contend (50x slower)
        model.fit((rows.features - means) / scales, rows.labels, sample_weight=rows.weights)
    order = [list(model.classes_).index(label) for label in LABELS]
    return FittedModel(means, scales, model.coef_[order], model.intercept_[order])


def out_of_fold_probabilities(
    always: LabelledRows,
    folded: LabelledRows,
    groups: Sequence[str],
    regularisation: float,
    folds: int = 5,
    always_groups: Sequence[str | None] | None = None,
) -> FloatArray:
    """Probabilities of each ``folded`` row from a model that never saw its group; the
    ``always`` rows (generated pairs) are in every training fold, except those whose entry in
    ``always_groups`` names a group held out (pairs made from that group's own rows)."""
    probabilities = np.zeros((len(folded), len(LABELS)))
    splitter = GroupKFold(n_splits=folds)
    for train, held_out in splitter.split(folded.features, folded.labels, groups=list(groups)):
        kept = always
        if always_groups is not None:
            held = {groups[i] for i in held_out}
            kept = always.subset(
                np.array([i for i, g in enumerate(always_groups) if g not in held], dtype=int)
            )
        model = fit(kept.plus(folded.subset(train)), regularisation)
        probabilities[held_out] = model.probabilities(folded.features[held_out])
    return probabilities


def log_loss(probabilities: FloatArray, labels: npt.NDArray[np.str_]) -> float:
    index = np.array([LABELS.index(label) for label in labels])
    picked = probabilities[np.arange(len(index)), index]
    return float(-np.mean(np.log(np.clip(picked, 1e-9, 1.0))))
