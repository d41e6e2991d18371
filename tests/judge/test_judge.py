from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import torch
from transformers import AutoModelForSequenceClassification, AutoTokenizer

from comparison import judge as judge_module
from comparison.judge import CrossEncoderJudge, JudgeLoadError, NliJudge, load_judge

PREMISE = "russia said more than 30 000 troops"
HYPOTHESIS = "lavrov said not 30 troops"

TinyModelFactory = Callable[[Path, dict[int, str]], Path]


def reference_probabilities(model_dir: Path, premise: str, hypothesis: str) -> torch.Tensor:
    tokenizer = AutoTokenizer.from_pretrained(model_dir, local_files_only=True)
    model = AutoModelForSequenceClassification.from_pretrained(model_dir, local_files_only=True)
    model.eval()
    with torch.inference_mode():
        logits = model(**tokenizer(premise, hypothesis, return_tensors="pt")).logits[0]
    return torch.softmax(logits, dim=-1)


def test_contradiction_probability_is_a_probability(tiny_nli_model: Path) -> None:
    probability = CrossEncoderJudge(tiny_nli_model).contradiction_probability(PREMISE, HYPOTHESIS)

    assert isinstance(probability, float)
    assert 0.0 <= probability <= 1.0


def test_probability_is_the_softmax_of_the_contradiction_logit(tiny_nli_model: Path) -> None:
    expected = reference_probabilities(tiny_nli_model, PREMISE, HYPOTHESIS)[2].item()

    judge = CrossEncoderJudge(tiny_nli_model)

    assert judge.contradiction_index == 2
    assert judge.contradiction_probability(PREMISE, HYPOTHESIS) == pytest.approx(expected)


def test_scores_are_deterministic_across_calls_and_loads(tiny_nli_model: Path) -> None:
    first = CrossEncoderJudge(tiny_nli_model)
    second = CrossEncoderJudge(tiny_nli_model)

    scores = {
        first.contradiction_probability(PREMISE, HYPOTHESIS),
        first.contradiction_probability(PREMISE, HYPOTHESIS),
        second.contradiction_probability(PREMISE, HYPOTHESIS),
    }

    assert len(scores) == 1


def test_label_lookup_is_case_insensitive_and_position_independent(
    tmp_path: Path, tiny_model_factory: TinyModelFactory
) -> None:
    labels = {0: "CONTRADICTION", 1: "Neutral", 2: "Entailment"}
    model_dir = tiny_model_factory(tmp_path, labels)
    expected = reference_probabilities(model_dir, PREMISE, HYPOTHESIS)[0].item()

    judge = CrossEncoderJudge(model_dir)

    assert judge.contradiction_index == 0
    assert judge.contradiction_probability(PREMISE, HYPOTHESIS) == pytest.approx(expected)


def test_a_custom_contradiction_label_can_be_named(
    tmp_path: Path, tiny_model_factory: TinyModelFactory
) -> None:
    model_dir = tiny_model_factory(tmp_path, {0: "supports", 1: "refutes"})

    judge = CrossEncoderJudge(model_dir, contradiction_label="REFUTES")

    assert judge.contradiction_index == 1


def test_missing_path_raises_judge_load_error(tmp_path: Path) -> None:
    with pytest.raises(JudgeLoadError, match="does not exist"):
        CrossEncoderJudge(tmp_path / "no-such-model")


def test_model_without_contradiction_label_raises_judge_load_error(
    tmp_path: Path, tiny_model_factory: TinyModelFactory
) -> None:
    model_dir = tiny_model_factory(tmp_path, {0: "LABEL_0", 1: "LABEL_1"})

    with pytest.raises(JudgeLoadError, match="no 'contradiction' label"):
        CrossEncoderJudge(model_dir)


def test_model_is_loaded_once_not_per_call(
    tiny_nli_model: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    loads: list[Any] = []
    original = judge_module.AutoModelForSequenceClassification.from_pretrained

    def counting_from_pretrained(*args: Any, **kwargs: Any) -> Any:
        loads.append(args)
        return original(*args, **kwargs)

    monkeypatch.setattr(
        judge_module.AutoModelForSequenceClassification,
        "from_pretrained",
        counting_from_pretrained,
    )
    judge = CrossEncoderJudge(tiny_nli_model)
    for _ in range(3):
        judge.contradiction_probability(PREMISE, HYPOTHESIS)

    assert len(loads) == 1


@pytest.mark.parametrize("path", [None, "", "  "])
def test_load_judge_without_a_path_is_none(path: str | None) -> None:
    assert load_judge(path) is None


def test_load_judge_with_a_path_returns_a_working_judge(tiny_nli_model: Path) -> None:
    judge: NliJudge | None = load_judge(str(tiny_nli_model))

    assert isinstance(judge, CrossEncoderJudge)
    assert 0.0 <= judge.contradiction_probability(PREMISE, HYPOTHESIS) <= 1.0


def test_load_judge_with_a_bad_path_raises(tmp_path: Path) -> None:
    with pytest.raises(JudgeLoadError):
        load_judge(str(tmp_path / "missing"))
