"""Runs the chosen sets through a backend, timing each, and collects the metric rows."""

from __future__ import annotations

import sys
import time
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path

from evaluation.backend import Backend
from evaluation.gold import score_gold
from evaluation.gold_sets import score_basil, score_ecb
from evaluation.pairs import score_equate, score_falke, score_fnc1, score_reddit
from evaluation.report import MetricRow
from evaluation.summaries import score_cliff, score_goyal

SetScorer = Callable[[Backend, Path], list[MetricRow]]

SCORERS: dict[str, SetScorer] = {
    "gold": score_gold,
    "basil": score_basil,
    "ecb": score_ecb,
    "falke": score_falke,
    "equate": score_equate,
    "reddit": score_reddit,
    "cliff": score_cliff,
    "goyal": score_goyal,
    "fnc1": score_fnc1,
}
ALL_SETS: tuple[str, ...] = tuple(SCORERS)
CI_SETS: tuple[str, ...] = ("gold", "basil", "ecb", "falke")


def run_sets(
    names: Sequence[str],
    backend: Backend,
    data_dir: Path,
    scorers: dict[str, SetScorer] | None = None,
) -> list[MetricRow]:
    """Every chosen set's rows followed by its elapsed-seconds row."""
    available = SCORERS if scorers is None else scorers
    rows: list[MetricRow] = []
    for name in names:
        rows += run_one_set(name, available[name], backend, data_dir)
    return rows


def run_one_set(name: str, scorer: SetScorer, backend: Backend, data_dir: Path) -> list[MetricRow]:
    """A set's rows; a set that crashes yields one failed row instead of stopping the run."""
    started = time.perf_counter()
    try:
        rows = scorer(backend, data_dir)
    except Exception as error:
        traceback.print_exc()
        rows = [MetricRow(f"{name}.crashed", f"{name}: CRASHED ({type(error).__name__})", None)]
    elapsed = time.perf_counter() - started
    print(f"[accuracy] {name}: done in {elapsed:.1f}s", file=sys.stderr, flush=True)
    return [*rows, elapsed_row(name, elapsed)]


def elapsed_row(name: str, seconds: float) -> MetricRow:
    return MetricRow(f"{name}.elapsed_seconds", f"{name}: elapsed", seconds, unit="seconds")
