"""The learned pair judge: a multinomial logistic regression over ``pair_features``.

Weights, standardisation and decision thresholds live in a small JSON file shipped with the
package (``comparison/data/pair_judge.json``, written by ``python -m training.train_judge``).
Inference is a few numpy operations. Decision, as trained for: ``diverge`` only when the rules
found reasons (they explain the verdict) and p(diverge) reaches its threshold, which is lower
when a quote reason is among them (words that differ inside two renderings of one utterance
are the most reliable reason on real cross-outlet pairs) or a number or date reason fills one
slot of two claims of one news cycle (``comparison.slots``); otherwise ``agree`` when p(agree)
reaches its threshold; otherwise ``unrelated``.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from comparison.model import Verdict
from comparison.pair_features import FEATURE_NAMES
from comparison.slots import SAME_SLOT

LABELS: tuple[Verdict, ...] = ("agree", "diverge", "unrelated")
PACKAGED_FILE = "pair_judge.json"

FloatArray = npt.NDArray[np.float64]


class PairJudgeLoadError(ValueError):
    """The judge file is missing, malformed, or was trained on other features."""


@dataclass(frozen=True, slots=True)
class Thresholds:
    diverge: float
    agree: float
    # when a quote reason is among them, or one fills one slot; None: ``diverge``
    diverge_quote: float | None = None

    def diverge_for(self, reason_types: Collection[str]) -> float:
        """The p(diverge) the reasons of these types need."""
        if self.diverge_quote is not None and takes_quote_threshold(reason_types):
            return self.diverge_quote
        return self.diverge


def takes_quote_threshold(reason_types: Collection[str]) -> bool:
    """A quote reason, or a number or date reason that fills one slot (``comparison.slots``):
    one detail rendered two ways."""
    return "quote" in reason_types or SAME_SLOT in reason_types


@dataclass(frozen=True)
class PairJudge:
    """Class probabilities of a feature vector, and the verdict they lead to."""

    means: FloatArray
    scales: FloatArray
    coefficients: FloatArray  # one row per label in LABELS, one column per feature
    intercepts: FloatArray
    thresholds: Thresholds
    training: Mapping[str, Any] = field(default_factory=dict)

    def probabilities(self, features: npt.ArrayLike) -> dict[str, float]:
        """p(agree), p(diverge), p(unrelated) for one vector in ``FEATURE_NAMES`` order."""
        row = self.probability_matrix(np.atleast_2d(np.asarray(features, dtype=np.float64)))[0]
        return {label: float(p) for label, p in zip(LABELS, row, strict=True)}

    def probability_matrix(self, features: FloatArray) -> FloatArray:
        """Probabilities of many vectors at once: shape (n, len(LABELS))."""
        if features.shape[-1] != len(FEATURE_NAMES):
            raise ValueError(f"expected {len(FEATURE_NAMES)} features, got {features.shape[-1]}")
        logits = ((features - self.means) / self.scales) @ self.coefficients.T + self.intercepts
        logits -= logits.max(axis=1, keepdims=True)
        exp = np.exp(logits)
        probabilities: FloatArray = exp / exp.sum(axis=1, keepdims=True)
        return probabilities

    def decide(self, probabilities: Mapping[str, float], reason_types: Collection[str]) -> Verdict:
        """The verdict the thresholds give; ``diverge`` needs reasons from the rules."""
        return decide(probabilities, reason_types, self.thresholds)

    def verdict(self, features: npt.ArrayLike, reason_types: Collection[str]) -> Verdict:
        return self.decide(self.probabilities(features), reason_types)


def decide(
    probabilities: Mapping[str, float], reason_types: Collection[str], thresholds: Thresholds
) -> Verdict:
    """``reason_types``: the types of the reasons the rules found (empty when none)."""
    if reason_types and probabilities["diverge"] >= thresholds.diverge_for(reason_types):
        return "diverge"
    if probabilities["agree"] >= thresholds.agree:
        return "agree"
    return "unrelated"


def load_pair_judge(path: Path | None = None) -> PairJudge:
    """The judge in ``path``, or the packaged one (read once per process)."""
    if path is None:
        return _packaged_judge()
    return judge_from_dict(_read_json(path))


@functools.cache
def _packaged_judge() -> PairJudge:
    source = resources.files("comparison") / "data" / PACKAGED_FILE
    try:
        text = source.read_text(encoding="utf-8")
    except OSError as error:
        raise PairJudgeLoadError(f"no packaged pair judge: {error}") from error
    return judge_from_dict(_parse(text, PACKAGED_FILE))


def _read_json(path: Path) -> Mapping[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise PairJudgeLoadError(f"cannot read pair judge {path}: {error}") from error
    return _parse(text, str(path))


def _parse(text: str, where: str) -> Mapping[str, Any]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise PairJudgeLoadError(f"pair judge {where} is not JSON: {error}") from error
    if not isinstance(data, dict):
        raise PairJudgeLoadError(f"pair judge {where} is not a JSON object")
    return data


def judge_from_dict(data: Mapping[str, Any]) -> PairJudge:
    """Build a judge from the JSON structure ``training.train_judge`` writes, checking it."""
    _check_names(data.get("feature_names"), list(FEATURE_NAMES), "feature_names")
    _check_names(data.get("labels"), list(LABELS), "labels")
    try:
        judge = PairJudge(
            means=_array(data["means"], (len(FEATURE_NAMES),)),
            scales=_array(data["scales"], (len(FEATURE_NAMES),)),
            coefficients=_array(data["coefficients"], (len(LABELS), len(FEATURE_NAMES))),
            intercepts=_array(data["intercepts"], (len(LABELS),)),
            thresholds=_thresholds(data["thresholds"]),
            training=dict(data.get("training", {})),
        )
    except (KeyError, TypeError, ValueError) as error:
        raise PairJudgeLoadError(f"malformed pair judge: {error!r}") from error
    if np.any(judge.scales <= 0):
        raise PairJudgeLoadError("pair judge scales must be positive")
    return judge


def _thresholds(values: Mapping[str, Any]) -> Thresholds:
    quote = values.get("diverge_quote")
    return Thresholds(
        diverge=float(values["diverge"]),
        agree=float(values["agree"]),
        diverge_quote=None if quote is None else float(quote),
    )


def _check_names(found: object, expected: list[str], what: str) -> None:
    if found != expected:
        missing = [name for name in expected if not isinstance(found, list) or name not in found]
        raise PairJudgeLoadError(
            f"pair judge {what} do not match this code (retrain with `make judge`); "
            f"expected {len(expected)}, file has "
            f"{len(found) if isinstance(found, list) else found!r}; missing: {missing[:5]}"
        )


def _array(values: object, shape: tuple[int, ...]) -> FloatArray:
    array = np.asarray(values, dtype=np.float64)
    if array.shape != shape:
        raise ValueError(f"expected shape {shape}, got {array.shape}")
    if not np.all(np.isfinite(array)):
        raise ValueError("non-finite weights")
    return array
