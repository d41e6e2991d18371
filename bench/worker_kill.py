"""Workers killed mid-job: are jobs or items lost or done twice? (20 rounds by default)

Usage: python bench/worker_kill.py [--rounds 20] [--items 80] [--batch-size 2]

Two ``crosscheck worker`` processes (hashing encoder: this is about the queue, not the model)
share a scratch Redis namespace and SQLite data directory. Each round submits an ingest job
of news articles with a webhook to a local receiver and waits until it is running; then,
at a random moment within 0.3 s, both workers are frozen (SIGSTOP) until one of them is
inside a batch (started, not recorded), and that round's victim, one of the two at random,
gets SIGKILL; the other resumes, a replacement starts, and the bench waits for the job to
end. Then it counts:

- jobs lost: a job that never ends; items lost: an item without a result, or whose article
  is not stored; items duplicated: an article written more than once (revision > 1) or an
  item whose claim count differs from its stored article's;
- batches redelivered: batches started twice (a message the dead worker had not
  acknowledged went back to the queue), and how long after the kill each was recorded;
- webhooks: deliveries received per job (1 expected; at least once allows 2, counted).
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar

from job_workers import WorkerPool, bbc_articles

from storage import open_store

SECRET = "bench-secret"


class Receiver(BaseHTTPRequestHandler):
    deliveries: ClassVar[Counter[str]] = Counter()

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers["Content-Length"]))
        self.deliveries[self.headers["X-Crosscheck-Job"]] += 1
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args: Any) -> None:
        """Quiet."""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--items", type=int, default=80)
    parser.add_argument("--batch-size", type=int, default=2)
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/0")
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))  # stop the workers on the way out
    receiver = ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
    threading.Thread(target=receiver.serve_forever, daemon=True).start()
    webhook = f"http://127.0.0.1:{receiver.server_port}/hook"
    environment = {
        "CROSSCHECK_ENCODER": "hashing",
        "CROSSCHECK_VERDICT_JUDGE": "off",
        "CROSSCHECK_JOB_BATCH_SIZE": str(args.batch_size),
        "CROSSCHECK_WORKER_HEARTBEAT_TIMEOUT_MS": "5000",
        "CROSSCHECK_WEBHOOK_SECRET": SECRET,
    }
    chooser = random.Random(args.seed)
    articles = bbc_articles(args.rounds * args.items, args.seed, "kill")
    counts: Counter[str] = Counter()
    recoveries: list[float] = []
    redeliveries: list[float] = []
    with tempfile.TemporaryDirectory() as scratch:
        pool = WorkerPool(args.redis_url, Path(scratch) / "data", environment)
        try:
            live = pool.start(2)
            for round_number in range(args.rounds):
                items = articles[round_number * args.items : (round_number + 1) * args.items]
                job = pool.queue.submit("ingest", items, webhook_url=webhook)
                wait_until_running(pool, job.id)
                time.sleep(chooser.uniform(0, 0.3))
                victim = live.pop(chooser.randrange(len(live)))
                if not kill_inside_a_batch(pool, job.id, victim, live):
                    counts["jobs ended before the kill"] += 1
                killed_at = time.time()
                live += pool.start(1)
                try:
                    finished = pool.wait(job.id, timeout_s=300)
                except RuntimeError:
                    counts["jobs lost"] += 1
                    continue
                recoveries.append(time.time() - killed_at)
                redeliveries += [
                    recorded - killed_at for recorded in redelivered_batches(pool, finished.id)
                ]
                tally_round(pool, finished.id, finished.total, counts)
                counts["jobs"] += 1
                print(f"round {round_number + 1}: {dict(sorted(counts.items()))}", flush=True)
            time.sleep(3)
        finally:
            pool.close()
            receiver.shutdown()
    deliveries = Counter(Receiver.deliveries.values())
    print(
        f"{args.rounds} rounds, one worker of two killed (SIGKILL) mid-job in each "
        f"({counts['jobs ended before the kill']} jobs ended before the kill): "
        f"jobs lost {counts['jobs lost']}, items lost {counts['items lost']}, "
        f"items duplicated {counts['items duplicated']}; batches redelivered "
        f"{len(redeliveries)}, done again {describe(redeliveries)} after the kill (heartbeat "
        f"timeout 5 s); kill to job end {describe(recoveries)} (a replacement worker starts "
        f"meanwhile); webhook deliveries per job {dict(deliveries)}"
    )
    return 0


def describe(seconds: list[float]) -> str:
    if not seconds:
        return "-"
    return f"median {statistics.median(seconds):.1f} s, max {max(seconds):.1f} s"


def redelivered_batches(pool: WorkerPool, job_id: str) -> list[float]:
    """When each batch started more than once was recorded (epoch seconds)."""
    attempts = pool.hash(job_id, "attempts")
    recorded = pool.hash(job_id, "batches")
    return [
        datetime.fromisoformat(recorded[batch]).timestamp()
        for batch, count in attempts.items()
        if int(count) > 1 and batch in recorded
    ]


def kill_inside_a_batch(
    pool: WorkerPool, job_id: str, victim: subprocess.Popen[bytes], others: list[Any]
) -> bool:
    """Freeze every worker until a batch of the job is in progress, then SIGKILL the victim;
    False when the job ended first (the victim is killed all the same)."""
    workers = [victim, *others]
    try:
        while True:
            for worker in workers:
                os.kill(worker.pid, signal.SIGSTOP)
            job = pool.queue.get(job_id)
            if job is None or job.finished:
                return False
            if set(pool.hash(job_id, "attempts")) - set(pool.hash(job_id, "batches")):
                return True
            for worker in workers:
                os.kill(worker.pid, signal.SIGCONT)
            time.sleep(0.005)
    finally:
        pool.kill(victim)
        for worker in others:
            os.kill(worker.pid, signal.SIGCONT)


def wait_until_running(pool: WorkerPool, job_id: str) -> None:
    while True:
        job = pool.queue.get(job_id)
        if job is not None and job.progress["done"] > 0:
            return
        time.sleep(0.01)


def tally_round(pool: WorkerPool, job_id: str, total: int, counts: Counter[str]) -> None:
    results = pool.queue.results(job_id, range(total))
    store = open_store(pool.data_dir / "crosscheck.sqlite3")
    try:
        for result in results:
            stored = store.get_article(result.article_id) if result.article_id else None
            if result.status == "pending" or stored is None:
                counts["items lost"] += 1
            elif stored.revision != 1 or (
                result.claims is not None and result.claims != len(stored.claims)
            ):
                counts["items duplicated"] += 1
            if result.status == "unchanged":
                counts["items stored by the killed worker"] += 1
    finally:
        store.close()


if __name__ == "__main__":
    raise SystemExit(main())
