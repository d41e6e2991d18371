"""Throughput of ``crosscheck serve`` with 8 clients against 1, and the memory of each
worker process, for each ``--workers`` count.

Usage: python bench/serve_throughput.py [--workers 1,2] [--seconds 30]

Starts the server (packaged model, a fresh data dir, ``CROSSCHECK_EMBEDDING_CACHE_SIZE=0`` so
every check encodes its draft), indexes the five seed pages through ``POST
/v1/articles/bulk``, then for ``--seconds`` each: one client, then 8 concurrent clients,
posting ``/v1/check`` of the seed pages in turn (as drafts, ``index: false``). Prints
checks/s, p50 latency, the 8-client / 1-client throughput ratio and the resident memory
(VmRSS) of each worker process after the run. Every request goes to 127.0.0.1 only.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.index_and_check import load_seeds

START_TIMEOUT_S = 300


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", default="1,2")
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--clients", type=int, default=8)
    args = parser.parse_args()
    from evaluation.paths import shared_data_dir

    shared = shared_data_dir()
    if not (shared / "seed-articles").is_dir():
        print(f"shared data not found at {shared}", file=sys.stderr)
        return 2
    seeds = load_seeds(shared)
    for workers in (int(part) for part in args.workers.split(",")):
        run(workers, seeds, args.seconds, args.clients)
    return 0


def run(workers: int, seeds: list[dict[str, Any]], seconds: float, clients: int) -> None:
    with tempfile.TemporaryDirectory() as data_dir:
        port = free_port()
        server = start(workers, port, Path(data_dir))
        base = f"http://127.0.0.1:{port}"
        try:
            post(base, "/v1/articles/bulk", {"articles": seeds})
            drafts = [
                {"article": {key: value for key, value in seed.items() if key != "id"}}
                for seed in seeds
            ]
            for draft in drafts:
                post(base, "/v1/check", draft)  # warm up
            one = load(base, drafts, 1, seconds)
            many = load(base, drafts, clients, seconds)
            memory = [rss_mib(pid) for pid in children(server.pid)]
        finally:
            server.terminate()
            server.wait(timeout=120)
    print(
        f"workers {workers}: 1 client {one[0]:.2f} checks/s (p50 {one[1]:.0f} ms); "
        f"{clients} clients {many[0]:.2f} checks/s (p50 {many[1]:.0f} ms); "
        f"ratio {many[0] / one[0]:.2f}x; worker RSS "
        + ", ".join(f"{mib:.0f} MiB" for mib in memory),
        flush=True,
    )


def load(
    base: str, drafts: list[dict[str, Any]], clients: int, seconds: float
) -> tuple[float, float]:
    """Checks per second and the median latency in ms of ``clients`` clients in a loop."""
    latencies: list[float] = []
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def client(offset: int) -> None:
        turn = offset
        while time.monotonic() < stop:
            started = time.perf_counter()
            post(base, "/v1/check", drafts[turn % len(drafts)])
            with lock:
                latencies.append((time.perf_counter() - started) * 1000)
            turn += 1

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    return len(latencies) / elapsed, statistics.median(latencies)


def start(workers: int, port: int, data_dir: Path) -> subprocess.Popen[bytes]:
    environment = {
        **os.environ,
        "CROSSCHECK_EMBEDDING_CACHE_SIZE": "0",
        "CROSSCHECK_RATE_LIMIT": "100000 per minute",
        "CROSSCHECK_LOG_LEVEL": "WARNING",
    }
    command = [sys.executable, "-m", "crosscheck.cli", "serve", "--port", str(port)]
    server = subprocess.Popen(
        [*command, "--workers", str(workers), "--data-dir", str(data_dir)],
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        try:
            health = get(f"http://127.0.0.1:{port}/v1/health")
            if health["models_loaded"] and len(children(server.pid)) == workers:
                return server
        except OSError:
            pass
        time.sleep(1)
    server.terminate()
    raise SystemExit("the server did not start")


def post(base: str, path: str, body: dict[str, Any]) -> Any:
    request = urllib.request.Request(
        base + path, json.dumps(body).encode(), {"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=600) as response:
        return json.loads(response.read())


def get(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=30) as response:
        return json.loads(response.read())


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(stat[1]) == pid:
                found.append(int(entry.name))
    return found


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


if __name__ == "__main__":
    raise SystemExit(main())
