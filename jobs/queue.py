"""The API's side of the queue: submit a job, read its state and results."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from jobs.errors import QueueUnavailable
from jobs.model import INGEST, QUEUED, ItemResult, Job, Webhook
from jobs.settings import QueueSettings

# Redis, the broker and the job records are imported when a queue is made: an API server
# without CROSSCHECK_REDIS_URL (the default) never loads them.

JOB_ID = re.compile(r"[0-9a-f]{32}")


class JobQueue:
    """Submits jobs as one queue message per batch of items, so that workers on any host
    share the batches of one job; reads job state back from :class:`JobRecords`."""

    def __init__(self, settings: QueueSettings):
        from jobs.broker import make_broker, redis_client
        from jobs.records import JobRecords

        self.settings = settings
        self._client = redis_client(settings, decode=True)
        self._broker = make_broker(settings)
        self._records = JobRecords(self._client, settings.namespace, settings.retention_s)

    def submit(
        self,
        kind: str,
        items: Sequence[dict[str, Any]],
        webhook_url: str | None = None,
        top_k: int = 5,
    ) -> Job:
        """Record the job and enqueue its batches.

        Ingest items without an id get one now, so a batch processed twice (after a worker
        died) replaces its articles instead of storing them again under new ids.
        """
        if kind == INGEST:
            items = [{**item, "id": item.get("id") or uuid.uuid4().hex} for item in items]
        job = Job(
            id=uuid.uuid4().hex,
            kind=kind,
            state=QUEUED,
            total=len(items),
            created_at=now(),
            batch_size=self.settings.batch_size,
            top_k=top_k,
            webhook=Webhook(webhook_url) if webhook_url else None,
        )
        from jobs.broker import batch_message

        with unavailable_on_redis_errors():
            self._records.create(job, items)
            for batch in range(job.batches):
                self._broker.enqueue(batch_message(job.id, batch))
        return job

    def get(self, job_id: str) -> Job | None:
        """The job, or None: unknown, expired, or not an id this queue gives out."""
        if not JOB_ID.fullmatch(job_id):
            return None
        with unavailable_on_redis_errors():
            return self._records.load(job_id)

    def results(self, job_id: str, indexes: range) -> list[ItemResult]:
        with unavailable_on_redis_errors():
            return self._records.results(job_id, indexes)

    def close(self) -> None:
        self._client.close()
        self._broker.close()


@contextmanager
def unavailable_on_redis_errors() -> Iterator[None]:
    import redis

    try:
        yield
    except (redis.ConnectionError, redis.TimeoutError) as error:
        raise QueueUnavailable(f"the job queue (Redis) does not answer: {error}") from error


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")
