from __future__ import annotations

import json
from pathlib import Path

import pytest

from evaluation.floors import (
    BUILTIN_CEILINGS,
    BUILTIN_FLOORS,
    Limits,
    check_limits,
    load_limits,
)
from evaluation.intervals import Interval
from evaluation.report import (
    MetricRow,
    at_least,
    at_most,
    format_misses,
    format_table,
)

ROWS = [
    MetricRow(
        "gold.diverge_f1",
        "gold: diverge F1",
        0.75,
        31,
        target=at_least(0.80),
        interval=Interval(0.6149, 0.8),
    ),
    MetricRow("gold.agree_to_diverge", "gold: agree → diverge", 0.05, 19, target=at_most(0.10)),
    MetricRow("gold.span_overlap", "gold: span overlap", None, 0),
    MetricRow(
        "gold.boilerplate",
        "gold: boilerplate",
        2.0,
        4,
        target=at_most(0),
        unit="count",
        interval=Interval(0.0, 3.0),
    ),
    MetricRow("gold.elapsed_seconds", "gold: elapsed", 3.14159, unit="seconds"),
]


def test_table_shows_value_interval_target_and_result_per_metric() -> None:
    lines = format_table(ROWS).splitlines()

    assert lines[0].split() == ["metric", "value", "95%", "CI", "n", "target", "result"]
    assert lines[2].split()[-7:] == ["0.750", "[0.61,", "0.80]", "31", ">=", "0.8", "FAIL"]
    assert lines[3].split()[-5:] == ["0.050", "19", "<=", "0.1", "pass"]
    assert lines[4].split()[-2:] == ["n/a", "0"]
    assert lines[5].split()[-7:] == ["2", "[0,", "3]", "4", "<=", "0", "FAIL"]
    assert lines[6].endswith("3.1s")


def test_status_of_a_missing_value_with_a_target_is_na() -> None:
    assert MetricRow("x", "x", None, target=at_least(0.5)).status == "n/a"


def test_rows_serialise_to_json() -> None:
    assert ROWS[0].to_json() == {
        "key": "gold.diverge_f1",
        "label": "gold: diverge F1",
        "value": 0.75,
        "n": 31,
        "interval": [0.6149, 0.8],
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

    failures = check_limits(ROWS, Limits(floors))

    assert [(f.key, f.value) for f in failures] == [
        ("gold.diverge_f1", 0.75),
        ("falke.balanced_accuracy", None),
    ]
    assert str(failures[0]) == "gold.diverge_f1 = 0.750, below the floor 0.800"
    assert failures[0].headline == "BELOW FLOOR"


def test_ceilings_fail_above_and_when_missing() -> None:
    ceilings = {"gold.agree_to_diverge": 0.04, "gold.boilerplate": 2, "ecb.swap_changes": 0}

    failures = check_limits(ROWS, Limits({}, ceilings))

    assert [(f.key, f.value) for f in failures] == [
        ("gold.agree_to_diverge", 0.05),
        ("ecb.swap_changes", None),
    ]
    assert str(failures[0]) == "gold.agree_to_diverge = 0.050, above the ceiling 0.040"
    assert failures[0].headline == "ABOVE CEILING"


def test_limits_pass_at_the_bound() -> None:
    assert check_limits(ROWS, Limits({"gold.diverge_f1": 0.75}, {"gold.boilerplate": 2})) == []


def test_builtin_limits_sit_on_check_parts_and_falke_only() -> None:
    limits = load_limits("builtin")

    assert limits == Limits(BUILTIN_FLOORS, BUILTIN_CEILINGS)
    keys = set(BUILTIN_FLOORS) | set(BUILTIN_CEILINGS)
    assert all(".check." in key for key in keys - {"falke.balanced_accuracy"})
    assert {"basil.check.diverge_f1", "ecb.check.diverge_f1", "gold.check.swap_changes"} <= keys
    assert all(0 < floor < 1 for floor in BUILTIN_FLOORS.values())


def test_flat_json_file_holds_floors(tmp_path: Path) -> None:
    path = tmp_path / "floors.json"
    path.write_text(json.dumps({"gold.diverge_f1": 0.7}), encoding="utf-8")

    assert load_limits(str(path)) == Limits({"gold.diverge_f1": 0.7})


def test_json_file_with_floors_and_ceilings(tmp_path: Path) -> None:
    path = tmp_path / "limits.json"
    path.write_text(
        json.dumps({"floors": {"a.f1": 0.5}, "ceilings": {"a.swap_changes": 0}}), encoding="utf-8"
    )

    assert load_limits(str(path)) == Limits({"a.f1": 0.5}, {"a.swap_changes": 0.0})


def test_floors_file_must_be_an_object(tmp_path: Path) -> None:
    path = tmp_path / "floors.json"
    path.write_text("[0.7]", encoding="utf-8")

    with pytest.raises(ValueError, match="JSON object"):
        load_limits(str(path))
