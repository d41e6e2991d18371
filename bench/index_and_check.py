"""Times the product path on the real packaged model: load, index the five seeds, check one.

Usage: python bench/index_and_check.py [--repeat N]

Prints wall-clock figures for model loading, indexing each seed page through
POST /v1/articles, one POST /v1/check of the ABC article against the other four, and the
p50/p95 of POST /v1/compare over the gold pairs on the warm app, for unseen and
repeated pairs.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


def load_seeds(shared: Path) -> list[dict[str, Any]]:
    """The five seed pages as API article objects, ids from their three-digit prefix."""
    from crosscheck.evaluation.datasets import load_seed_articles

    return [
        {
            "id": seed.file[:3],
            "source": seed.source,
            "published_at": seed.published_at,
            "text": seed.text,
        }
        for seed in load_seed_articles(shared).values()
    ]


def timed(action: Any) -> tuple[Any, float]:
    started = time.perf_counter()
    result = action()
    return result, (time.perf_counter() - started) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="timed repetitions of the check")
    args = parser.parse_args()
    from crosscheck.evaluation.paths import shared_data_dir

    shared = shared_data_dir()
    if not (shared / "seed-articles").is_dir():
        print(f"shared data not found at {shared}", file=sys.stderr)
        return 2

    from api import create_app
    from api.config import Config

    seeds = load_seeds(shared)
    with tempfile.TemporaryDirectory() as data_dir:
        app = create_app(Config.from_env(data_dir=Path(data_dir), encoder="minilm"))
        client = app.test_client()
        _, load_ms = timed(app.extensions["crosscheck"].load_all)
        print(f"model + pipeline load        {load_ms:9.1f} ms")

        total_claims = 0
        index_total = 0.0
        for seed in seeds:
            response, elapsed = timed(lambda seed=seed: client.post("/v1/articles", json=seed))
            claims = len(response.get_json()["claims"])
            total_claims += claims
            index_total += elapsed
            size = f"{len(seed['text']):6d} chars, {claims:3d} claims"
            print(f"index {seed['id']} ({size}) {elapsed:9.1f} ms")
        print(f"index 5 seeds ({total_claims} claims)      {index_total:9.1f} ms")

        abc = next(seed for seed in seeds if seed["id"] == "001")
        check_times = []
        for _ in range(args.repeat):
            response, elapsed = timed(lambda: client.post("/v1/check", json={"article": abc}))
            check_times.append(elapsed)
        report = response.get_json()
        summary = report["summary"]
        print(
            f"check 001 ({summary['claims']} claims) median of {args.repeat}  "
            f"{statistics.median(check_times):9.1f} ms  "
            f"(min {min(check_times):.1f}, max {max(check_times):.1f})"
        )
        print(
            f"  report: {summary['corroborated']} corroborated, {summary['contested']} contested, "
            f"{summary['unverified']} unverified"
        )
        for label, times in zip(("unseen", "repeated"), time_compare(client, shared), strict=True):
            if times:
                times.sort()
                p95 = times[int(0.95 * (len(times) - 1))]
                print(
                    f"compare p50, {label} pairs ({len(times)} calls) "
                    f"{statistics.median(times):9.2f} ms  (p95 {p95:.2f} ms)"
                )
        app.extensions["crosscheck"].close()
    return 0


def time_compare(client: Any, shared: Path) -> tuple[list[float], list[float]]:
    """POST /v1/compare over the gold pairs: once on texts the app has not seen (the
    encoder and the parse both run), then twice more (parsed facts come from the cache)."""
    gold = shared / "gold" / "pairs-dev.jsonl"
    if not gold.is_file():
        return [], []
    pairs = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line]
    rounds: list[list[float]] = [[], [], []]
    for times in rounds:
        for pair in pairs:
            body = {"a": {"text": pair["a_text"]}, "b": {"text": pair["b_text"]}}
            _, elapsed = timed(lambda body=body: client.post("/v1/compare", json=body))
            times.append(elapsed)
    return rounds[0], rounds[1] + rounds[2]


if __name__ == "__main__":
    raise SystemExit(main())
