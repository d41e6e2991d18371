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
# The fixture's seed pairs split by cluster: 000+001 (g1-g5) is the check part,
# 000+002 (g6-g8) the tune part.


def scripted(a_text: str, b_text: str) -> JsonDict:
    """Right on g2, a false alarm on g3, both only in the gold order; agree elsewhere."""
    if a_text.startswith("More than 30,000") and "could reach" in b_text:
        return diverge(a_text, "More than 30,000", b_text, "could reach 30,000", kind="number")
    if a_text.startswith("Blinken") and "Geneva" in b_text:
        return diverge(a_text, "phone", b_text, "Geneva", kind="entity")
    return agree()


def values(rows: list[MetricRow]) -> dict[str, float | None]:
    return {row.key: row.value for row in rows}


def test_comparison_metrics_per_part_through_the_backend(fixture_data: Path) -> None:
    backend = FakeBackend(scripted, skip_lines=FURNITURE)

    scores = values(score_gold(backend, fixture_data))

    assert scores["gold.check.diverge_precision"] == pytest.approx(0.5)
    assert scores["gold.check.diverge_recall"] == pytest.approx(1.0)
    assert scores["gold.check.diverge_f1"] == pytest.approx(2 / 3)
    assert scores["gold.check.agree_to_diverge"] == 0.0
    assert scores["gold.check.different_event_to_diverge"] == 1.0
    assert scores["gold.check.different_event_to_agree"] == 0.0
    assert scores["gold.check.types_named"] == pytest.approx(0.5)
    assert scores["gold.check.span_overlap"] == pytest.approx(1.0)
    assert scores["gold.tune.diverge_precision"] is None
    assert scores["gold.tune.diverge_recall"] == 0.0
    assert scores["gold.tune.diverge_f1"] == 0.0
    assert scores["gold.tune.different_event_to_agree"] == 1.0


def test_every_part_metric_has_n_and_an_interval(fixture_data: Path) -> None:
    rows = score_gold(FakeBackend(scripted, skip_lines=FURNITURE), fixture_data)

    by_key = {row.key: row for row in rows}
    f1 = by_key["gold.check.diverge_f1"]
    assert f1.n == 5
    assert f1.interval is not None
    assert f1.interval.low == f1.interval.high == pytest.approx(2 / 3)  # one cluster
    assert by_key["gold.check.diverge_recall"].n == 1
    assert by_key["gold.tune.different_event_to_agree"].n == 1
    assert by_key["gold.match_recall_at_5"].interval is None


def test_swapped_sides_that_change_the_verdict_are_counted(fixture_data: Path) -> None:
    rows = score_gold(FakeBackend(scripted, skip_lines=FURNITURE), fixture_data)

    by_key = {row.key: row for row in rows}
    assert by_key["gold.check.swap_changes"].value == 2
    assert by_key["gold.check.swap_changes"].misses == ("g2", "g3")
    assert by_key["gold.tune.swap_changes"].value == 0


def test_misses_name_the_pairs_behind_each_metric(fixture_data: Path) -> None:
    rows = score_gold(FakeBackend(scripted), fixture_data)

    misses = {row.key: row.misses for row in rows}
    assert misses["gold.check.diverge_precision"] == ("g3",)
    assert misses["gold.check.diverge_recall"] == ()
    assert misses["gold.tune.diverge_recall"] == ("g7",)
    assert misses["gold.check.different_event_to_diverge"] == ("g3",)
    assert misses["gold.check.types_named"] == ("g2",)
    assert len(misses["gold.boilerplate_extracted"]) == 3


def test_compare_calls_send_each_documents_date_in_both_orders(fixture_data: Path) -> None:
    backend = FakeBackend(scripted, skip_lines=FURNITURE)

    score_gold(backend, fixture_data)

    forward, backward = backend.compared[:2]
    assert (forward[1], forward[3]) == ("2022-02-01T10:17:00-05:00", "2022-01-21")
    assert backward == (forward[2], forward[3], forward[0], forward[1])
    assert len(backend.compared) == 16


def test_span_overlap_is_halved_when_one_side_misses(fixture_data: Path) -> None:
    def wrong_b_span(a_text: str, b_text: str) -> JsonDict:
        if a_text.startswith("More than 30,000") and "Officials said" in b_text:
            return diverge(a_text, "30,000 troops", b_text, "Officials said", kind="date")
        return agree()

    scores = values(score_gold(FakeBackend(wrong_b_span, skip_lines=FURNITURE), fixture_data))

    assert scores["gold.check.span_overlap"] == pytest.approx(0.5)
    assert scores["gold.check.types_named"] == pytest.approx(0.5)
    assert scores["gold.check.different_event_to_diverge"] == 0.0


def test_match_recall_and_clean_boilerplate(fixture_data: Path) -> None:
    scores = values(score_gold(FakeBackend(scripted, skip_lines=FURNITURE), fixture_data))

    assert scores["gold.match_recall_at_5"] == 1.0
    assert scores["gold.check.match_recall_at_5"] == 1.0
    assert scores["gold.tune.match_recall_at_5"] == 1.0
    assert scores["gold.boilerplate_extracted"] == 0


def test_unmatched_claims_lower_recall_in_their_part(fixture_data: Path) -> None:
    backend = FakeBackend(scripted, skip_lines=FURNITURE, unmatched_words=frozenset({"Blinken"}))

    rows = score_gold(backend, fixture_data)

    by_key = {row.key: row for row in rows}
    assert by_key["gold.match_recall_at_5"].value == pytest.approx(4 / 6)
    assert by_key["gold.check.match_recall_at_5"].misses == ("g3",)
    assert by_key["gold.tune.match_recall_at_5"].misses == ("g8",)
    assert by_key["gold.tune.match_recall_at_5"].value == pytest.approx(2 / 3)


def test_boilerplate_that_becomes_a_claim_is_counted(fixture_data: Path) -> None:
    scores = values(score_gold(FakeBackend(scripted), fixture_data))

    assert scores["gold.boilerplate_extracted"] == 3


def test_failed_compare_calls_are_counted_not_fatal(fixture_data: Path) -> None:
    def broken(a_text: str, b_text: str) -> JsonDict:
        return {"unexpected": "shape"}

    scores = values(score_gold(FakeBackend(broken, skip_lines=FURNITURE), fixture_data))

    assert scores["gold.api_errors"] == 16
    assert scores["gold.check.diverge_recall"] == 0.0
