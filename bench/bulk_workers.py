"""Bulk ingest throughput on the job queue with 1 and 2 ``crosscheck worker`` processes.

Usage: python bench/bulk_workers.py [--articles 96] [--batch-size 8] [--workers 1 2]
                                    [--encoder minilm] [--redis-url redis://127.0.0.1:6379/0]

The same BBC News articles (``../shared/data/corpora/bbc``, seeded choice) are submitted as
one ingest job (``JobQueue.submit``) to N fresh workers on a fresh SQLite data directory and
Redis namespace; the time is from submission to the job's end, with the models already
loaded. Each worker runs one batch at a time with one torch thread
(``CROSSCHECK_TORCH_THREADS=1``), so N workers can use N cores. The ratio of the rates is the
figure; beside each run: the cores the workers actually got (their CPU seconds over the wall
time) and the load average, which say how much of a shared machine was free.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

from job_workers import WorkerPool, bbc_articles


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=96)
    parser.add_argument("--batch-size", type=int, default=8)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--encoder", default="minilm")
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/0")
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    articles = bbc_articles(args.articles, args.seed, "bulk")
    print(
        f"bulk ingest of {len(articles)} BBC articles, batches of {args.batch_size}, "
        f"encoder {args.encoder}, {os.cpu_count()} cores"
    )
    rates = {}
    for count in args.workers:
        rates[count] = measure(args, articles, count)
    if 1 in rates:
        for count, rate in rates.items():
            if count != 1:
                print(f"ratio {count} workers / 1 worker: {rate / rates[1]:.2f}x")
    return 0


def measure(args: argparse.Namespace, articles: list[dict[str, str]], count: int) -> float:
    environment = {
        "CROSSCHECK_ENCODER": args.encoder,
        "CROSSCHECK_TORCH_THREADS": "1",
        "CROSSCHECK_JOB_BATCH_SIZE": str(args.batch_size),
    }
    with tempfile.TemporaryDirectory() as scratch:
        pool = WorkerPool(args.redis_url, Path(scratch) / "data", environment)
        try:
            pool.start(count)
            load_before = os.getloadavg()[0]
            cpu_before = pool.cpu_seconds()
            started = time.perf_counter()
            job = pool.queue.submit("ingest", articles)
            finished = pool.wait(job.id)
            elapsed = time.perf_counter() - started
            cores = (pool.cpu_seconds() - cpu_before) / elapsed
            results = pool.queue.results(job.id, range(finished.total))
        finally:
            pool.close()
    claims = sum(result.claims or 0 for result in results)
    rate = claims / elapsed
    print(
        f"{count} worker(s): {finished.state}, {finished.progress['created']} articles, "
        f"{claims} claims in {elapsed:6.1f} s = {rate:6.1f} claims/s; the workers used "
        f"{cores:.2f} cores (load average before {load_before:.2f}, after "
        f"{os.getloadavg()[0]:.2f})",
        flush=True,
    )
    return rate


if __name__ == "__main__":
    raise SystemExit(main())
