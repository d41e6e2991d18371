"""End to end on a tiny sample: the real parse, rules and MiniLM, a judge file that loads."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from comparison.pair_features import FEATURE_NAMES
from comparison.pair_judge import load_pair_judge
from training.train_judge import main

pytestmark = [pytest.mark.slow, pytest.mark.shared]


def test_a_tiny_training_run_writes_a_loadable_judge_and_its_card(
    shared: Path, tmp_path: Path
) -> None:
    output, card = tmp_path / "judge.json", tmp_path / "CARD.md"
    arguments = ["--shared-data", str(shared), "--output", str(output), "--card", str(card)]
    sizes = ["--bbc", "2", "--reuters", "2", "--basil-articles", "3", "--picked", "4"]

    assert main([*arguments, *sizes, "--threads", "1"]) == 0

    judge = load_pair_judge(output)
    assert judge.coefficients.shape == (3, len(FEATURE_NAMES))
    data = json.loads(output.read_text())
    assert {row["part"] for row in data["training"]["scores"]} == {"tune", "check"}
    assert f"`p[diverge] >= {data['thresholds']['diverge']}`" in card.read_text()
