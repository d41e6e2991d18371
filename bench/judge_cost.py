"""What the verdict judge costs a check: the same 35-claim draft checked with and without it.

Usage: python bench/judge_cost.py [--repeat N]

Indexes the five seed pages on the real packaged model, then checks the first 35 sentences of
the ABC page (001) against the other four, alternating a service whose comparator asks the
packaged verdict judge with one on the rules alone (same encoder, pipeline, store and index).
Two cases: a *fresh* draft (every sentence given a new suffix, so its claims are encoded and
parsed anew, as for a draft the server has never seen) and a *repeated* draft (all cached:
the judge's share of the time is largest there). Prints medians and the with/without ratio.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

from bench.index_and_check import load_seeds

DRAFT_CLAIMS = 35


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7, help="timed checks per case and side")
    args = parser.parse_args()
    from api.config import Config
    from api.registry import Registry
    from claims import extract_article
    from comparison import ClaimComparator
    from crosscheck.service import ArticleInput, ConsistencyService, ServiceSettings
    from evaluation.paths import shared_data_dir

    seeds = load_seeds(shared_data_dir())
    with tempfile.TemporaryDirectory() as data_dir:
        registry = Registry(Config.from_env(data_dir=Path(data_dir), encoder="minilm"))
        with_judge = registry.service
        rules_alone = ConsistencyService(
            registry.store,
            registry.corpus,
            registry.encoder,
            ClaimComparator(registry.nlp, pair_judge=None),
            extract_article,
            ServiceSettings(similarity_floor=registry.config.similarity_floor),
        )
        for seed in seeds:
            if seed["id"] != "001":
                with_judge.index_article(ArticleInput(**seed))
        abc = next(seed for seed in seeds if seed["id"] == "001")
        sentences = [claim.text for claim in extract_article(text=abc["text"]).claims]
        sentences = sentences[:DRAFT_CLAIMS]
        print(f"draft: {len(sentences)} sentences of 001; corpus: 4 seed pages")

        def draft(tag: str) -> ArticleInput:
            text = " ".join(f"{s[:-1]} ({tag}){s[-1]}" if tag else s for s in sentences)
            return ArticleInput(source="Bench", text=text, published_at=abc["published_at"])

        def check(service: ConsistencyService, tag: str) -> Callable[[], object]:
            return lambda: service.check_article(draft(tag))

        claims = len(with_judge.check_article(draft("x")).claims)
        print(f"claims in the checked draft: {claims}")
        check(rules_alone, "")()
        counter = iter(range(10**6))
        cases = {
            "fresh draft": lambda service: check(service, f"v{next(counter)}"),
            "repeated draft": lambda service: check(service, ""),
        }
        for case, make in cases.items():
            on, off = [], []
            for _ in range(args.repeat):
                on.append(_timed(make(with_judge)))
                off.append(_timed(make(rules_alone)))
            ratio = statistics.median(on) / statistics.median(off)
            print(
                f"{case:15} with judge {statistics.median(on):8.1f} ms   "
                f"rules alone {statistics.median(off):8.1f} ms   ratio {ratio:.3f}  "
                f"(median of {args.repeat} each, alternating)"
            )
        registry.close()
    return 0


def _timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return (time.perf_counter() - started) * 1000


if __name__ == "__main__":
    sys.exit(main())
