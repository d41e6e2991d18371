"""Shared by the job benches: ``crosscheck worker`` processes on a scratch Redis namespace and
data directory, and BBC News articles to feed them."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path
from typing import Any

import redis

from jobs import Job, JobQueue, QueueSettings

REPO = Path(__file__).resolve().parent.parent
SHARED_DATA = Path(os.environ.get("CROSSCHECK_SHARED_DATA", REPO.parent / "shared" / "data"))
BBC = SHARED_DATA / "corpora" / "bbc"
START_TIMEOUT_S = 300
WORKER_COMMAND = [sys.executable, "-m", "crosscheck.cli", "worker"]


def bbc_articles(count: int, seed: int, prefix: str) -> list[dict[str, Any]]:
    paths = sorted(BBC.glob("*/*.txt"))
    if not paths:
        raise SystemExit(f"no BBC articles under {BBC} (set CROSSCHECK_SHARED_DATA)")
    chosen = random.Random(seed).sample(paths, count)
    return [
        {
            "id": f"{prefix}-{number}",
            "source": "BBC News",
            "text": path.read_text(encoding="utf-8", errors="replace").strip(),
        }
        for number, path in enumerate(chosen)
    ]


class WorkerPool:
    """Workers for one scratch namespace and data directory; everything removed on close."""

    def __init__(self, redis_url: str, data_dir: Path, environment: dict[str, str]):
        self.namespace = f"crosscheck-bench-{uuid.uuid4().hex[:12]}"
        self.data_dir = data_dir
        self._redis_url = redis_url
        self._environment = {
            **os.environ,
            "CROSSCHECK_REDIS_URL": redis_url,
            "CROSSCHECK_REDIS_NAMESPACE": self.namespace,
            "CROSSCHECK_LOG_LEVEL": "ERROR",
            **environment,
        }
        self.settings = QueueSettings(
            redis_url=redis_url,
            namespace=self.namespace,
            batch_size=int(environment.get("CROSSCHECK_JOB_BATCH_SIZE", "16")),
            heartbeat_timeout_ms=int(
                environment.get("CROSSCHECK_WORKER_HEARTBEAT_TIMEOUT_MS", "5000")
            ),
            webhook_secret=environment.get("CROSSCHECK_WEBHOOK_SECRET"),
        )
        self.queue = JobQueue(self.settings)
        self.workers: list[subprocess.Popen[bytes]] = []
        self._client = redis.Redis.from_url(redis_url, decode_responses=True)

    def start(self, count: int = 1) -> list[subprocess.Popen[bytes]]:
        """Start ``count`` workers and wait until each has loaded its models and polls."""
        before = self._beating()
        started = [
            subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "crosscheck.cli",
                    "worker",
                    "--data-dir",
                    str(self.data_dir),
                ],
                env=self._environment,
            )
            for _ in range(count)
        ]
        self.workers += started
        deadline = time.monotonic() + START_TIMEOUT_S
        while len(self._beating() - before) < count:
            if any(worker.poll() is not None for worker in started):
                raise RuntimeError("a worker exited while starting")
            if time.monotonic() > deadline:
                raise RuntimeError(f"workers not ready within {START_TIMEOUT_S} s")
            time.sleep(0.1)
        return started

    def _beating(self) -> set[str]:
        """Broker ids with a heartbeat in the last two seconds (workers poll every second)."""
        now_ms = int(time.time() * 1000)
        key = f"{self.namespace}:queue:__heartbeats__"
        return set(self._client.zrangebyscore(key, now_ms - 2000, "+inf"))  # type: ignore[arg-type]

    def cpu_seconds(self) -> float:
        """User and system CPU time used so far by the live workers (Linux /proc)."""
        ticks = os.sysconf("SC_CLK_TCK")
        total = 0
        for worker in self.workers:
            if worker.poll() is None:
                fields = Path(f"/proc/{worker.pid}/stat").read_text().rsplit(")", 1)[1].split()
                total += int(fields[11]) + int(fields[12])
        return total / ticks

    def kill(self, worker: subprocess.Popen[bytes]) -> None:
        os.kill(worker.pid, signal.SIGKILL)
        worker.wait()

    def wait(self, job_id: str, timeout_s: float = 3600) -> Job:
        deadline = time.monotonic() + timeout_s
        while True:
            job = self.queue.get(job_id)
            if job is not None and job.finished:
                return job
            if time.monotonic() > deadline:
                raise RuntimeError(f"job {job_id} not finished within {timeout_s} s")
            time.sleep(0.05)

    def hash(self, job_id: str, part: str) -> dict[str, str]:
        found: dict[str, str] = self._client.hgetall(f"{self.namespace}:job:{job_id}:{part}")  # type: ignore[assignment]
        return found

    def close(self) -> None:
        for worker in self.workers:
            if worker.poll() is None:
                worker.terminate()
        for worker in self.workers:
            try:
                worker.wait(60)
            except subprocess.TimeoutExpired:
                worker.kill()
                worker.wait()
        self.queue.close()
        keys = list(self._client.scan_iter(match=f"{self.namespace}:*", count=1000))
        if keys:
            self._client.delete(*keys)
        self._client.close()
