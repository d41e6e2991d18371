"""Settings of the job queue, read by the API (to submit) and by workers (to process)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class QueueSettings:
    """Where the queue lives and how jobs are cut, retried and kept.

    ``heartbeat_timeout_ms``: a worker whose heartbeat is older than this is dead, and the
    messages it had fetched but not acknowledged go back on the queue (Dramatiq's default is
    a minute; live workers beat about once a second, see :mod:`jobs.broker`).
    """

    redis_url: str
    namespace: str = "crosscheck"
    heartbeat_timeout_ms: int = 5_000
    batch_size: int = 16
    max_items: int = 1_000
    max_attempts: int = 5
    retry_min_backoff_ms: int = 1_000
    retention_s: int = 7 * 86_400
    webhook_secret: str | None = None
    webhook_max_attempts: int = 8
    webhook_min_backoff_ms: int = 1_000
    webhook_timeout_s: float = 10.0
