"""Sentence-pair sets (Falke, EQUATE, RedditNLI, FNC-1) scored through ``/v1/compare``."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from pathlib import Path

from evaluation.backend import Backend
from evaluation.datasets import (
    LabelledPair,
    load_equate_pairs,
    load_falke_pairs,
    load_fnc1_sample,
)
from evaluation.metrics import balanced_accuracy, rate
from evaluation.report import MetricRow, Target, at_least, at_most
from evaluation.responses import CompareOutcome, compare_or_fail
from evaluation.scoring import error_rows

FNC1_PER_STANCE = 150


def compare_pairs(backend: Backend, pairs: Sequence[LabelledPair]) -> list[CompareOutcome]:
    """One undated ``/v1/compare`` call per pair (premise as ``a``, hypothesis as ``b``)."""
    return [
        compare_or_fail(partial(backend.compare, pair.premise, None, pair.hypothesis, None))
        for pair in pairs
    ]


def wrong_ids(pairs: Sequence[LabelledPair], outcomes: Sequence[CompareOutcome]) -> tuple[str, ...]:
    """Pairs whose verdict (diverge or not) disagrees with the label."""
    return tuple(
        pair.id
        for pair, outcome in zip(pairs, outcomes, strict=True)
        if outcome.is_diverge != (pair.label == "diverge")
    )


def diverge_flags(
    pairs: Sequence[LabelledPair], outcomes: Sequence[CompareOutcome]
) -> tuple[list[bool], list[bool]]:
    """(predicted diverge, labelled diverge) for each pair."""
    predicted = [outcome.is_diverge for outcome in outcomes]
    actual = [pair.label == "diverge" for pair in pairs]
    return predicted, actual


def score_falke(backend: Backend, data_dir: Path) -> list[MetricRow]:
    return balanced_accuracy_rows(
        "falke", "falke: balanced accuracy", load_falke_pairs(data_dir), backend, at_least(0.70)
    )


def balanced_accuracy_rows(
    set_name: str,
    label: str,
    pairs: Sequence[LabelledPair],
    backend: Backend,
    target: Target | None = None,
) -> list[MetricRow]:
    """The set's agree/diverge balanced accuracy (wrong pairs as misses) and its error rows."""
    outcomes = compare_pairs(backend, pairs)
    predicted, actual = diverge_flags(pairs, outcomes)
    return [
        MetricRow(
            f"{set_name}.balanced_accuracy",
            label,
            balanced_accuracy(predicted, actual),
            len(pairs),
            target=target,
            misses=wrong_ids(pairs, outcomes),
        ),
        *error_rows(set_name, outcomes),
    ]


def score_equate(backend: Backend, data_dir: Path) -> list[MetricRow]:
    """Entailment rows of NewsNLI and RTE-Quant: how often they are wrongly flagged."""
    rows: list[MetricRow] = []
    all_flags: list[bool] = []
    all_outcomes: list[CompareOutcome] = []
    for subset in ("NewsNLI", "RTE_Quant"):
        pairs = load_equate_pairs(data_dir, subset, "entailment")
        outcomes = compare_pairs(backend, pairs)
        flags = [outcome.is_diverge for outcome in outcomes]
        rows.append(
            MetricRow(
                f"equate.{subset.lower()}_entailment_to_diverge",
                f"equate: {subset} entailment → diverge",
                rate(flags),
                len(flags),
                misses=wrong_ids(pairs, outcomes),
            )
        )
        all_flags += flags
        all_outcomes += outcomes
    rows.append(
        MetricRow(
            "equate.entailment_to_diverge",
            "equate: entailment → diverge (both)",
            rate(all_flags),
            len(all_flags),
            target=at_most(0.10),
        )
    )
    return rows + error_rows("equate", all_outcomes)


def score_reddit(backend: Backend, data_dir: Path) -> list[MetricRow]:
    pairs = load_equate_pairs(data_dir, "RedditNLI", "contradiction")
    outcomes = compare_pairs(backend, pairs)
    return [
        MetricRow(
            "reddit.contradiction_recall",
            "reddit: contradiction recall",
            rate(outcome.is_diverge for outcome in outcomes),
            len(pairs),
            target=at_least(0.60),
            misses=wrong_ids(pairs, outcomes),
        ),
        *error_rows("reddit", outcomes),
    ]


def score_fnc1(backend: Backend, data_dir: Path) -> list[MetricRow]:
    pairs = load_fnc1_sample(data_dir, per_stance=FNC1_PER_STANCE)
    return balanced_accuracy_rows("fnc1", "fnc1: agree/disagree balanced accuracy", pairs, backend)
