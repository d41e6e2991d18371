"""Times the product path on the real packaged model: load, index the five seeds, check one.

Usage: python bench/index_and_check.py [--repeat N]

Prints wall-clock figures for model loading, indexing each seed page through
POST /v1/articles, one POST /v1/check of the ABC article against the other four, and the
p50/p95 of POST /v1/compare over the gold pairs on the warm app: first calls on pairs whose
texts are both indexed claims (no encoding), first calls on fresh texts (encoder and parse
both run) and repeated calls. Indexing also fills the in-process embedding cache; run with
CROSSCHECK_EMBEDDING_CACHE_SIZE=0 to time indexed pairs served from the stored vectors alone.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the evaluation package
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

BENCH_RATE_LIMIT = "100000 per minute"  # the bench sends more than the default 120 a minute


def load_seeds(shared: Path) -> list[dict[str, Any]]:
    """The five seed pages as API article objects, ids from their three-digit prefix."""
    from evaluation.datasets import load_seed_articles

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
    from evaluation.paths import shared_data_dir

    shared = shared_data_dir()
    if not (shared / "seed-articles").is_dir():
        print(f"shared data not found at {shared}", file=sys.stderr)
        return 2

    from api import create_app
    from api.config import Config

    seeds = load_seeds(shared)
    with tempfile.TemporaryDirectory() as data_dir:
        config = Config.from_env(
            data_dir=Path(data_dir), encoder="minilm", rate_limit=BENCH_RATE_LIMIT
        )
        app = create_app(config)
        client = app.test_client()
        _, load_ms = timed(app.extensions["crosscheck"].load_all)
        print(f"model + pipeline load        {load_ms:9.1f} ms")

        indexed: set[str] = set()
        total_claims = 0
        index_total = 0.0
        for seed in seeds:
            response, elapsed = timed(lambda seed=seed: client.post("/v1/articles", json=seed))
            claims = [claim["text"] for claim in response.get_json()["claims"]]
            indexed.update(claims)
            total_claims += len(claims)
            index_total += elapsed
            size = f"{len(seed['text']):6d} chars, {len(claims):3d} claims"
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
        for label, times in time_compare(client, shared, indexed).items():
            print_percentiles(f"compare p50, {label}", times)
        app.extensions["crosscheck"].close()
    return 0


def print_percentiles(label: str, times: list[float]) -> None:
    if not times:
        return
    ordered = sorted(times)
    p95 = ordered[int(0.95 * (len(ordered) - 1))]
    print(f"{label} ({len(times)} calls) {statistics.median(ordered):9.2f} ms  (p95 {p95:.2f} ms)")


def time_compare(client: Any, shared: Path, indexed: set[str]) -> dict[str, list[float]]:
    """POST /v1/compare over the gold pairs, in this order:

    - indexed pairs: the first call on each pair whose two texts are exactly indexed claim
      texts; the vectors are not computed again, the parse runs unless the check parsed them;
    - fresh texts: each gold text with a unique suffix, so no cache or store has it;
    - repeated pairs: every gold pair twice more after one untimed call.
    """
    from evaluation.datasets import GOLD_FILE, read_jsonl

    gold = shared / GOLD_FILE
    if not gold.is_file():
        return {}
    pairs = [(row["a_text"], row["b_text"]) for row in read_jsonl(gold)]
    texts = [text for pair in pairs for text in pair]
    both = [pair for pair in pairs if set(pair) <= indexed]
    print(
        f"gold texts that are indexed claim texts: {sum(text in indexed for text in texts)} "
        f"of {len(texts)}; pairs with both: {len(both)} of {len(pairs)}"
    )
    fresh = [(f"{a} (bench {n}a)", f"{b} (bench {n}b)") for n, (a, b) in enumerate(pairs)]
    timings = {
        "indexed pairs": time_pairs(client, both),
        "fresh texts": time_pairs(client, fresh),
    }
    time_pairs(client, pairs)
    timings["repeated pairs"] = time_pairs(client, pairs + pairs)
    return timings


def time_pairs(client: Any, pairs: list[tuple[str, str]]) -> list[float]:
    times = []
    for a, b in pairs:
        body = {"a": {"text": a}, "b": {"text": b}}
        response, elapsed = timed(lambda body=body: client.post("/v1/compare", json=body))
        assert response.status_code == 200, response.get_json()
        times.append(elapsed)
    return times


if __name__ == "__main__":
    raise SystemExit(main())
