"""Bulk jobs on a queue: ingest or check many articles on worker processes on any host.

The API submits a job (:class:`JobQueue`) as one Dramatiq message per batch of items on
Redis; ``crosscheck worker`` processes (:class:`JobWorker`) run each batch through the
consistency service and record per-item results; the state of a job lives in Redis beside
its messages (:mod:`jobs.records`). Nothing here knows HTTP.
"""

from jobs.errors import QueueUnavailable, WebhookFailed
from jobs.model import CHECK, INGEST, KINDS, STATES, ItemResult, Job, Webhook
from jobs.queue import JobQueue
from jobs.settings import QueueSettings

__all__ = [
    "CHECK",
    "INGEST",
    "KINDS",
    "STATES",
    "ItemResult",
    "Job",
    "JobQueue",
    "QueueSettings",
    "QueueUnavailable",
    "Webhook",
    "WebhookFailed",
]
