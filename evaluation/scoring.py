"""Rows shared by every set: failed API calls."""

from __future__ import annotations

from collections.abc import Sequence

from evaluation.report import MetricRow, at_most
from evaluation.responses import CompareOutcome


def error_rows(set_name: str, outcomes: Sequence[CompareOutcome]) -> list[MetricRow]:
    """One row counting failed ``/v1/compare`` calls, only when there were some."""
    failures = sum(outcome.failed for outcome in outcomes)
    if failures == 0:
        return []
    return [
        MetricRow(
            f"{set_name}.api_errors",
            f"{set_name}: failed API calls",
            float(failures),
            len(outcomes),
            target=at_most(0),
            unit="count",
        )
    ]
