"""Metric rows and the one table the benchmark prints."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from evaluation.intervals import Interval

Unit = Literal["ratio", "count", "seconds"]


@dataclass(frozen=True, slots=True)
class Target:
    comparison: Literal[">=", "<="]
    threshold: float

    def met_by(self, value: float) -> bool:
        if self.comparison == ">=":
            return value >= self.threshold
        return value <= self.threshold

    def __str__(self) -> str:
        return f"{self.comparison} {_number(self.threshold)}"


def at_least(threshold: float) -> Target:
    return Target(">=", threshold)


def at_most(threshold: float) -> Target:
    return Target("<=", threshold)


@dataclass(frozen=True, slots=True)
class MetricRow:
    key: str
    label: str
    value: float | None
    n: int | None = None
    target: Target | None = None
    unit: Unit = "ratio"
    misses: tuple[str, ...] = ()
    """Ids of the items that count against the metric (for diagnosis)."""
    interval: Interval | None = None
    """95% cluster bootstrap interval of the value, where one was computed."""

    @property
    def status(self) -> str:
        if self.target is None:
            return ""
        if self.value is None:
            return "n/a"
        return "pass" if self.target.met_by(self.value) else "FAIL"

    def to_json(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "label": self.label,
            "value": self.value,
            "n": self.n,
            "interval": None if self.interval is None else [self.interval.low, self.interval.high],
            "target": str(self.target) if self.target else None,
            "status": self.status or None,
            "misses": list(self.misses),
        }


HEADER = ("metric", "value", "95% CI", "n", "target", "result")


def format_table(rows: list[MetricRow]) -> str:
    cells = [HEADER, *(_cells(row) for row in rows)]
    widths = [max(len(line[column]) for line in cells) for column in range(len(HEADER))]
    lines = [_line(line, widths) for line in cells]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines)


def format_misses(rows: list[MetricRow], limit: int = 20) -> str:
    """One line per metric with misses: its key and the first ``limit`` item ids."""
    lines = []
    for row in rows:
        if row.misses:
            shown = ", ".join(row.misses[:limit])
            more = f" (+{len(row.misses) - limit} more)" if len(row.misses) > limit else ""
            lines.append(f"{row.key}: {shown}{more}")
    return "\n".join(lines)


def _cells(row: MetricRow) -> tuple[str, str, str, str, str, str]:
    return (
        row.label,
        _value(row),
        _interval(row),
        "" if row.n is None else str(row.n),
        "" if row.target is None else str(row.target),
        row.status,
    )


def _line(cells: tuple[str, ...], widths: list[int]) -> str:
    first, *rest = cells
    aligned = [first.ljust(widths[0])]
    aligned += [cell.rjust(width) for cell, width in zip(rest, widths[1:], strict=True)]
    return "  ".join(aligned).rstrip()


def _value(row: MetricRow) -> str:
    if row.value is None:
        return "n/a"
    if row.unit == "count":
        return str(int(row.value))
    if row.unit == "seconds":
        return f"{row.value:.1f}s"
    return f"{row.value:.3f}"


def _interval(row: MetricRow) -> str:
    if row.interval is None:
        return ""
    if row.unit == "count":
        return f"[{row.interval.low:g}, {row.interval.high:g}]"
    return str(row.interval)


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"
