"""Scores of a labelled audit file: the share of diverge flags a reader confirmed, and the
share of corroborations that state the same fact, each with n and a 95% interval that
resamples events (BASIL triplets). Records still unlabelled are counted, not scored."""

from __future__ import annotations

from collections.abc import Sequence

from evaluation.audit_records import CORROBORATION, DIVERGE, AuditRecord
from evaluation.intervals import cluster_bootstrap
from evaluation.metrics import rate
from evaluation.report import MetricRow

CONFIRMED = "confirmed"
WRONG = "wrong"
LABELS = (CONFIRMED, WRONG)
KIND_LABELS = {
    DIVERGE: "diverge flags confirmed",
    CORROBORATION: "corroborations stating the same fact",
}


class AuditLabelError(ValueError):
    """A record's ``label`` is neither null nor one of ``LABELS``."""


def score_audit(records: Sequence[AuditRecord]) -> list[MetricRow]:
    check_labels(records)
    rows = [kind_row(kind, records) for kind in KIND_LABELS]
    unlabelled = [record for record in records if record.get("label") is None]
    rows.append(
        MetricRow(
            "audit.unlabelled",
            "audit: records not labelled yet",
            float(len(unlabelled)),
            len(records),
            unit="count",
            misses=tuple(record_id(record) for record in unlabelled),
        )
    )
    return rows


def kind_row(kind: str, records: Sequence[AuditRecord]) -> MetricRow:
    labelled = [r for r in records if r["kind"] == kind and r.get("label") in LABELS]
    return MetricRow(
        f"audit.{kind}_confirmed",
        f"audit: {KIND_LABELS[kind]}",
        confirmed_share(labelled),
        len(labelled),
        misses=tuple(record_id(record) for record in labelled if record["label"] == WRONG),
        interval=cluster_bootstrap(labelled, event_of, confirmed_share),
    )


def confirmed_share(records: Sequence[AuditRecord]) -> float | None:
    return rate(record["label"] == CONFIRMED for record in records)


def event_of(record: AuditRecord) -> str:
    return str(record["event"])


def record_id(record: AuditRecord) -> str:
    return f"{record['claim_id']}→{record['match_claim_id']}"


def check_labels(records: Sequence[AuditRecord]) -> None:
    for number, record in enumerate(records, start=1):
        label = record.get("label")
        if label is not None and label not in LABELS:
            raise AuditLabelError(f"record {number}: label {label!r} is not one of {LABELS}")
        if record.get("kind") not in KIND_LABELS:
            raise AuditLabelError(f"record {number}: unknown kind {record.get('kind')!r}")
