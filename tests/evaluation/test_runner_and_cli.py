from __future__ import annotations

import json
from pathlib import Path

import pytest

from evaluation.backend import Backend, JsonDict
from evaluation.cli import BackendFactory, main
from evaluation.floors import BUILTIN_FLOORS
from evaluation.report import MetricRow
from evaluation.runner import run_sets
from tests.evaluation.fakes import FakeBackend, diverge, fixture_gold_verdict


def falke_and_gold_rule(a_text: str, b_text: str) -> JsonDict:
    """Right on the fixture's Falke pairs and on every gold pair, in either order."""
    if "5 players" in b_text:
        return diverge(a_text, "3", b_text, "5")
    if "a woman" in b_text:
        return diverge(a_text, "a man", b_text, "a woman", kind="entity")
    return fixture_gold_verdict(a_text, b_text)


def factory(backend: FakeBackend) -> BackendFactory:
    def build(app_dir: Path, encoder: str, judge: str | None) -> Backend:
        return backend

    return build


def test_run_sets_times_each_set_and_survives_a_crash(fixture_data: Path) -> None:
    def crashing(backend: Backend, data_dir: Path) -> list[MetricRow]:
        raise RuntimeError("boom")

    def fine(backend: Backend, data_dir: Path) -> list[MetricRow]:
        return [MetricRow("fine.metric", "fine: metric", 1.0)]

    rows = run_sets(
        ["broken", "fine"], FakeBackend(), fixture_data, {"broken": crashing, "fine": fine}
    )

    assert [row.key for row in rows] == [
        "broken.crashed",
        "broken.elapsed_seconds",
        "fine.metric",
        "fine.elapsed_seconds",
    ]
    assert rows[0].value is None
    assert all(row.value is not None and row.value >= 0 for row in rows if row.unit == "seconds")


def test_ci_run_prints_one_table_writes_json_and_passes_builtin_floors(
    fixture_data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    backend = FakeBackend(falke_and_gold_rule)
    out = tmp_path / "rows.json"

    code = main(["--ci", "--shared-data", str(fixture_data), "--json", str(out)], factory(backend))

    table = capsys.readouterr().out
    assert code == 0
    assert "gold check: diverge F1" in table
    assert "basil check: unrelated → agree rate" in table
    assert "ecb tune: diverge F1" in table
    assert "falke: balanced accuracy" in table
    assert "reddit" not in table
    assert table.count("metric") == 1
    keys = {row["key"]: row for row in json.loads(out.read_text(encoding="utf-8"))}
    assert keys["falke.balanced_accuracy"]["value"] == 1.0
    for name in ("gold", "basil", "ecb"):
        assert keys[f"{name}.check.diverge_f1"]["value"] == 1.0
        assert keys[f"{name}.check.swap_changes"]["value"] == 0
    assert keys["basil.check.diverge_f1"]["interval"] == [1.0, 1.0]
    assert backend.closed


def test_ci_run_exits_non_zero_below_the_floors(
    fixture_data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    floors = tmp_path / "floors.json"
    floors.write_text(json.dumps({"falke.balanced_accuracy": 0.9}), encoding="utf-8")
    always_agree = FakeBackend()

    code = main(
        ["--ci", "--shared-data", str(fixture_data), "--floors", str(floors)],
        factory(always_agree),
    )

    assert code == 1
    assert "BELOW FLOOR: falke.balanced_accuracy = 0.500" in capsys.readouterr().err


def test_ci_run_fails_above_a_ceiling(
    fixture_data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["--ci", "--shared-data", str(fixture_data)], factory(FakeBackend()))

    assert code == 1
    assert "ABOVE CEILING: basil.check.unrelated_to_agree = 1.000" in capsys.readouterr().err


def test_builtin_floors_fail_when_a_ci_metric_is_missing(
    fixture_data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    no_falke = tmp_path / "data"
    no_falke.mkdir()
    for part in ("gold", "seed-articles", "corpora"):
        (no_falke / part).symlink_to(fixture_data / part)

    code = main(["--ci", "--shared-data", str(no_falke)], factory(FakeBackend(falke_and_gold_rule)))

    assert code == 1
    floor = BUILTIN_FLOORS["falke.balanced_accuracy"]
    expected = f"BELOW FLOOR: falke.balanced_accuracy = missing, below the floor {floor:.3f}"
    assert capsys.readouterr().err.strip().endswith(expected)


def test_chosen_sets_only(fixture_data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(
        ["--sets", "reddit,equate", "--shared-data", str(fixture_data)], factory(FakeBackend())
    )

    table = capsys.readouterr().out
    assert code == 0
    assert "reddit: contradiction recall" in table
    assert "gold:" not in table


def test_sets_may_be_given_space_separated(
    fixture_data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(
        ["--sets", "basil", "ecb", "--shared-data", str(fixture_data)], factory(FakeBackend())
    )

    table = capsys.readouterr().out
    assert code == 0
    assert "basil check: diverge F1" in table
    assert "ecb check: diverge F1" in table
    assert "gold" not in table


def test_unknown_set_is_a_usage_error(fixture_data: Path) -> None:
    assert main(["--sets", "gold,nope", "--shared-data", str(fixture_data)]) == 2


def test_missing_shared_data_is_a_usage_error(tmp_path: Path) -> None:
    assert main(["--shared-data", str(tmp_path / "absent")], factory(FakeBackend())) == 2
