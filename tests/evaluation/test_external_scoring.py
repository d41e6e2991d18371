from __future__ import annotations

from pathlib import Path

import pytest

from evaluation.backend import JsonDict
from evaluation.pairs import score_equate, score_falke, score_fnc1, score_reddit
from evaluation.report import MetricRow
from evaluation.summaries import score_cliff, score_goyal
from tests.evaluation.fakes import FakeBackend, agree, diverge


def values(rows: list[MetricRow]) -> dict[str, float | None]:
    return {row.key: row.value for row in rows}


def test_falke_balanced_accuracy(fixture_data: Path) -> None:
    def numbers_only(a_text: str, b_text: str) -> JsonDict:
        if "5 players" in b_text:
            return diverge(a_text, "3", b_text, "5")
        return agree()

    rows = score_falke(FakeBackend(numbers_only), fixture_data)

    assert values(rows)["falke.balanced_accuracy"] == pytest.approx((1 / 2 + 2 / 2) / 2)
    assert rows[0].misses == ("art2/4-0",)


def test_equate_entailment_false_alarms_per_subset_and_together(fixture_data: Path) -> None:
    def flags_digits(a_text: str, b_text: str) -> JsonDict:
        if "3 dead" in b_text:
            return diverge(a_text, "Three", b_text, "3")
        return agree()

    scores = values(score_equate(FakeBackend(flags_digits), fixture_data))

    assert scores["equate.newsnli_entailment_to_diverge"] == 0.5
    assert scores["equate.rte_quant_entailment_to_diverge"] == 0.0
    assert scores["equate.entailment_to_diverge"] == pytest.approx(1 / 3)


def test_reddit_contradiction_recall(fixture_data: Path) -> None:
    def flags_down(a_text: str, b_text: str) -> JsonDict:
        if "down" in b_text:
            return diverge(a_text, "up", b_text, "down", kind="negation")
        return agree()

    scores = values(score_reddit(FakeBackend(flags_down), fixture_data))

    assert scores["reddit.contradiction_recall"] == 0.5


def test_fnc1_balanced_accuracy_on_a_perfect_fake(
    fixture_data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("evaluation.pairs.FNC1_PER_STANCE", 2)

    def stance(a_text: str, b_text: str) -> JsonDict:
        if "hoax" in a_text or "will separate" in a_text:
            return diverge(a_text, a_text.split()[0], b_text, b_text.split()[0])
        return agree()

    rows = score_fnc1(FakeBackend(stance), fixture_data)

    assert values(rows)["fnc1.balanced_accuracy"] == 1.0
    assert rows[0].n == 4


def kenny_vs_varadkar(a_text: str, b_text: str) -> JsonDict:
    """Diverge (similar) against the Varadkar sentence; a dissimilar agree elsewhere."""
    if "Enda Kenny" in a_text and "Varadkar" in b_text:
        return diverge(a_text, "Enda Kenny", b_text, "Leo Varadkar", kind="entity", similarity=0.9)
    if "Enda Kenny" in a_text:
        return agree(similarity=0.2)
    return agree(similarity=0.7)


def test_cliff_pairs_each_summary_sentence_with_its_most_similar_article_sentence(
    fixture_data: Path,
) -> None:
    scores = values(score_cliff(FakeBackend(kenny_vs_varadkar), fixture_data))

    assert scores["cliff.intrinsic_error_recall"] == 1.0
    assert scores["cliff.correct_to_diverge"] == 0.0
    assert scores["cliff.span_overlap"] == 1.0


def test_a_less_similar_diverging_candidate_does_not_flag(fixture_data: Path) -> None:
    def diverge_only_when_dissimilar(a_text: str, b_text: str) -> JsonDict:
        if "Enda Kenny" in a_text and "Varadkar" in b_text:
            return agree(similarity=0.9)
        return diverge(a_text, a_text[:4], b_text, b_text[:2], similarity=0.1)

    scores = values(score_cliff(FakeBackend(diverge_only_when_dissimilar), fixture_data))

    assert scores["cliff.intrinsic_error_recall"] == 0.0


def test_goyal_span_overlap_misses_a_wrong_highlight(fixture_data: Path) -> None:
    def wrong_span(a_text: str, b_text: str) -> JsonDict:
        if "4g" in a_text:
            return diverge(a_text, "lawyers", b_text, "lawyers", similarity=0.9)
        return agree()

    scores = values(score_goyal(FakeBackend(wrong_span), fixture_data))

    assert scores["goyal.intrinsic_error_recall"] == 1.0
    assert scores["goyal.span_overlap"] == 0.0
