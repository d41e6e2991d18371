"""What a job is: its kind, its state, its progress and the result of each of its items."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

INGEST = "ingest"
CHECK = "check"
KINDS = (INGEST, CHECK)

QUEUED = "queued"
RUNNING = "running"
SUCCEEDED = "succeeded"
PARTIALLY_SUCCEEDED = "partially_succeeded"
FAILED = "failed"
STATES = (QUEUED, RUNNING, SUCCEEDED, PARTIALLY_SUCCEEDED, FAILED)
FINAL_STATES = (SUCCEEDED, PARTIALLY_SUCCEEDED, FAILED)

PENDING = "pending"
ITEM_OK = ("created", "updated", "unchanged", "checked")
ITEM_ERRORS = ("rejected", "failed")
"""``rejected``: the article itself cannot be processed (e.g. too many claims); ``failed``:
the batch failed on every attempt (e.g. the database stayed down)."""
ITEM_STATUSES = (PENDING, *ITEM_OK, *ITEM_ERRORS)


@dataclass(frozen=True, slots=True)
class ItemResult:
    index: int
    status: str
    article_id: str | None = None
    claims: int | None = None
    error: str | None = None
    report: dict[str, Any] | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            key: value
            for key, value in (
                ("index", self.index),
                ("status", self.status),
                ("article_id", self.article_id),
                ("claims", self.claims),
                ("error", self.error),
                ("report", self.report),
            )
            if value is not None
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ItemResult:
        return cls(**data)


@dataclass(frozen=True, slots=True)
class Webhook:
    url: str
    state: str = PENDING
    """``pending`` (not sent yet, or being retried), ``delivered`` or ``failed``."""
    attempts: int = 0
    last_error: str | None = None
    delivered_at: str | None = None


@dataclass(frozen=True, slots=True)
class Job:
    id: str
    kind: str
    state: str
    total: int
    created_at: str
    batch_size: int
    top_k: int = 5
    started_at: str | None = None
    finished_at: str | None = None
    counts: dict[str, int] = field(default_factory=dict)
    webhook: Webhook | None = None

    @property
    def batches(self) -> int:
        return -(-self.total // self.batch_size)

    @property
    def finished(self) -> bool:
        return self.state in FINAL_STATES

    @property
    def progress(self) -> dict[str, int]:
        done = sum(self.counts.get(status, 0) for status in (*ITEM_OK, *ITEM_ERRORS))
        counts = {status: self.counts.get(status, 0) for status in (*ITEM_OK, *ITEM_ERRORS)}
        return {"total": self.total, "done": done, **counts}

    def batch_range(self, batch: int) -> range:
        start = batch * self.batch_size
        return range(start, min(start + self.batch_size, self.total))
