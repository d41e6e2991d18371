from __future__ import annotations

import json
from pathlib import Path

import pytest

from evaluation.audit_cli import main
from evaluation.audit_records import (
    collect_audit,
    diverge_and_corroboration_records,
    fixed_sample,
    read_records,
)
from evaluation.audit_scoring import AuditLabelError, score_audit
from evaluation.backend import Backend
from evaluation.basil_corpus import load_basil_articles, triplet_parts
from evaluation.intervals import Interval
from tests.evaluation.fakes import FakeBackend, fixture_gold_verdict

LABELLED = Path(__file__).parent / "fixtures" / "audit-labelled.jsonl"
TUNE_TRIPLET = "11111111-aaaa-4aaa-8aaa-000000000001"


def test_the_labelled_fixture_scores_confirmed_shares_per_kind() -> None:
    rows = {row.key: row for row in score_audit(read_records(LABELLED))}

    diverge = rows["audit.diverge_confirmed"]
    assert (diverge.value, diverge.n) == (pytest.approx(2 / 3), 3)
    assert diverge.misses == ("basil-E1_1:1→basil-E1_3:1",)
    assert diverge.interval == Interval(0.5, 1.0)  # resampling events E1 (1/2) and E2 (1/1)
    corroboration = rows["audit.corroboration_confirmed"]
    assert (corroboration.value, corroboration.n) == (0.5, 2)
    assert (rows["audit.unlabelled"].value, rows["audit.unlabelled"].n) == (2, 7)


def test_nothing_labelled_yet_has_no_share() -> None:
    records = [dict(record, label=None) for record in read_records(LABELLED)]

    rows = {row.key: row for row in score_audit(records)}

    assert rows["audit.diverge_confirmed"].value is None
    assert rows["audit.diverge_confirmed"].interval is None
    assert rows["audit.unlabelled"].value == 7


def test_a_mistyped_label_is_an_error_not_a_silent_skip() -> None:
    records = read_records(LABELLED)
    records[2]["label"] = "confirmd"

    with pytest.raises(AuditLabelError, match="record 3: label 'confirmd'"):
        score_audit(records)


def test_score_mode_prints_the_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--score", str(LABELLED)]) == 0

    table = capsys.readouterr().out
    assert "audit: diverge flags confirmed" in table
    assert "[0.50, 1.00]" in table


def test_basil_articles_become_api_articles(fixture_data: Path) -> None:
    articles = load_basil_articles(fixture_data)

    first = articles[0]
    assert len(articles) == 6
    assert first.id == f"basil-{TUNE_TRIPLET}_1"
    assert (first.source, first.published_at, first.triplet) == (
        "Fox News",
        "2010-05-03",
        TUNE_TRIPLET,
    )
    assert first.text.splitlines() == [
        "Floods in Millbrook killed 12 people on Sunday, the mayor said. "
        "Rescue teams worked through the night.",
        "The river rose four feet in two hours.",
    ]
    assert triplet_parts(fixture_data)[TUNE_TRIPLET] == "tune"


def test_records_keep_diverges_and_independent_agreements_only(fixture_data: Path) -> None:
    article = load_basil_articles(fixture_data)[0]
    match = {"article_id": "x", "claim_id": "x:0", "text": "t", "similarity": 0.7, "reasons": []}
    report = {
        "claims": [
            {
                "id": "c:0",
                "text": "claim",
                "matches": [
                    dict(match, verdict="diverge", source="Fox News"),
                    dict(match, verdict="agree", source="Fox News"),
                    dict(match, verdict="agree", source="HuffPost", syndicated=True),
                    dict(match, verdict="agree", source="HuffPost"),
                    dict(match, verdict="unrelated", source="HuffPost"),
                ],
            }
        ]
    }

    diverging, corroborating = diverge_and_corroboration_records(report, article, "tune")

    assert [(r["kind"], r["match_source"]) for r in diverging] == [("diverge", "Fox News")]
    assert [(r["kind"], r["match_source"]) for r in corroborating] == [
        ("corroboration", "HuffPost")
    ]
    assert corroborating[0]["label"] is None
    assert corroborating[0]["event"] == TUNE_TRIPLET


def test_fixed_sample_is_stable_and_keeps_order() -> None:
    items = list(range(50))

    sample = fixed_sample(items, 5, seed=3)

    assert sample == fixed_sample(items, 5, seed=3)
    assert sample == sorted(sample)
    assert len(set(sample)) == 5
    assert fixed_sample(items[:3], 5, seed=3) == [0, 1, 2]


def test_collect_indexes_everything_and_checks_only_the_parts_articles(
    fixture_data: Path,
) -> None:
    backend = FakeBackend(check_rule=fixture_gold_verdict)

    run = collect_audit(backend, fixture_data, "tune", articles=10, corroborations=3)

    records = run.records
    assert (run.articles_checked, run.corroborations_found) == (3, 14)
    assert run.summary() == "3 articles checked: 2 diverge, 3 of 14 corroborations"

    assert len(backend.claims) == 6
    assert backend.checked == [f"basil-{TUNE_TRIPLET}_{n}" for n in (1, 2, 3)]
    diverging = [r for r in records if r["kind"] == "diverge"]
    assert {(r["article_id"][-1], r["match_article_id"][-1]) for r in diverging} == {
        ("1", "2"),
        ("2", "1"),
    }
    corroborating = [r for r in records if r["kind"] == "corroboration"]
    assert len(corroborating) == 3
    assert all(r["source"] != r["match_source"] for r in corroborating)


def test_the_cli_writes_a_jsonl_to_label(
    fixture_data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "audit" / "check.jsonl"

    def factory(app_dir: Path, encoder: str, judge: str | None) -> Backend:
        return FakeBackend(check_rule=fixture_gold_verdict)

    code = main(["--part", "check", "--shared-data", str(fixture_data), "--out", str(out)], factory)

    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert code == 0
    assert {record["part"] for record in records} == {"check"}
    assert {record["label"] for record in records} == {None}
    assert any(record["kind"] == "diverge" for record in records)
    assert capsys.readouterr().out.startswith(f"{out}: 3 articles checked: ")


def test_the_cli_never_overwrites_a_file_that_may_hold_labels(
    fixture_data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "labelled.jsonl"
    out.write_text("{}\n", encoding="utf-8")

    code = main(["--shared-data", str(fixture_data), "--out", str(out)])

    assert code == 2
    assert out.read_text(encoding="utf-8") == "{}\n"
    assert "exists" in capsys.readouterr().err
