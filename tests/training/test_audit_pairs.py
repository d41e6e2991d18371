"""Audit records of tune events as judge training pairs: which records become which verdict,
and which are left out (unlabelled, a wrong flag with no verdict, conflicting labels, check
files). Records and articles are written here."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from training.audit_pairs import load_audit_pairs

EVENT = "0000aaaa-event"


def write_article(shared: Path, number: int, day: str) -> None:
    folder = shared / "corpora" / "basil" / "articles" / "2016"
    folder.mkdir(parents=True, exist_ok=True)
    article = {
        "source": "fox",
        "triplet-uuid": EVENT,
        "date": day,
        "title": "t",
        "body-paragraphs": [["One sentence."]],
    }
    (folder / f"{EVENT}_{number}.json").write_text(json.dumps(article), encoding="utf-8")


def record(kind: str, claim: str, match: str, label: str | None, **extra: Any) -> dict[str, Any]:
    return {
        "kind": kind,
        "part": "tune",
        "event": EVENT,
        "article_id": f"basil-{EVENT}_1",
        "claim_id": f"basil-{EVENT}_1:{claim[:3]}",
        "claim": claim,
        "match_article_id": f"basil-{EVENT}_2",
        "match_claim_id": f"basil-{EVENT}_2:{match[:3]}",
        "match": match,
        "label": label,
        **extra,
    }


def write_audit(folder: Path, name: str, records: list[dict[str, Any]]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    lines = "".join(json.dumps(r) + "\n" for r in records)
    (folder / name).write_text(lines, encoding="utf-8")


def load(tmp_path: Path, files: dict[str, list[dict[str, Any]]]) -> dict[tuple[str, str], str]:
    shared, audits = tmp_path / "shared", tmp_path / "audit"
    write_article(shared, 1, "2016-06-09")
    write_article(shared, 2, "2016-06-10")
    for name, records in files.items():
        write_audit(audits, name, records)
    return {(p.a, p.b): p.label for p in load_audit_pairs(shared, audits)}


def test_labels_map_to_verdicts(tmp_path: Path) -> None:
    found = load(
        tmp_path,
        {
            "tune-a.jsonl": [
                record("corroboration", "A1", "B1", "confirmed"),
                record("corroboration", "A2", "B2", "wrong"),
                record("diverge", "A3", "B3", "confirmed"),
                record("diverge", "A4", "B4", "wrong", verdict="agree"),
                record("diverge", "A5", "B5", "wrong", verdict="unrelated"),
            ]
        },
    )

    assert found == {
        ("A1", "B1"): "agree",
        ("A2", "B2"): "unrelated",
        ("A3", "B3"): "diverge",
        ("A4", "B4"): "agree",
        ("A5", "B5"): "unrelated",
    }


def test_records_without_a_verdict_are_left_out(tmp_path: Path) -> None:
    found = load(
        tmp_path,
        {
            "tune-a.jsonl": [
                record("corroboration", "A1", "B1", None),
                record("diverge", "A2", "B2", "wrong"),
            ]
        },
    )

    assert found == {}


def test_a_pair_labelled_two_ways_is_left_out_and_one_labelled_alike_is_kept_once(
    tmp_path: Path,
) -> None:
    found = load(
        tmp_path,
        {
            "tune-a.jsonl": [
                record("corroboration", "A1", "B1", "confirmed"),
                record("corroboration", "A2", "B2", "confirmed"),
            ],
            "tune-b.jsonl": [
                record("diverge", "A1", "B1", "confirmed"),
                record("corroboration", "B2", "A2", "confirmed"),
            ],
        },
    )

    assert found == {("A2", "B2"): "agree"}


def test_only_tune_files_are_read(tmp_path: Path) -> None:
    checked = record("corroboration", "A1", "B1", "confirmed", part="check")
    found = load(tmp_path, {"check-a.jsonl": [checked], "tune-a.jsonl": [checked]})

    assert found == {}


def test_pairs_carry_their_articles_dates_and_event(tmp_path: Path) -> None:
    shared, audits = tmp_path / "shared", tmp_path / "audit"
    write_article(shared, 1, "2016-06-09")
    write_article(shared, 2, "2016-06-10")
    write_audit(audits, "tune-a.jsonl", [record("corroboration", "A1", "B1", "confirmed")])

    (pair,) = load_audit_pairs(shared, audits)

    assert (pair.a_date, pair.b_date) == (date(2016, 6, 9), date(2016, 6, 10))
    assert (pair.set, pair.part, pair.cluster) == ("audit", "tune", EVENT)
