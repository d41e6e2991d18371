"""Scale benchmark of the claim index at 10k, 100k and 1M claims, each figure against its raw
baseline measured in the same run.

Usage: python bench/scale.py [--sizes 10000,100000,1000000] [--real 20000] [--cache DIR]

Vectors: real claims of ``../shared/data/corpora`` (BASIL, BBC, Reuters; split into claims
by the product's own extractor) encoded once with the packaged MiniLM and cached under
``--cache`` (``bench/.cache``, not committed). ``--queries`` of them are held out as the
queries (claims of drafts the corpus has never seen); the others are the corpus. Beyond
them, vectors are SYNTHESISED: a real corpus vector plus gaussian noise (``--noise`` per
dimension), renormalised. Recall is always measured on the held-out REAL claim vectors.

Raw baselines: encoding = the same model on the same claim texts at batch 32 on all cores
(rate over ``--encode-sample`` claims, timed in this run even when the vectors come from
the cache); search = exact inner product over the same vectors (a FAISS flat index);
adding = the index as it was before (a flat IndexIDMap2, ``remove_ids`` then add); memory
= float32 vectors with their ids; restart = loading the model. ``merge s``: one compaction
(the 900 claims the add timing left in the delta, 1,000 tombstones), run in the foreground
here, in the background in the server.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

import faiss
import numpy as np
import numpy.typing as npt

from bench.matching_recall import bbc_articles, evenly_spaced, load_basil, reuters_articles
from embeddings import FaissClaimIndex, IndexSettings, load_index, set_search_threads
from embeddings.encoder import Vectors, normalise_rows

CHECK_CLAIMS = 40
SEARCH_K = 64 + CHECK_CLAIMS  # what MatchFinder asks the index for in a 40-claim check
ARTICLE_CLAIMS = 15
SEARCH_ROUNDS = 30
ADD_ROUNDS = 60
DEFAULT_CACHE = Path(__file__).resolve().parent / ".cache"


@dataclass(frozen=True)
class Baselines:
    encode_rate: float  # claims per second, batch 32, all cores
    model_load_s: float


@dataclass(frozen=True)
class Row:
    claims: int
    kind: str
    build_s: float
    recall: float
    search_p95_ms: float
    exact_p95_ms: float
    add_p50_ms: float
    add_p95_ms: float
    old_add_p50_ms: float
    bytes_per_claim: float
    raw_bytes_per_claim: float
    load_s: float
    merge_s: float


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--real", type=int, default=20_000, help="real claims to encode")
    parser.add_argument("--queries", type=int, default=1_000, help="held-out real queries")
    parser.add_argument("--noise", type=float, default=0.03, help="per-dimension noise sigma")
    parser.add_argument("--encode-sample", type=int, default=640)
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    parser.add_argument("--kind", default="auto", help="index kind (CROSSCHECK_INDEX_KIND)")
    parser.add_argument("--nprobe", type=int, default=IndexSettings().nprobe)
    parser.add_argument(
        "--rerank-factor",
        type=int,
        default=IndexSettings().rerank_factor,
        help="candidates per hit wanted that ivf-fastscan re-ranks",
    )
    parser.add_argument(
        "--sweep-nprobe", default="", help="also measure recall and p95 at these nprobe values"
    )
    parser.add_argument(
        "--threads", type=int, default=1, help="FAISS threads (the server's default: 1)"
    )
    args = parser.parse_args()
    from evaluation.paths import shared_data_dir

    corpora = shared_data_dir() / "corpora"
    if not corpora.is_dir():
        print(f"corpora not found at {corpora}", file=sys.stderr)
        return 2
    set_search_threads(args.threads)
    texts = real_claims(corpora, args.real)
    encoder, baselines = load_model_and_time_encoding(texts[: args.encode_sample])
    vectors = cached_vectors(texts, encoder, args.cache)
    queries, real = vectors[: args.queries], vectors[args.queries :]
    print(
        f"real claims: {len(texts)} ({len(queries)} held-out queries, {len(real)} corpus); "
        f"raw encode {baselines.encode_rate:.1f} claims/s at batch 32 on "
        f"{os.cpu_count()} cores; model load {baselines.model_load_s:.2f} s; "
        f"FAISS threads {args.threads} (exact and approximate alike); index kind {args.kind}, "
        f"nprobe {args.nprobe}, re-rank factor {args.rerank_factor}; load average "
        f"{' '.join(f'{load:.2f}' for load in os.getloadavg())}"
    )
    settings = IndexSettings(
        kind=args.kind, nprobe=args.nprobe, rerank_factor=args.rerank_factor, background=False
    )
    rows = []
    for size in (int(part) for part in args.sizes.split(",")):
        corpus = corpus_vectors(real, size, args.noise)
        synthetic = max(0, size - len(real))
        print(
            f"\n{size} claims: {min(size, len(real))} real + {synthetic} synthesised "
            f"(real + N(0, {args.noise}^2) per dimension, renormalised)",
            flush=True,
        )
        sweep = [int(part) for part in args.sweep_nprobe.split(",") if part]
        rows.append(measure(corpus, queries, settings, sweep))
        del corpus
    print_table(rows, baselines)
    print(f"load average at the end: {' '.join(f'{load:.2f}' for load in os.getloadavg())}")
    return 0


# -- vectors ----------------------------------------------------------------------------------


def real_claims(corpora: Path, count: int) -> list[str]:
    """Distinct claim texts of BASIL, BBC and Reuters articles, interleaved, as the product
    extracts them."""
    from claims import extract_article

    sources = [
        list(load_basil(corpora).values()),
        evenly_spaced(bbc_articles(corpora), 2000),
        evenly_spaced(reuters_articles(corpora), 6000),
    ]
    seen: dict[str, None] = {}
    for group in _interleaved(sources):
        for claim in extract_article(text=group.text).claims:
            seen.setdefault(claim.text, None)
        if len(seen) >= count:
            break
    return list(seen)[:count]


def _interleaved(groups: Sequence[Sequence[Any]]) -> list[Any]:
    longest = max(len(group) for group in groups)
    return [group[n] for n in range(longest) for group in groups if n < len(group)]


def load_model_and_time_encoding(sample: Sequence[str]) -> tuple[Any, Baselines]:
    import torch

    from embeddings import PACKAGED_MODEL_NAME, SentenceTransformerEncoder, packaged_model_path

    torch.set_num_threads(os.cpu_count() or 1)
    started = time.perf_counter()
    encoder = SentenceTransformerEncoder(
        packaged_model_path(), name=PACKAGED_MODEL_NAME, batch_size=32
    )
    encoder.encode(["warm up"])
    load_s = time.perf_counter() - started
    started = time.perf_counter()
    encoder.encode(list(sample))
    rate = len(sample) / (time.perf_counter() - started)
    return encoder, Baselines(rate, load_s)


def cached_vectors(texts: Sequence[str], encoder: Any, cache: Path) -> Vectors:
    digest = hashlib.sha256("\n".join([encoder.name, *texts]).encode()).hexdigest()[:16]
    path = cache / f"real-claims-{len(texts)}-{digest}.npy"
    if path.is_file():
        print(f"claim vectors from the cache {path}")
        loaded: Vectors = np.load(path)
        return loaded
    print(f"encoding {len(texts)} real claims (once; cached in {path})", flush=True)
    vectors = encoder.encode(list(texts))
    cache.mkdir(parents=True, exist_ok=True)
    np.save(path, vectors)
    return vectors


def corpus_vectors(real: Vectors, size: int, noise: float) -> Vectors:
    """The first ``size`` real vectors, then real vectors plus noise, renormalised."""
    return synthesised_corpus(real, size, noise)[0]


def synthesised_corpus(
    real: Vectors, size: int, noise: float
) -> tuple[Vectors, npt.NDArray[np.int64]]:
    """:func:`corpus_vectors` and, for each row, the row of ``real`` it was made from."""
    if size <= len(real):
        return np.ascontiguousarray(real[:size]), np.arange(size, dtype=np.int64)
    rng = np.random.default_rng(size)
    extra = size - len(real)
    out = np.empty((size, real.shape[1]), dtype=np.float32)
    sources = np.empty(size, dtype=np.int64)
    out[: len(real)] = real
    sources[: len(real)] = np.arange(len(real))
    for start in range(0, extra, 100_000):
        count = min(100_000, extra - start)
        picked_rows = rng.integers(0, len(real), count)
        picked = real[picked_rows]
        noisy = picked + rng.normal(0.0, noise, picked.shape).astype(np.float32)
        out[len(real) + start : len(real) + start + count] = normalise_rows(noisy)
        sources[len(real) + start : len(real) + start + count] = picked_rows
    return out, sources


# -- measuring --------------------------------------------------------------------------------


def measure(
    corpus: Vectors, queries: Vectors, settings: IndexSettings, sweep: Sequence[int] = ()
) -> Row:
    keys = np.arange(len(corpus), dtype=np.int64)
    exact = faiss.IndexIDMap2(faiss.IndexFlatIP(corpus.shape[1]))
    exact.add_with_ids(corpus, keys)
    started = time.perf_counter()
    index = FaissClaimIndex.build(keys.tolist(), corpus, settings)
    build_s = time.perf_counter() - started
    print(f"  built {index.kind} in {build_s:.1f} s", flush=True)
    recall = recall_at_10(index, exact, queries)
    batches = [queries[(n * CHECK_CLAIMS) % (len(queries) - CHECK_CLAIMS) :][:CHECK_CLAIMS]
               for n in range(SEARCH_ROUNDS)]  # fmt: skip
    search = timings(lambda n: index.search(batches[n], SEARCH_K), SEARCH_ROUNDS)
    exact_search = timings(lambda n: exact.search(batches[n], SEARCH_K), SEARCH_ROUNDS)
    bytes_per_claim = index_bytes(index) / len(corpus)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "claims-index.npz"
        index.snapshot().write(path, {"sequence": 0})
        started = time.perf_counter()
        load_index(path, settings)
        load_s = time.perf_counter() - started
    for nprobe in sweep if index.kind != "flat" else ():
        index.set_nprobe(nprobe)
        swept = timings(lambda n: index.search(batches[n], SEARCH_K), SEARCH_ROUNDS)
        print(
            f"  nprobe {nprobe:4d}: recall@10 {recall_at_10(index, exact, queries):.3f}, "
            f"search p95 {percentile(swept, 95):.1f} ms",
            flush=True,
        )
    index.set_nprobe(settings.nprobe)
    adds, old_adds = time_adds(index, exact, queries, len(corpus))
    index.remove(keys[:: len(keys) // 1000].tolist())  # 1,000 tombstones for the merge to drop
    started = time.perf_counter()
    index.compact()
    merge_s = time.perf_counter() - started
    row = Row(
        claims=len(corpus),
        kind=index.kind,
        build_s=build_s,
        recall=recall,
        search_p95_ms=percentile(search, 95),
        exact_p95_ms=percentile(exact_search, 95),
        add_p50_ms=percentile(adds, 50),
        add_p95_ms=percentile(adds, 95),
        old_add_p50_ms=percentile(old_adds, 50),
        bytes_per_claim=bytes_per_claim,
        raw_bytes_per_claim=corpus.shape[1] * 4 + 8,
        load_s=load_s,
        merge_s=merge_s,
    )
    print(f"  {row} (load {os.getloadavg()[0]:.2f})", flush=True)
    return row


def recall_at_10(index: FaissClaimIndex, exact: Any, queries: Vectors) -> float:
    found = index.search(queries, 10)
    _, wanted = exact.search(queries, 10)
    shares = [
        len({key for key, _ in hits} & set(row.tolist())) / 10
        for hits, row in zip(found, wanted, strict=True)
    ]
    return float(statistics.mean(shares))


def time_adds(
    index: FaissClaimIndex, old: Any, queries: Vectors, next_key: int
) -> tuple[list[float], list[float]]:
    """Adding one article of 15 new claims: to this index, and to the flat IndexIDMap2 the
    index used to be (``remove_ids`` of the article's ids, then ``add_with_ids``)."""
    rng = np.random.default_rng(7)
    new, old_times = [], []
    for round_number in range(ADD_ROUNDS):
        vectors = queries[rng.integers(0, len(queries), ARTICLE_CLAIMS)]
        keys = np.arange(ARTICLE_CLAIMS, dtype=np.int64) + next_key + round_number * ARTICLE_CLAIMS
        started = time.perf_counter()
        index.add(keys.tolist(), vectors)
        new.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        old.remove_ids(keys)
        old.add_with_ids(vectors, keys)
        old_times.append((time.perf_counter() - started) * 1000)
    return new, old_times


def index_bytes(index: FaissClaimIndex) -> int:
    """What the index holds in memory: the FAISS structure (its serialised size: codes, ids,
    cells) plus the sorted id array, re-ranking codes, tombstones and delta."""
    snapshot = index.snapshot()
    arrays = [snapshot.base_keys, snapshot.dead, snapshot.delta_keys, snapshot.delta_vectors]
    if snapshot.rerank is not None:
        arrays += [snapshot.rerank.codes, snapshot.rerank.low, snapshot.rerank.step]
    return len(faiss.serialize_index(snapshot.base)) + sum(array.nbytes for array in arrays)


def timings(action: Callable[[int], Any], rounds: int) -> list[float]:
    action(0)
    times = []
    for n in range(rounds):
        started = time.perf_counter()
        action(n)
        times.append((time.perf_counter() - started) * 1000)
    return times


def percentile(values: Sequence[float], share: int) -> float:
    ordered = sorted(values)
    return ordered[round(share / 100 * (len(ordered) - 1))]


def print_table(rows: Sequence[Row], baselines: Baselines) -> None:
    print(
        f"\nraw baselines: encode {baselines.encode_rate:.1f} claims/s (batch 32, "
        f"{os.cpu_count()} cores); model load {baselines.model_load_s:.2f} s"
    )
    header = (
        f"{'claims':>9} {'kind':>12} {'build s':>8} {'recall@10':>9} "
        f"{'search p95 ms (exact, ratio)':>30} {'add 15 claims p50/p95 ms (old, ratio)':>40} "
        f"{'bytes/claim (raw, ratio)':>26} {'restart: load s (model ratio)':>30} "
        f"{'merge s':>8}"
    )
    print(header)
    for row in rows:
        restart_ratio = (baselines.model_load_s + row.load_s) / baselines.model_load_s
        print(
            f"{row.claims:>9} {row.kind:>12} {row.build_s:>8.1f} {row.recall:>9.3f} "
            f"{_ratio(row.search_p95_ms, row.exact_p95_ms, '.1f'):>30} "
            f"{_adds(row):>40} "
            f"{_ratio(row.bytes_per_claim, row.raw_bytes_per_claim, '.0f'):>26} "
            f"{f'{row.load_s:.2f} ({restart_ratio:.2f}x)':>30} {row.merge_s:>8.1f}"
        )


def _adds(row: Row) -> str:
    ratio = row.add_p50_ms / row.old_add_p50_ms
    return f"{row.add_p50_ms:.2f}/{row.add_p95_ms:.2f} ({row.old_add_p50_ms:.2f}, {ratio:.2f}x)"


def _ratio(value: float, baseline: float, spec: str) -> str:
    return f"{value:{spec}} ({baseline:{spec}}, {value / baseline:.2f}x)"


if __name__ == "__main__":
    raise SystemExit(main())
