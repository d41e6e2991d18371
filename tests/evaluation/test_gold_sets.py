from __future__ import annotations

from pathlib import Path

import pytest

from evaluation.backend import JsonDict
from evaluation.gold_sets import score_basil, score_ecb
from evaluation.report import MetricRow
from evaluation.runner import SetScorer
from tests.evaluation.fakes import (
    FakeBackend,
    agree,
    diverge,
    fixture_gold_verdict,
    unrelated,
)

# Each fixture set has one cluster per part: BASIL triplet 1111… and ECB+ topic 1 are the
# tune part, triplet 2222… and topic 3 the check part. Each holds one pair of each label.
perfect = fixture_gold_verdict


def by_key(rows: list[MetricRow]) -> dict[str, MetricRow]:
    return {row.key: row for row in rows}


@pytest.mark.parametrize(
    ("scorer", "name", "negative"),
    [(score_basil, "basil", "unrelated"), (score_ecb, "ecb", "different_event")],
)
def test_a_perfect_engine_scores_perfectly_on_both_parts(
    fixture_data: Path, scorer: SetScorer, name: str, negative: str
) -> None:
    rows = by_key(scorer(FakeBackend(perfect), fixture_data))

    for part in ("tune", "check"):
        assert rows[f"{name}.{part}.diverge_f1"].value == 1.0
        assert rows[f"{name}.{part}.diverge_f1"].n == 3
        assert rows[f"{name}.{part}.agree_to_agree"].value == 1.0
        assert rows[f"{name}.{part}.agree_to_diverge"].value == 0.0
        assert rows[f"{name}.{part}.{negative}_to_diverge"].value == 0.0
        assert rows[f"{name}.{part}.{negative}_to_agree"].value == 0.0
        assert rows[f"{name}.{part}.swap_changes"].value == 0
        assert rows[f"{name}.{part}.span_overlap"].value == 1.0
    assert f"{name}.api_errors" not in rows


def test_agreeing_with_everything_is_false_corroboration(fixture_data: Path) -> None:
    basil = by_key(score_basil(FakeBackend(), fixture_data))
    ecb = by_key(score_ecb(FakeBackend(), fixture_data))

    assert basil["basil.check.unrelated_to_agree"].value == 1.0
    assert basil["basil.check.unrelated_to_agree"].misses == ("b6",)
    assert basil["basil.check.diverge_recall"].value == 0.0
    assert basil["basil.check.diverge_precision"].value is None
    assert ecb["ecb.tune.different_event_to_agree"].value == 1.0
    assert ecb["ecb.tune.different_event_to_agree"].misses == ("e3",)


def test_calling_everything_unrelated_recognises_no_agreement(fixture_data: Path) -> None:
    rows = by_key(score_basil(FakeBackend(lambda a_text, b_text: unrelated()), fixture_data))

    assert rows["basil.check.agree_to_agree"].value == 0.0
    assert rows["basil.check.agree_to_agree"].misses == ("b4",)
    assert rows["basil.check.unrelated_to_agree"].value == 0.0
    assert rows["basil.check.agree_to_diverge"].value == 0.0
    assert rows["basil.check.diverge_f1"].value == 0.0


def test_basil_compares_send_article_dates_ecb_none(fixture_data: Path) -> None:
    basil = FakeBackend()
    ecb = FakeBackend()

    score_basil(basil, fixture_data)
    score_ecb(ecb, fixture_data)

    assert (basil.compared[0][1], basil.compared[0][3]) == ("2010-05-03", "2010-05-04")
    assert (basil.compared[1][1], basil.compared[1][3]) == ("2010-05-04", "2010-05-03")
    assert len(basil.compared) == 12
    assert {(call[1], call[3]) for call in ecb.compared} == {(None, None)}


def test_a_verdict_that_depends_on_the_order_is_a_swap_change(fixture_data: Path) -> None:
    def one_way(a_text: str, b_text: str) -> JsonDict:
        if "12 people" in a_text and "15 people" in b_text:
            return diverge(a_text, "12 people", b_text, "15 people")
        return agree()

    rows = by_key(score_basil(FakeBackend(one_way), fixture_data))

    assert rows["basil.tune.swap_changes"].value == 1
    assert rows["basil.tune.swap_changes"].misses == ("b2",)
    assert "basil.api_errors" not in rows
    assert rows["basil.check.swap_changes"].value == 0
