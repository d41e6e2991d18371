"""Labelled audit records of the BASIL *tune* events, as judge training pairs.

The audits (``evaluation/audit/tune-*.jsonl``, labelled by reading) hold the pairs a real check
report raised: every ``diverge`` flag and a sample of corroborations. They are the pairs an
editor sees, so they teach the judge what the gold sets, picked as look-alike pairs, have too
few of: claims that share names and background but state different facts. Only *tune* files
are read; the check part's audits stay a measurement.

A record becomes a pair with a verdict: a confirmed flag is ``diverge``; a confirmed
corroboration ``agree``; a wrong corroboration ``unrelated`` (the match states another fact);
a wrong flag takes the ``verdict`` field its reader gave (``agree`` when the rule misread one
fact, ``unrelated`` when the claims state different facts), and is left out without one. A
``verdict`` field overrides the mapping on any record. A pair labelled differently in two files
is left out.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from pathlib import Path
from typing import Any

from comparison.model import Verdict
from evaluation.audit_records import read_records
from evaluation.basil_corpus import load_basil_articles
from training.gold import GoldPair

AUDIT_DIR = Path(__file__).resolve().parents[1] / "evaluation" / "audit"
AUDIT_SET = "audit"
_MAPPED: dict[tuple[str, str], Verdict] = {
    ("diverge", "confirmed"): "diverge",
    ("corroboration", "confirmed"): "agree",
    ("corroboration", "wrong"): "unrelated",
}
_VERDICTS: frozenset[str] = frozenset({"agree", "diverge", "unrelated"})

Record = Mapping[str, Any]


def audit_files(audit_dir: Path = AUDIT_DIR) -> list[Path]:
    """The tune audit files, in the order they are read."""
    return sorted(audit_dir.glob("tune-*.jsonl"))


def load_audit_pairs(shared: Path, audit_dir: Path = AUDIT_DIR) -> list[GoldPair]:
    """One pair per distinct labelled record of the tune audits, in a fixed order."""
    records = [
        record
        for path in audit_files(audit_dir)
        for record in read_records(path)
        if record.get("part") == "tune"
    ]
    verdicts = _agreed_verdicts(records)
    published = {a.id: date.fromisoformat(a.published_at[:10]) for a in load_basil_articles(shared)}
    pairs: dict[tuple[str, str], GoldPair] = {}
    for record in records:
        key = _key(record)
        verdict = verdicts.get(key)
        if verdict is None or key in pairs:
            continue
        pairs[key] = GoldPair(
            set=AUDIT_SET,
            part="tune",
            id=f"{record['claim_id']}>{record['match_claim_id']}",
            cluster=str(record["event"]),
            a=str(record["claim"]),
            b=str(record["match"]),
            a_date=published.get(str(record["article_id"])),
            b_date=published.get(str(record["match_article_id"])),
            label=verdict,
        )
    return list(pairs.values())


def record_verdict(record: Record) -> Verdict | None:
    """The verdict a labelled record stands for, or None when it has none."""
    given = record.get("verdict")
    if given in _VERDICTS:
        return given
    label = record.get("label")
    if label is None:
        return None
    return _MAPPED.get((str(record["kind"]), str(label)))


def _agreed_verdicts(records: Iterable[Record]) -> dict[tuple[str, str], Verdict]:
    """The verdict of each pair whose labelled records all say the same."""
    found: dict[tuple[str, str], set[Verdict | None]] = {}
    for record in records:
        if record.get("label") is not None:
            found.setdefault(_key(record), set()).add(record_verdict(record))
    agreed: dict[tuple[str, str], Verdict] = {}
    for key, verdicts in found.items():
        (only, *others) = verdicts
        if only is not None and not others:
            agreed[key] = only
    return agreed


def _key(record: Record) -> tuple[str, str]:
    """Claim and match text, whichever side the report put first."""
    a, b = str(record["claim"]), str(record["match"])
    return (a, b) if a <= b else (b, a)
