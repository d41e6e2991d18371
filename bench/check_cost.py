"""What a fresh check costs beyond the model: POST /v1/check against raw encode + raw search.

Usage: python bench/check_cost.py [--indexed 240] [--drafts 12] [--threads N] [--cold]
                                  [--intra-op] [--store DATA_DIR]

Indexes BASIL articles through POST /v1/articles/bulk on the real packaged model, lets the
facts backfill parse every stored claim (as a serving process does when idle; timed, and shown
against the indexing time), then checks drafts never indexed nor seen by any cache (other BASIL
articles). ``--cold`` skips the backfill: counterparts are parsed at check time, as before the
store kept parsed facts. For each draft, in the same
run: the raw baseline is the same model (a second, uncached copy) encoding the draft's claim
texts at batch 32, plus an exact FAISS inner-product search of those vectors over every stored
claim vector (64 neighbours, as many as the check's dense retrieval asks for); the check is
the whole POST /v1/check (cleaning, claim splitting, encoding, hybrid retrieval, re-ranking,
parsing, comparison, the report). Prints each draft's figures and min/median/max of the ratio,
and the garbage collector's pauses during the checks. The process freezes what is alive once
the models are loaded, as each worker of ``crosscheck serve`` does
(``api.server.keep_out_of_collections``): before, a full collection walked the models' half a
million objects inside one check (300 ms).
``--store`` checks against a data dir as it is (e.g. the 1M store that ``bench/restart.py
--keep DIR`` leaves, its index snapshot included) and indexes nothing.
FAISS uses ``--threads`` threads (default: every core) for both sides. The raw encode runs on
``--threads`` torch intra-op threads (the issue's baseline); the server encodes its chunks on
``--threads`` threads of one intra-op thread each (``CROSSCHECK_ENCODE_THREADS``), and the
same model encoding that way is timed too ("raw split"): the ratio is also printed against the
faster of the two raw encodes. ``--intra-op`` runs the server as before that setting existed
(``--threads`` intra-op threads, one encoding thread).
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the evaluation package
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

BENCH_RATE_LIMIT = "100000 per minute"
RAW_BATCH = 32
DENSE_NEIGHBOURS = 64
BULK_CALL = 50


def article_body(article: Any) -> dict[str, Any]:
    body = {
        "id": article.id,
        "source": article.source,
        "published_at": article.published_at,
        "title": article.title,
        "text": article.text,
    }
    return {name: value for name, value in body.items() if value}


def backfill(registry: Any, index_s: float) -> None:
    """Parse and store the facts of every stored claim, as the idle-time backfill does."""
    facts = registry.stored_facts
    started = time.perf_counter()
    parsed = 0
    while found := facts.backfill(64):
        parsed += found
    backfill_s = time.perf_counter() - started
    print(
        f"facts backfill: {parsed} claims in {backfill_s:.1f} s ({parsed / backfill_s:.0f} "
        f"claims/s), {backfill_s / index_s:.2f}x the bulk indexing time ({index_s:.1f} s)"
    )


class CollectorPauses:
    """The garbage collector's pauses while the checks run, by generation."""

    def __init__(self) -> None:
        self._started = 0.0
        self.seconds = [0.0, 0.0, 0.0]
        self.counts = [0, 0, 0]

    @classmethod
    def watch(cls) -> CollectorPauses:
        pauses = cls()
        gc.callbacks.append(pauses._on_collection)
        return pauses

    def stop(self) -> None:
        gc.callbacks.remove(self._on_collection)

    def summary(self) -> str:
        return "collector pauses during the checks: " + ", ".join(
            f"generation {generation} {count} x, {seconds * 1000:.0f} ms"
            for generation, (count, seconds) in enumerate(
                zip(self.counts, self.seconds, strict=True)
            )
        )

    def _on_collection(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._started = time.perf_counter()
            return
        self.counts[info["generation"]] += 1
        self.seconds[info["generation"]] += time.perf_counter() - self._started


def index_corpus(client: Any, corpus: list[Any]) -> float:
    """Index the corpus through the bulk endpoint; the seconds it took."""
    started = time.perf_counter()
    for start in range(0, len(corpus), BULK_CALL):
        batch = [article_body(a) for a in corpus[start : start + BULK_CALL]]
        response = client.post("/v1/articles/bulk", json={"articles": batch})
        assert response.status_code < 300, response.get_json()
    return time.perf_counter() - started


@contextmanager
def _data_dir(store: Path | None) -> Iterator[Path]:
    """``store`` as it is, or a new empty data dir, removed afterwards."""
    if store is not None:
        yield store
        return
    with tempfile.TemporaryDirectory() as folder:
        yield Path(folder)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--indexed", type=int, default=240, help="BASIL articles indexed")
    parser.add_argument("--drafts", type=int, default=12, help="other BASIL articles checked")
    parser.add_argument("--threads", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--cold", action="store_true", help="no stored facts: parse at check")
    parser.add_argument(
        "--store", type=Path, default=None, help="check against this data dir, nothing indexed"
    )
    parser.add_argument(
        "--intra-op", action="store_true", help="server encodes on intra-op threads, unsplit"
    )
    args = parser.parse_args()

    import faiss
    import numpy as np
    import torch

    from api import create_app
    from api.config import Config
    from api.server import keep_out_of_collections
    from embeddings.encoder import SentenceTransformerEncoder, packaged_model_path
    from evaluation.basil_corpus import load_basil_articles
    from evaluation.paths import shared_data_dir

    articles = load_basil_articles(shared_data_dir())
    if len(articles) < args.indexed + args.drafts:
        print("BASIL corpus not found or too small", file=sys.stderr)
        return 2
    corpus, drafts = articles[: args.indexed], articles[-args.drafts :]
    faiss.omp_set_num_threads(args.threads)
    raw_model = SentenceTransformerEncoder(packaged_model_path(), batch_size=RAW_BATCH)
    raw_split = SentenceTransformerEncoder(
        packaged_model_path(), batch_size=RAW_BATCH, threads=args.threads
    )
    server_torch_threads = args.threads if args.intra_op else 1

    def raw_encode(model: Any, texts: list[str], torch_threads: int) -> tuple[Any, float]:
        torch.set_num_threads(torch_threads)
        started = time.perf_counter()
        vectors = model.encode(texts)
        elapsed = time.perf_counter() - started
        torch.set_num_threads(server_torch_threads)
        return vectors, elapsed

    with _data_dir(args.store) as data_dir:
        config = Config.from_env(
            data_dir=data_dir,
            encoder="minilm",
            rate_limit=BENCH_RATE_LIMIT,
            torch_threads=server_torch_threads,
            encode_threads=1 if args.intra_op else args.threads,
            facts_backfill=False,  # run below, before the timed checks, not beside them
        )
        app = create_app(config)
        registry = app.extensions["crosscheck"]
        registry.load_all()
        keep_out_of_collections()  # as each worker of `crosscheck serve` does once loaded
        client = app.test_client()
        if args.store is None:
            index_s = index_corpus(client, corpus)
            if not args.cold:
                backfill(registry, index_s)
        _, stored = registry.store.vectors()
        exact = faiss.IndexFlatIP(stored.shape[1])
        exact.add(np.ascontiguousarray(stored, dtype=np.float32))
        print(
            f"corpus: {registry.store.count_articles()} articles, {len(stored)} claims; "
            f"{args.threads} threads; model {registry.encoder.name}"
        )

        ratios, best_ratios = [], []
        pauses = CollectorPauses.watch()
        for draft in drafts:
            started = time.perf_counter()
            response = client.post("/v1/check", json={"article": article_body(draft)})
            check_s = time.perf_counter() - started
            assert response.status_code == 200, response.get_json()
            texts = [claim["text"] for claim in response.get_json()["claims"]]
            vectors, encode_s = raw_encode(raw_model, texts, args.threads)
            _, split_s = raw_encode(raw_split, texts, 1)
            started = time.perf_counter()
            exact.search(np.ascontiguousarray(vectors), DENSE_NEIGHBOURS)
            search_s = time.perf_counter() - started
            ratio = check_s / (encode_s + search_s)
            ratios.append(ratio)
            best_ratios.append(check_s / (min(encode_s, split_s) + search_s))
            print(
                f"{draft.id:>22} {len(texts):3d} claims  check {check_s * 1000:6.0f} ms  "
                f"raw encode {encode_s * 1000:5.0f} ms (split {split_s * 1000:5.0f}) "
                f"+ raw search {search_s * 1000:4.1f} ms  ratio {ratio:5.2f}"
            )
        pauses.stop()
        registry.close()
    print(pauses.summary())
    print(
        f"fresh check / (raw encode + raw search): min {min(ratios):.2f}  "
        f"median {statistics.median(ratios):.2f}  max {max(ratios):.2f}  (n={len(ratios)})"
    )
    print(
        f"fresh check / (faster raw encode + raw search): min {min(best_ratios):.2f}  "
        f"median {statistics.median(best_ratios):.2f}  max {max(best_ratios):.2f}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
