from __future__ import annotations

import json
from pathlib import Path

import pytest

from evaluation.floors import BUILTIN_FLOORS, check_floors, load_floors
from evaluation.report import (
    MetricRow,
    at_least,
    at_most,
    format_misses,
    format_table,
)

ROWS = [
    MetricRow("gold.diverge_f1", "gold: diverge F1", 0.75, 31, target=at_least(0.80)),
    MetricRow("gold.agree_to_diverge", "gold: agree → diverge", 0.05, 19, target=at_most(0.10)),
    MetricRow("gold.span_overlap", "gold: span overlap", None, 0),
    MetricRow("gold.boilerplate", "gold: boilerplate", 2.0, 4, target=at_most(0), unit="count"),
    MetricRow("gold.elapsed_seconds", "gold: elapsed", 3.14159, unit="seconds"),
]


def test_table_shows_value_target_and_result_per_metric() -> None:
    lines = format_table(ROWS).splitlines()

    assert lines[0].split() == ["metric", "value", "n", "target", "result"]
    assert lines[2].split()[-5:] == ["0.750", "31", ">=", "0.8", "FAIL"]
    assert lines[3].split()[-5:] == ["0.050", "19", "<=", "0.1", "pass"]
    assert lines[4].split()[-2:] == ["n/a", "0"]
    assert lines[5].split()[-5:] == ["2", "4", "<=", "0", "FAIL"]
    assert lines[6].endswith("3.1s")


def test_status_of_a_missing_value_with_a_target_is_na() -> None:
    assert MetricRow("x", "x", None, target=at_least(0.5)).status == "n/a"


def test_rows_serialise_to_json() -> None:
    assert ROWS[0].to_json() == {
        "key": "gold.diverge_f1",
        "label": "gold: diverge F1",
        "value": 0.75,
        "n": 31,
        "target": ">= 0.8",
        "status": "FAIL",
        "misses": [],
    }


def test_misses_are_listed_per_metric_and_truncated() -> None:
    rows = [
        MetricRow("a.recall", "a", 0.5, misses=("p1", "p2", "p3")),
        MetricRow("b.rate", "b", 0.0),
    ]

    assert format_misses(rows, limit=2) == "a.recall: p1, p2 (+1 more)"


def test_floors_fail_below_and_when_missing() -> None:
    floors = {"gold.diverge_f1": 0.8, "gold.agree_to_diverge": 0.0, "falke.balanced_accuracy": 0.5}

    failures = check_floors(ROWS, floors)

    assert [(f.key, f.value) for f in failures] == [
        ("gold.diverge_f1", 0.75),
        ("falke.balanced_accuracy", None),
    ]
    assert "below the floor 0.800" in str(failures[0])


def test_floors_pass_at_or_above() -> None:
    assert check_floors(ROWS, {"gold.diverge_f1": 0.75}) == []


def test_builtin_floors_cover_the_ci_metrics() -> None:
    assert load_floors("builtin") == BUILTIN_FLOORS
    assert set(BUILTIN_FLOORS) == {
        "gold.diverge_f1",
        "gold.match_recall_at_5",
        "falke.balanced_accuracy",
    }
    assert all(floor > 0 for floor in BUILTIN_FLOORS.values())


def test_floors_from_a_json_file(tmp_path: Path) -> None:
    path = tmp_path / "floors.json"
    path.write_text(json.dumps({"gold.diverge_f1": 0.7}), encoding="utf-8")

    assert load_floors(str(path)) == {"gold.diverge_f1": 0.7}


def test_floors_file_must_be_an_object(tmp_path: Path) -> None:
    path = tmp_path / "floors.json"
    path.write_text("[0.7]", encoding="utf-8")

    with pytest.raises(ValueError, match="JSON object"):
        load_floors(str(path))
