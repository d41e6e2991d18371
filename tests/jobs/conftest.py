"""Real Redis, real ``crosscheck worker`` subprocesses, and an API app on the same data.

Each test module gets its own Redis key namespace (removed afterwards) and data directory;
workers run the fast test settings (hashing encoder, rules-only verdicts), so they start in
seconds. Without Redis these tests fail under CI and skip elsewhere (tests/services.py).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import redis
from flask import Flask
from flask.testing import FlaskClient

from api import create_app
from api.config import TestConfig
from tests.services import require_redis

WEBHOOK_SECRET = "test-webhook-secret"
HEARTBEAT_TIMEOUT_MS = 1_500
MAX_CLAIMS = 20
JOB_TIMEOUT_S = 90.0


@dataclass
class JobsSetup:
    """One namespace, one data directory, the app on them and the workers started for them."""

    redis_url: str
    namespace: str
    data_dir: Path
    app: Flask
    workers: list[subprocess.Popen[bytes]] = field(default_factory=list)

    @property
    def client(self) -> FlaskClient:
        return self.app.test_client()

    def worker_environment(self) -> dict[str, str]:
        return {
            **os.environ,
            "CROSSCHECK_ENCODER": "hashing",
            "CROSSCHECK_VERDICT_JUDGE": "off",
            "CROSSCHECK_SIMILARITY_FLOOR": "0.3",
            "CROSSCHECK_MAX_CLAIMS": str(MAX_CLAIMS),
            "CROSSCHECK_REDIS_URL": self.redis_url,
            "CROSSCHECK_REDIS_NAMESPACE": self.namespace,
            "CROSSCHECK_WORKER_HEARTBEAT_TIMEOUT_MS": str(HEARTBEAT_TIMEOUT_MS),
            "CROSSCHECK_WEBHOOK_SECRET": WEBHOOK_SECRET,
            "CROSSCHECK_WEBHOOK_MIN_BACKOFF_MS": "100",
            "CROSSCHECK_LOG_LEVEL": "WARNING",
            "HF_HUB_OFFLINE": "1",
        }

    def start_worker(self) -> subprocess.Popen[bytes]:
        worker = subprocess.Popen(
            [sys.executable, "-m", "crosscheck.cli", "worker", "--data-dir", str(self.data_dir)],
            env=self.worker_environment(),
        )
        self.workers.append(worker)
        return worker

    def submit(self, kind: str, items: list[dict[str, Any]], **extra: Any) -> str:
        response = self.client.post("/v1/jobs", json={"kind": kind, "items": items, **extra})
        assert response.status_code == 202, response.json
        location: str = response.headers["Location"]
        return location

    def job(self, location: str, **query: Any) -> dict[str, Any]:
        response = self.client.get(location, query_string=query)
        assert response.status_code == 200, response.json
        body: dict[str, Any] = response.json
        return body

    def wait_for(
        self, location: str, done: Callable[[dict[str, Any]], bool], **query: Any
    ) -> dict[str, Any]:
        deadline = time.monotonic() + JOB_TIMEOUT_S
        while True:
            job = self.job(location, **query)
            if done(job):
                return job
            for worker in self.workers:
                assert worker.poll() in (None, -signal.SIGKILL), "a worker exited on its own"
            assert time.monotonic() < deadline, f"job not done in time: {job['progress']}"
            time.sleep(0.05)

    def wait_until_finished(self, location: str, **query: Any) -> dict[str, Any]:
        return self.wait_for(location, lambda job: job["finished_at"] is not None, **query)

    def stop_workers(self) -> None:
        for worker in self.workers:
            if worker.poll() is None:
                worker.terminate()
        for worker in self.workers:
            try:
                worker.wait(timeout=30)
            except subprocess.TimeoutExpired:
                worker.kill()
                worker.wait()


@pytest.fixture(scope="module")
def jobs_setup(tmp_path_factory: pytest.TempPathFactory) -> Iterator[JobsSetup]:
    redis_url = require_redis()
    namespace = f"crosscheck-test-{uuid.uuid4().hex[:12]}"
    data_dir = tmp_path_factory.mktemp("jobs") / "data"
    config = TestConfig(
        data_dir=data_dir,
        redis_url=redis_url,
        redis_namespace=namespace,
        job_batch_size=2,
        max_claims=MAX_CLAIMS,
        webhook_secret=WEBHOOK_SECRET,
        worker_heartbeat_timeout_ms=HEARTBEAT_TIMEOUT_MS,
    )
    app = create_app(config)
    app.config["TESTING"] = True
    setup = JobsSetup(redis_url, namespace, data_dir, app)
    try:
        yield setup
    finally:
        setup.stop_workers()
        app.extensions["crosscheck"].close()
        delete_namespace(redis_url, namespace)


def delete_namespace(redis_url: str, namespace: str) -> None:
    client = redis.Redis.from_url(redis_url)
    try:
        keys = list(client.scan_iter(match=f"{namespace}:*", count=1000))
        if keys:
            client.delete(*keys)
    finally:
        client.close()


def article(article_id: str, sentences: int = 3, topic: str = "storm") -> dict[str, Any]:
    """An article with ``sentences`` distinct factual sentences."""
    text = " ".join(
        f"The {topic} report {article_id} says {index + 2} bridges closed on day {index + 1}."
        for index in range(sentences)
    )
    return {"id": article_id, "source": f"Outlet {article_id}", "text": text}
