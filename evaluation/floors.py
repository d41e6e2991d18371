"""Minimum values the CI run must reach (set just under the measured values)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from evaluation.report import MetricRow

BUILTIN = "builtin"
BUILTIN_FLOORS: dict[str, float] = {
    # measured 1.000 on 2026-11-23; with 4 diverge pairs one miss gives 0.857
    "gold.diverge_f1": 0.85,
    # measured 0.926 (25/27); one more miss gives 0.889
    "gold.match_recall_at_5": 0.88,
    # measured 0.668 on 746 pairs; five more wrong verdicts give 0.661
    "falke.balanced_accuracy": 0.66,
}


@dataclass(frozen=True, slots=True)
class FloorFailure:
    key: str
    floor: float
    value: float | None

    def __str__(self) -> str:
        shown = "missing" if self.value is None else f"{self.value:.3f}"
        return f"{self.key} = {shown}, below the floor {self.floor:.3f}"


def load_floors(spec: str) -> dict[str, float]:
    """``"builtin"`` or a JSON file ``{"metric.key": floor, ...}``."""
    if spec == BUILTIN:
        return dict(BUILTIN_FLOORS)
    loaded = json.loads(Path(spec).read_text(encoding="utf-8"))
    if not isinstance(loaded, dict):
        raise ValueError(f"{spec}: expected a JSON object of metric key → floor")
    return {str(key): float(value) for key, value in loaded.items()}


def check_floors(rows: list[MetricRow], floors: dict[str, float]) -> list[FloorFailure]:
    """Floors not reached; a metric that is missing or has no value fails too."""
    values = {row.key: row.value for row in rows}
    failures = []
    for key, floor in floors.items():
        value = values.get(key)
        if value is None or value < floor:
            failures.append(FloorFailure(key, floor, value))
    return failures
