"""Job state in Redis: one hash per job, its items, and the result of each item.

Redis rather than the article store: job state is operational and short-lived (it expires
after ``retention_s``), it must be shared by API replicas and workers on any host, and it
lives beside the queue that drives it, so a job and its messages share one failure domain.
The store keeps only what the jobs produce: the articles.

Every change that must not be applied twice is one Lua script: a batch's item results are
recorded with ``HSETNX`` (a redelivered batch cannot count an item twice), and the call that
records the last batch is the only one that sees the job finish.

Keys, under ``<namespace>:job:<id>``: the hash itself, ``:items`` (a list of article
objects), ``:results`` (item index -> result), ``:batches`` (recorded batch numbers) and
``:attempts`` (batch number -> times it was started).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

import redis

from jobs.model import (
    ITEM_ERRORS,
    ITEM_OK,
    PENDING,
    QUEUED,
    ItemResult,
    Job,
    Webhook,
)

_START_BATCH = """
local attempt = redis.call('hincrby', KEYS[2], ARGV[1], 1)
redis.call('expire', KEYS[2], ARGV[3])
if redis.call('hget', KEYS[1], 'state') == 'queued' then
  redis.call('hset', KEYS[1], 'state', 'running', 'started_at', ARGV[2])
end
return attempt
"""

_RECORD_BATCH = """
if redis.call('exists', KEYS[1]) == 0 then return -1 end
if redis.call('hsetnx', KEYS[3], ARGV[1], ARGV[2]) == 0 then return 0 end
for i = 4, #ARGV, 3 do
  if redis.call('hsetnx', KEYS[2], ARGV[i], ARGV[i + 2]) == 1 then
    redis.call('hincrby', KEYS[1], 'count:' .. ARGV[i + 1], 1)
    if ARGV[i + 1] == 'rejected' or ARGV[i + 1] == 'failed' then
      redis.call('hincrby', KEYS[1], 'errors', 1)
    end
  end
end
redis.call('expire', KEYS[2], ARGV[3])
redis.call('expire', KEYS[3], ARGV[3])
if redis.call('hlen', KEYS[3]) < tonumber(redis.call('hget', KEYS[1], 'batches')) then
  return 0
end
local errors = tonumber(redis.call('hget', KEYS[1], 'errors') or '0')
local state = 'succeeded'
if errors >= tonumber(redis.call('hget', KEYS[1], 'total')) then
  state = 'failed'
elseif errors > 0 then
  state = 'partially_succeeded'
end
redis.call('hset', KEYS[1], 'state', state, 'finished_at', ARGV[2])
return 1
"""

_ITEM_STATUSES = (*ITEM_OK, *ITEM_ERRORS)


class JobRecords:
    def __init__(self, client: redis.Redis, namespace: str, retention_s: int):
        self._client = client
        self._namespace = namespace
        self._retention_s = retention_s
        self._start_batch = client.register_script(_START_BATCH)
        self._record_batch = client.register_script(_RECORD_BATCH)

    def key(self, job_id: str, part: str = "") -> str:
        return f"{self._namespace}:job:{job_id}{part}"

    def create(self, job: Job, items: Sequence[dict[str, Any]]) -> None:
        fields: dict[Any, Any] = {
            "kind": job.kind,
            "state": QUEUED,
            "total": job.total,
            "batch_size": job.batch_size,
            "batches": job.batches,
            "top_k": job.top_k,
            "created_at": job.created_at,
            "errors": 0,
        }
        if job.webhook is not None:
            fields.update({"webhook_url": job.webhook.url, "webhook_state": PENDING})
        with self._client.pipeline(transaction=True) as pipe:
            pipe.hset(self.key(job.id), mapping=fields)
            pipe.rpush(self.key(job.id, ":items"), *(json.dumps(item) for item in items))
            pipe.expire(self.key(job.id), self._retention_s)
            pipe.expire(self.key(job.id, ":items"), self._retention_s)
            pipe.execute()

    def load(self, job_id: str) -> Job | None:
        fields: dict[str, str] = self._client.hgetall(self.key(job_id))  # type: ignore[assignment]
        if not fields:
            return None
        webhook = None
        if "webhook_url" in fields:
            webhook = Webhook(
                url=fields["webhook_url"],
                state=fields.get("webhook_state", PENDING),
                attempts=int(fields.get("webhook_attempts", 0)),
                last_error=fields.get("webhook_error"),
                delivered_at=fields.get("webhook_delivered_at"),
            )
        return Job(
            id=job_id,
            kind=fields["kind"],
            state=fields["state"],
            total=int(fields["total"]),
            batch_size=int(fields["batch_size"]),
            top_k=int(fields["top_k"]),
            created_at=fields["created_at"],
            started_at=fields.get("started_at"),
            finished_at=fields.get("finished_at"),
            counts={status: int(fields.get(f"count:{status}", 0)) for status in _ITEM_STATUSES},
            webhook=webhook,
        )

    def items(self, job_id: str, indexes: range) -> list[dict[str, Any]]:
        if not indexes:
            return []
        raw: list[str] = self._client.lrange(  # type: ignore[assignment]
            self.key(job_id, ":items"), indexes.start, indexes.stop - 1
        )
        return [json.loads(item) for item in raw]

    def results(self, job_id: str, indexes: range) -> list[ItemResult]:
        """The results of these items; ``pending`` for those not done yet."""
        if not indexes:
            return []
        raw: list[str | None] = self._client.hmget(  # type: ignore[assignment]
            self.key(job_id, ":results"), [str(index) for index in indexes]
        )
        return [
            ItemResult.from_json(json.loads(found)) if found else ItemResult(index, PENDING)
            for index, found in zip(indexes, raw, strict=True)
        ]

    def batch_recorded(self, job_id: str, batch: int) -> bool:
        return bool(self._client.hexists(self.key(job_id, ":batches"), str(batch)))

    def start_batch(self, job_id: str, batch: int, now: str) -> int:
        """Count one more attempt at this batch (the job is running from now); its number."""
        keys = [self.key(job_id), self.key(job_id, ":attempts")]
        return int(self._start_batch(keys=keys, args=[batch, now, self._retention_s]))

    def record_batch(
        self, job_id: str, batch: int, results: Sequence[ItemResult], now: str
    ) -> bool:
        """Record the results of a batch once; True when this call finished the job."""
        keys = [self.key(job_id), self.key(job_id, ":results"), self.key(job_id, ":batches")]
        args: list[Any] = [batch, now, self._retention_s]
        for result in results:
            args += [result.index, result.status, json.dumps(result.to_json())]
        return int(self._record_batch(keys=keys, args=args)) == 1

    def webhook_announced(self, job_id: str) -> bool:
        return bool(self._client.hexists(self.key(job_id), "webhook_enqueued_at"))

    def mark_webhook_announced(self, job_id: str, now: str) -> None:
        self._client.hset(self.key(job_id), "webhook_enqueued_at", now)

    def count_webhook_attempt(self, job_id: str) -> int:
        return int(self._client.hincrby(self.key(job_id), "webhook_attempts", 1))

    def webhook_outcome(
        self, job_id: str, state: str, error: str | None = None, delivered_at: str | None = None
    ) -> None:
        fields: dict[Any, Any] = {"webhook_state": state}
        if error is not None:
            fields["webhook_error"] = error
        if delivered_at is not None:
            fields["webhook_delivered_at"] = delivered_at
        self._client.hset(self.key(job_id), mapping=fields)
