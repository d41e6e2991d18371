"""Bulk ingest rate against the raw encode rate of the same claims, in one run.

Usage: python bench/ingest_rate.py [--articles 150] [--batch 64]

Raw: the packaged MiniLM encoding the claim texts of the articles at batch 32 with torch on
all cores (the claims are extracted beforehand, untimed). Ingest: the same articles through
``ConsistencyService.index_articles`` in batches of ``--batch`` articles (what
``crosscheck ingest`` and ``POST /v1/articles/bulk`` run), on a fresh SQLite store, torch on
all cores: extraction, encoding, storing and indexing, all timed. Raw and ingest runs
alternate (``--rounds``); each ingest run is set against the mean of the raw runs around it.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

from bench.matching_recall import bbc_articles, evenly_spaced, load_basil, reuters_articles


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=150)
    parser.add_argument("--batch", type=int, default=64)
    parser.add_argument("--rounds", type=int, default=3, help="raw and ingest runs, alternated")
    args = parser.parse_args()
    from evaluation.paths import shared_data_dir

    corpora = shared_data_dir() / "corpora"
    if not corpora.is_dir():
        print(f"corpora not found at {corpora}", file=sys.stderr)
        return 2

    import torch

    from api.config import Config
    from api.registry import Registry
    from claims import extract_article
    from crosscheck.service import ArticleInput
    from embeddings import PACKAGED_MODEL_NAME, SentenceTransformerEncoder, packaged_model_path

    cores = os.cpu_count() or 1
    torch.set_num_threads(cores)
    third = args.articles // 3
    picked = (
        list(load_basil(corpora).values())[:third]
        + evenly_spaced(bbc_articles(corpora), third)
        + evenly_spaced(reuters_articles(corpora), args.articles - 2 * third)
    )
    articles = [
        ArticleInput(source=a.source, text=a.text, id=a.id, published_at=a.published_at)
        for a in picked
    ]
    texts = [claim.text for a in picked for claim in extract_article(text=a.text).claims]
    raw = SentenceTransformerEncoder(packaged_model_path(), name=PACKAGED_MODEL_NAME, batch_size=32)
    raw.encode(["warm up"])

    def raw_rate() -> float:
        started = time.perf_counter()
        raw.encode(texts)
        return len(texts) / (time.perf_counter() - started)

    def ingest_rate() -> float:
        with tempfile.TemporaryDirectory() as data_dir:
            config = Config.from_env(data_dir=Path(data_dir), encoder="minilm", torch_threads=cores)
            registry = Registry(config)
            registry.load_all()  # the model itself is loaded once per process
            started = time.perf_counter()
            stored = 0
            for start in range(0, len(articles), args.batch):
                results = registry.service.index_articles(articles[start : start + args.batch])
                stored += sum(len(r.article.claims) for r in results if r.article is not None)
            rate = stored / (time.perf_counter() - started)
            registry.close()
        return rate

    raws, ingests = [], []
    for _ in range(args.rounds):
        raws.append(raw_rate())
        ingests.append(ingest_rate())
    raws.append(raw_rate())
    print(f"{len(articles)} articles, {len(texts)} claims, {cores} cores, batch {args.batch}")
    print("raw encode (batch 32)  " + " ".join(f"{rate:6.1f}" for rate in raws) + " claims/s")
    print("bulk ingest            " + " ".join(f"{rate:6.1f}" for rate in ingests) + " claims/s")
    ratios = [ingest / statistics.mean(raws[n : n + 2]) for n, ingest in enumerate(ingests)]
    print(
        "ingest / raw (each against the raw runs around it) "
        + " ".join(f"{ratio:.2f}" for ratio in ratios)
        + f"; median {statistics.median(ratios):.2f}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
