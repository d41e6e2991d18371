"""PairJudge: loading (packaged and from a path), the feature-name check, probabilities and
the threshold decision."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from comparison.pair_features import FEATURE_NAMES, pair_features
from comparison.pair_judge import (
    LABELS,
    PairJudge,
    PairJudgeLoadError,
    judge_from_dict,
    load_pair_judge,
)
from facts.model import ClaimFacts, EntityFact, QuoteFact, TextSpan

SPAN = TextSpan("x", 0, 1)


def judge_data(**overrides: Any) -> dict[str, Any]:
    """A hand-made judge: any_reason drives diverge, lemma_overlap drives agree."""
    coefficients = np.zeros((len(LABELS), len(FEATURE_NAMES)))
    coefficients[LABELS.index("diverge"), FEATURE_NAMES.index("any_reason")] = 4.0
    coefficients[LABELS.index("agree"), FEATURE_NAMES.index("lemma_overlap")] = 4.0
    data: dict[str, Any] = {
        "format": 1,
        "labels": list(LABELS),
        "feature_names": list(FEATURE_NAMES),
        "means": [0.0] * len(FEATURE_NAMES),
        "scales": [1.0] * len(FEATURE_NAMES),
        "coefficients": coefficients.tolist(),
        "intercepts": [0.0, 0.0, 0.0],
        "thresholds": {"diverge": 0.6, "agree": 0.5},
        "training": {"seed": 1},
    }
    data.update(overrides)
    return data


def features(**values: float) -> np.ndarray:
    vector = np.zeros(len(FEATURE_NAMES), dtype=np.float32)
    for name, number in values.items():
        vector[FEATURE_NAMES.index(name)] = number
    return vector


@pytest.fixture
def judge() -> PairJudge:
    return judge_from_dict(judge_data())


def test_probabilities_cover_the_three_labels_and_sum_to_one(judge: PairJudge) -> None:
    probabilities = judge.probabilities(features(any_reason=1.0, lemma_overlap=0.3))

    assert tuple(probabilities) == LABELS
    assert sum(probabilities.values()) == pytest.approx(1.0)
    assert all(0.0 <= p <= 1.0 for p in probabilities.values())


def test_zero_logits_give_uniform_probabilities(judge: PairJudge) -> None:
    probabilities = judge.probabilities(features())

    assert probabilities == pytest.approx({label: 1 / 3 for label in LABELS})


def test_probabilities_are_the_softmax_of_the_standardised_logits() -> None:
    judge = judge_from_dict(
        judge_data(means=[0.5] * len(FEATURE_NAMES), scales=[2.0] * len(FEATURE_NAMES))
    )
    diverge_logit = 4.0 * (1.0 - 0.5) / 2.0
    agree_logit = 4.0 * (0.0 - 0.5) / 2.0
    exp = np.exp([agree_logit, diverge_logit, 0.0])

    assert judge.probabilities(features(any_reason=1.0)) == pytest.approx(
        dict(zip(LABELS, exp / exp.sum(), strict=True))
    )


def test_diverge_needs_reasons_and_the_threshold(judge: PairJudge) -> None:
    fired = features(any_reason=1.0)  # p(diverge) = e^4 / (e^4 + 2) ≈ 0.96

    assert judge.verdict(fired, {"number"}) == "diverge"
    assert judge.verdict(fired, set()) == "unrelated"  # p(agree) ≈ 0.02


def test_agree_when_no_diverge_and_agree_reaches_its_threshold(judge: PairJudge) -> None:
    overlapping = features(lemma_overlap=1.0)  # p(agree) ≈ 0.96

    assert judge.verdict(overlapping, {"number"}) == "agree"
    assert judge.verdict(features(lemma_overlap=0.1), set()) == "unrelated"


def test_decide_uses_the_thresholds_at_their_boundary(judge: PairJudge) -> None:
    assert judge.decide({"agree": 0.3, "diverge": 0.6, "unrelated": 0.1}, {"date"}) == "diverge"
    assert judge.decide({"agree": 0.5, "diverge": 0.59, "unrelated": 0.0}, {"date"}) == "agree"
    assert judge.decide({"agree": 0.49, "diverge": 0.5, "unrelated": 0.01}, {"date"}) == "unrelated"


def test_a_quote_reason_uses_its_own_threshold() -> None:
    thresholds = {"diverge": 0.6, "diverge_quote": 0.3, "agree": 0.5}
    judge = judge_from_dict(judge_data(thresholds=thresholds))
    probabilities = {"agree": 0.3, "diverge": 0.4, "unrelated": 0.3}

    assert judge.decide(probabilities, {"quote"}) == "diverge"
    assert judge.decide(probabilities, {"quote", "number"}) == "diverge"
    assert judge.decide(probabilities, {"number"}) == "unrelated"


def test_a_file_without_a_quote_threshold_uses_the_diverge_one(judge: PairJudge) -> None:
    assert judge.thresholds.diverge_quote is None
    probabilities = {"agree": 0.3, "diverge": 0.59, "unrelated": 0.11}

    assert judge.decide(probabilities, {"quote"}) == "unrelated"


def test_a_file_with_other_feature_names_is_refused(tmp_path: Path) -> None:
    names = list(FEATURE_NAMES)
    names[3] = "renamed_feature"
    path = tmp_path / "judge.json"
    path.write_text(json.dumps(judge_data(feature_names=names)), encoding="utf-8")

    with pytest.raises(PairJudgeLoadError, match="feature_names do not match"):
        load_pair_judge(path)


def test_a_coefficient_matrix_of_the_wrong_shape_is_refused() -> None:
    with pytest.raises(PairJudgeLoadError, match="malformed"):
        judge_from_dict(judge_data(coefficients=[[0.0] * len(FEATURE_NAMES)] * 2))


def test_missing_file_and_non_json_are_load_errors(tmp_path: Path) -> None:
    with pytest.raises(PairJudgeLoadError, match="cannot read"):
        load_pair_judge(tmp_path / "absent.json")
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    with pytest.raises(PairJudgeLoadError, match="not JSON"):
        load_pair_judge(broken)


def test_a_judge_loaded_from_a_path_keeps_thresholds_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "judge.json"
    path.write_text(json.dumps(judge_data()), encoding="utf-8")

    judge = load_pair_judge(path)

    assert (judge.thresholds.diverge, judge.thresholds.agree) == (0.6, 0.5)
    assert judge.training == {"seed": 1}


def test_the_packaged_judge_loads_once_and_matches_this_code() -> None:
    judge = load_pair_judge()

    assert load_pair_judge() is judge
    assert judge.coefficients.shape == (len(LABELS), len(FEATURE_NAMES))
    assert 0.0 < judge.thresholds.diverge <= 1.0 + 1e-6
    probabilities = judge.probabilities(features(similarity=0.8, lemma_overlap=0.6))
    assert sum(probabilities.values()) == pytest.approx(1.0)


def test_the_packaged_judge_gives_the_same_verdict_when_claims_are_swapped() -> None:
    a = ClaimFacts(
        "Blinken said “they played us”.",
        None,
        frozenset({"blinken", "play"}),
        entities=(EntityFact("Blinken", "blinken", "PERSON", SPAN),),
        quotes=(QuoteFact("they played us", ("they", "played", "us"), "blinken", SPAN),),
    )
    b = ClaimFacts("Blinken said he was conned.", None, frozenset({"blinken", "con"}))
    judge = load_pair_judge()

    forward = judge.probabilities(pair_features(a, b, 0.55, []))
    backward = judge.probabilities(pair_features(b, a, 0.55, []))

    assert forward == backward
