"""Dramatiq on Redis: the broker, the queues and the messages that carry job work.

Why Dramatiq: its Redis broker acknowledges a message only after the actor returns (a fetched
message sits in the worker's ``__acks__`` set until then), and its queue maintenance puts the
unacknowledged messages of a worker whose heartbeat stopped back on their queue
(``dramatiq/brokers/redis/dispatch.lua``). A batch being processed by a worker that is killed
is therefore redelivered to another one: at-least-once delivery, which the job records turn
into exactly-once results (:mod:`jobs.records`).

Tuned here for redelivery within seconds rather than minutes:

- every Redis command of the broker updates the worker's heartbeat; an idle consumer polls
  at least every ``worker_timeout`` (:data:`jobs.worker.POLL_INTERVAL_MS`, 100 ms), and each
  worker also polls its delay queues, so a live worker beats several times a second even
  while its one thread is busy;
- ``heartbeat_timeout`` (Dramatiq: 60 s) is :attr:`QueueSettings.heartbeat_timeout_ms`;
- maintenance (the requeueing of dead workers' messages) runs on every command instead of
  on 0.1% of them, so the first poll by a live worker after the timeout requeues the batch.
  It costs one ``ZRANGEBYSCORE`` on the heartbeat set per command.
"""

from __future__ import annotations

import dramatiq
import redis
from dramatiq.brokers.redis import MAINTENANCE_SCALE, RedisBroker
from dramatiq.middleware import (
    AgeLimit,
    CurrentMessage,
    Retries,
    ShutdownNotifications,
    TimeLimit,
)

from jobs.settings import QueueSettings

BATCH_QUEUE = "batches"
WEBHOOK_QUEUE = "webhooks"
PROCESS_BATCH = "crosscheck.process_batch"
DELIVER_WEBHOOK = "crosscheck.deliver_webhook"
BATCH_TIME_LIMIT_MS = 30 * 60 * 1000


def redis_client(settings: QueueSettings, *, decode: bool) -> redis.Redis:
    """A client that gives up quickly when Redis does not answer."""
    return redis.Redis.from_url(
        settings.redis_url,
        decode_responses=decode,
        socket_connect_timeout=2,
        socket_timeout=10,
    )


def make_broker(settings: QueueSettings) -> RedisBroker:
    middleware = [
        AgeLimit(),
        TimeLimit(time_limit=BATCH_TIME_LIMIT_MS),
        ShutdownNotifications(),
        Retries(max_retries=settings.max_attempts),
        CurrentMessage(),
    ]
    broker = RedisBroker(
        client=redis_client(settings, decode=False),
        namespace=f"{settings.namespace}:queue",
        middleware=middleware,
        heartbeat_timeout=settings.heartbeat_timeout_ms,
        maintenance_chance=MAINTENANCE_SCALE,
    )
    broker.declare_queue(BATCH_QUEUE)
    broker.declare_queue(WEBHOOK_QUEUE)
    return broker


def batch_message(job_id: str, batch: int) -> dramatiq.Message[None]:
    return dramatiq.Message(
        queue_name=BATCH_QUEUE,
        actor_name=PROCESS_BATCH,
        args=(job_id, batch),
        kwargs={},
        options={},
    )


def webhook_message(job_id: str) -> dramatiq.Message[None]:
    return dramatiq.Message(
        queue_name=WEBHOOK_QUEUE,
        actor_name=DELIVER_WEBHOOK,
        args=(job_id,),
        kwargs={},
        options={},
    )
