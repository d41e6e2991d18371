"""A worker process: takes batches and webhook deliveries off the queue, one service per process.

Run by ``crosscheck worker``; start as many as there are cores to spare, on any host that
reaches Redis and the database. The service (models, store, index) is built once per process
by the caller and shared by the worker's threads.
"""

from __future__ import annotations

import logging
import signal
import threading
from types import FrameType

import dramatiq

from crosscheck.service import ConsistencyService
from jobs.batches import failed, run_batch
from jobs.broker import (
    BATCH_QUEUE,
    BATCH_TIME_LIMIT_MS,
    DELIVER_WEBHOOK,
    PROCESS_BATCH,
    WEBHOOK_QUEUE,
    make_broker,
    redis_client,
    webhook_message,
)
from jobs.errors import WebhookFailed
from jobs.model import ItemResult, Job
from jobs.queue import now
from jobs.records import JobRecords
from jobs.settings import QueueSettings
from jobs.webhook import deliver, payload

log = logging.getLogger(__name__)

MAX_BACKOFF_MS = 5 * 60 * 1000
SHUTDOWN_TIMEOUT_MS = 60 * 1000
POLL_INTERVAL_MS = 100


class JobWorker:
    def __init__(self, settings: QueueSettings, service: ConsistencyService):
        self._settings = settings
        self._service = service
        self._broker = make_broker(settings)
        self._records = JobRecords(
            redis_client(settings, decode=True), settings.namespace, settings.retention_s
        )
        dramatiq.actor(
            broker=self._broker,
            actor_name=PROCESS_BATCH,
            queue_name=BATCH_QUEUE,
            max_retries=settings.max_attempts,
            min_backoff=settings.retry_min_backoff_ms,
            max_backoff=MAX_BACKOFF_MS,
            time_limit=BATCH_TIME_LIMIT_MS,
        )(self.process_batch)
        dramatiq.actor(
            broker=self._broker,
            actor_name=DELIVER_WEBHOOK,
            queue_name=WEBHOOK_QUEUE,
            max_retries=settings.webhook_max_attempts,
            min_backoff=settings.webhook_min_backoff_ms,
            max_backoff=MAX_BACKOFF_MS,
        )(self.deliver_webhook)

    def run(self, stop: threading.Event, threads: int = 1) -> None:
        """Process messages until ``stop`` is set, then finish the current ones and return."""
        worker = dramatiq.Worker(
            self._broker, worker_threads=threads, worker_timeout=POLL_INTERVAL_MS
        )
        # Fetch only what the threads process: a batch never waits behind a busy worker while
        # another is idle, and a killed worker holds no more than it was working on. The
        # short poll interval is what makes this cheap: a consumer whose worker is busy backs
        # off up to the interval, so the next batch is fetched at most that long after one ends.
        worker.queue_prefetch = threads
        worker.start()
        log.info("worker ready", extra={"threads": threads, "namespace": self._settings.namespace})
        stop.wait()
        worker.stop(timeout=SHUTDOWN_TIMEOUT_MS)
        self._broker.close()

    # -- actors -----------------------------------------------------------------------------

    def process_batch(self, job_id: str, batch: int) -> None:
        """Process one batch of a job once, whatever the number of deliveries."""
        job = self._records.load(job_id)
        if job is None:
            log.warning("job %s has expired or never existed; batch %d dropped", job_id, batch)
            return
        if not self._records.batch_recorded(job_id, batch):
            attempt = self._records.start_batch(job_id, batch, now())
            results = self._batch_results(job, batch, attempt)
            if not self._records.record_batch(job_id, batch, results, now()):
                return
        self._announce(job_id)

    def deliver_webhook(self, job_id: str) -> None:
        """POST the signed end-of-job event; raising makes Dramatiq retry it with back-off."""
        job = self._records.load(job_id)
        if job is None or job.webhook is None or job.webhook.state != "pending":
            return
        secret = self._settings.webhook_secret
        attempt = self._records.count_webhook_attempt(job_id)
        try:
            if not secret:
                raise WebhookFailed("the worker has no CROSSCHECK_WEBHOOK_SECRET to sign with")
            timeout = self._settings.webhook_timeout_s
            deliver(job.webhook.url, payload(job, now()), job_id, secret, timeout)
        except WebhookFailed as error:
            final = attempt >= self._settings.webhook_max_attempts
            self._records.webhook_outcome(job_id, "failed" if final else "pending", str(error))
            if not final:
                raise
            log.warning("webhook of job %s given up after %d attempts", job_id, attempt)
            return
        self._records.webhook_outcome(job_id, "delivered", delivered_at=now())

    def _batch_results(self, job: Job, batch: int, attempt: int) -> list[ItemResult]:
        indexes = job.batch_range(batch)
        items = self._records.items(job.id, indexes)
        limit = self._settings.max_attempts
        if attempt > limit:
            return failed(indexes, items, f"given up after {limit} attempts (worker lost)")
        try:
            return run_batch(self._service, job, indexes, items)
        except Exception as error:
            if attempt < limit:
                raise
            log.exception("batch %d of job %s failed %d times", batch, job.id, attempt)
            return failed(indexes, items, f"failed {attempt} times; last error: {error}")

    def _announce(self, job_id: str) -> None:
        """Enqueue the webhook of a finished job, once (at least once if this worker dies
        between the two steps: the redelivered batch announces it again)."""
        job = self._records.load(job_id)
        if job is None or not job.finished or job.webhook is None:
            return
        if self._records.webhook_announced(job_id):
            return
        self._broker.enqueue(webhook_message(job_id))
        self._records.mark_webhook_announced(job_id, now())


def run_until_signalled(worker: JobWorker, threads: int = 1) -> None:
    """Run ``worker`` until SIGTERM or SIGINT; the batch in hand is finished first."""
    stop = threading.Event()

    def request_stop(signum: int, _frame: FrameType | None) -> None:
        log.info("stopping worker", extra={"signal": signal.Signals(signum).name})
        stop.set()

    signal.signal(signal.SIGTERM, request_stop)
    signal.signal(signal.SIGINT, request_stop)
    worker.run(stop, threads)
