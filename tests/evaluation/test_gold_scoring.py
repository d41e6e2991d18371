from __future__ import annotations

from pathlib import Path

import pytest

from evaluation.backend import JsonDict
from evaluation.gold import score_gold
from evaluation.report import MetricRow
from tests.evaluation.fakes import FakeBackend, agree, diverge

FURNITURE = frozenset(
    {"Home | World | Politics", "Top Stories: Moscow blackout", "February 1, 2022, 10:17 AM"}
)


def scripted(a_text: str, b_text: str) -> JsonDict:
    """Right on the diverge pair (g2), a false alarm on the different-event pair (g3)."""
    if a_text.startswith("More than 30,000"):
        return diverge(a_text, "More than 30,000", b_text, "could reach 30,000", kind="number")
    if a_text.startswith("Blinken"):
        return diverge(a_text, "phone", b_text, "Geneva", kind="entity")
    return agree()


def values(rows: list[MetricRow]) -> dict[str, float | None]:
    return {row.key: row.value for row in rows}


def test_comparison_metrics_through_the_backend(fixture_data: Path) -> None:
    backend = FakeBackend(scripted, skip_lines=FURNITURE)

    scores = values(score_gold(backend, fixture_data))

    assert scores["gold.diverge_precision"] == pytest.approx(0.5)
    assert scores["gold.diverge_recall"] == pytest.approx(1.0)
    assert scores["gold.diverge_f1"] == pytest.approx(2 / 3)
    assert scores["gold.agree_to_diverge"] == 0.0
    assert scores["gold.different_event_to_diverge"] == 1.0
    assert scores["gold.types_named"] == pytest.approx(0.5)
    assert scores["gold.span_overlap"] == pytest.approx(1.0)


def test_misses_name_the_pairs_behind_each_metric(fixture_data: Path) -> None:
    rows = score_gold(FakeBackend(scripted), fixture_data)

    misses = {row.key: row.misses for row in rows}
    assert misses["gold.diverge_precision"] == ("g3",)
    assert misses["gold.diverge_recall"] == ()
    assert misses["gold.different_event_to_diverge"] == ("g3",)
    assert misses["gold.types_named"] == ("g2:date",)
    assert len(misses["gold.boilerplate_extracted"]) == 3


def test_compare_calls_send_each_documents_date(fixture_data: Path) -> None:
    backend = FakeBackend(scripted, skip_lines=FURNITURE)

    score_gold(backend, fixture_data)

    first = backend.compared[0]
    assert first[1] == "2022-02-01T10:17:00-05:00"
    assert first[3] == "2022-01-21"
    assert len(backend.compared) == 5


def test_span_overlap_is_halved_when_one_side_misses(fixture_data: Path) -> None:
    def wrong_b_span(a_text: str, b_text: str) -> JsonDict:
        if a_text.startswith("More than 30,000"):
            return diverge(a_text, "30,000 troops", b_text, "Officials said", kind="date")
        return agree()

    scores = values(score_gold(FakeBackend(wrong_b_span, skip_lines=FURNITURE), fixture_data))

    assert scores["gold.span_overlap"] == pytest.approx(0.5)
    assert scores["gold.types_named"] == pytest.approx(0.5)
    assert scores["gold.different_event_to_diverge"] == 0.0


def test_match_recall_and_clean_boilerplate(fixture_data: Path) -> None:
    scores = values(score_gold(FakeBackend(scripted, skip_lines=FURNITURE), fixture_data))

    assert scores["gold.match_recall_at_5"] == 1.0
    assert scores["gold.boilerplate_extracted"] == 0


def test_unmatched_claims_lower_recall(fixture_data: Path) -> None:
    backend = FakeBackend(scripted, skip_lines=FURNITURE, unmatched_words=frozenset({"Blinken"}))

    scores = values(score_gold(backend, fixture_data))

    assert scores["gold.match_recall_at_5"] == pytest.approx(2 / 3)


def test_boilerplate_that_becomes_a_claim_is_counted(fixture_data: Path) -> None:
    scores = values(score_gold(FakeBackend(scripted), fixture_data))

    assert scores["gold.boilerplate_extracted"] == 3


def test_failed_compare_calls_are_counted_not_fatal(fixture_data: Path) -> None:
    def broken(a_text: str, b_text: str) -> JsonDict:
        return {"unexpected": "shape"}

    scores = values(score_gold(FakeBackend(broken, skip_lines=FURNITURE), fixture_data))

    assert scores["gold.api_errors"] == 5
    assert scores["gold.diverge_recall"] == 0.0
