"""Limits the CI run must respect: floors (minimum) and ceilings (maximum) per metric key.

Gold-set limits sit on the *check* parts only (the *tune* parts are what rules are tuned on);
Falke is an external set. Each limit is set so that the values measured on 2026-11-30 pass
with one more wrong verdict of either kind and fail with two (swap changes must stay 0); the
lead re-sets them as the engine improves.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from evaluation.report import MetricRow

BUILTIN = "builtin"
BUILTIN_FLOORS: dict[str, float] = {
    # 1.000: one true diverge, no false alarm in 10 pairs; one false alarm gives 0.667
    "gold.check.diverge_f1": 0.66,
    # 0.857 (6/7); one more miss gives 0.714
    "gold.check.match_recall_at_5": 0.71,
    # 0.327 (TP 9, FP 9, FN 28); one more miss gives 0.296
    "basil.check.diverge_f1": 0.29,
    # 0.222 (TP 2, FP 10, FN 4); one more miss gives 0.118
    "ecb.check.diverge_f1": 0.11,
    # 0.668 on 746 pairs (2026-11-23); five more wrong verdicts give 0.661
    "falke.balanced_accuracy": 0.66,
}
BUILTIN_CEILINGS: dict[str, float] = {
    # false diverges: 0/4, 6/47 (0.128), 2/10 (0.200); one more gives 0.25, 0.149, 0.300
    "gold.check.agree_to_diverge": 0.25,
    "basil.check.agree_to_diverge": 0.15,
    "ecb.check.agree_to_diverge": 0.30,
    # false alarms on look-alikes: 3/23 (0.130), 8/23 (0.348); one more gives 0.174, 0.391
    "basil.check.unrelated_to_diverge": 0.18,
    "ecb.check.different_event_to_diverge": 0.40,
    # false corroboration: 16/23 (0.696), 14/23 (0.609); one more gives 0.739, 0.652
    "basil.check.unrelated_to_agree": 0.74,
    "ecb.check.different_event_to_agree": 0.66,
    # a verdict must not depend on the order of the sides (measured 0 everywhere)
    "gold.check.swap_changes": 0,
    "basil.check.swap_changes": 0,
    "ecb.check.swap_changes": 0,
}

Kind = Literal["floor", "ceiling"]


@dataclass(frozen=True, slots=True)
class Limits:
    floors: dict[str, float]
    ceilings: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class LimitFailure:
    key: str
    kind: Kind
    bound: float
    value: float | None

    @property
    def headline(self) -> str:
        return "BELOW FLOOR" if self.kind == "floor" else "ABOVE CEILING"

    def __str__(self) -> str:
        shown = "missing" if self.value is None else f"{self.value:.3f}"
        side = "below" if self.kind == "floor" else "above"
        return f"{self.key} = {shown}, {side} the {self.kind} {self.bound:.3f}"


def builtin_limits() -> Limits:
    return Limits(dict(BUILTIN_FLOORS), dict(BUILTIN_CEILINGS))


def load_limits(spec: str) -> Limits:
    """``"builtin"``, or a JSON file: ``{"floors": {key: min}, "ceilings": {key: max}}``,
    or a flat ``{key: min}`` (floors only)."""
    if spec == BUILTIN:
        return builtin_limits()
    loaded = json.loads(Path(spec).read_text(encoding="utf-8"))
    if not isinstance(loaded, dict):
        raise ValueError(f"{spec}: expected a JSON object of metric key → floor")
    if set(loaded) <= {"floors", "ceilings"}:
        return Limits(_bounds(loaded.get("floors", {})), _bounds(loaded.get("ceilings", {})))
    return Limits(_bounds(loaded))


def _bounds(values: Any) -> dict[str, float]:
    if not isinstance(values, dict):
        raise ValueError("expected a JSON object of metric key → bound")
    return {str(key): float(value) for key, value in values.items()}


def check_limits(rows: list[MetricRow], limits: Limits) -> list[LimitFailure]:
    """Limits not respected; a metric that is missing or has no value fails too."""
    values = {row.key: row.value for row in rows}
    failures = []
    for key, floor in limits.floors.items():
        value = values.get(key)
        if value is None or value < floor:
            failures.append(LimitFailure(key, "floor", floor, value))
    for key, ceiling in limits.ceilings.items():
        value = values.get(key)
        if value is None or value > ceiling:
            failures.append(LimitFailure(key, "ceiling", ceiling, value))
    return failures
