"""Vectors at rest in float16: stored bytes per claim, and what the rounding does to retrieval.

Usage: python bench/vectors_at_rest.py [--articles 80] [--queries 200]
                                       [--postgres-url postgresql://127.0.0.1:5432/test]
                                       [--shared-data ../shared/data]

Takes the first ``--articles`` BASIL articles as the corpus and the claims of the next ones
as queries, encodes both with the packaged MiniLM model, and stores the corpus through both
stores (a temporary SQLite file, a scratch PostgreSQL schema dropped at the end). Prints:

- bytes per claim on disk for each engine (whole database after VACUUM for SQLite; the
  claims, articles and index-log tables with their indexes for PostgreSQL), as stored
  (float16) and after rewriting the same vectors as float32 (the format before);
- for the queries, exact top-10 neighbours among the stored (float16, read back as float32)
  corpus vectors against the original float32 ones: mean overlap (recall@10), share of
  queries with the same top-1, and the largest cosine difference over all query-claim pairs.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

from claims import extract_article
from claims.model import Claim
from embeddings import (
    PACKAGED_MODEL_NAME,
    SentenceTransformerEncoder,
    Vectors,
    packaged_model_path,
)
from storage import ArticleRecord, ArticleStore, PostgresStore, SqliteStore

TOP_K = 10
Item = tuple[ArticleRecord, list[Claim], Vectors]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=80)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--postgres-url", default="postgresql://127.0.0.1:5432/test")
    parser.add_argument("--shared-data", type=Path, default=Path("../shared/data"))
    args = parser.parse_args()

    texts = basil_texts(args.shared_data, args.articles + 20)
    encoder = SentenceTransformerEncoder(str(packaged_model_path()), name=PACKAGED_MODEL_NAME)
    corpus = [article(f"basil-{n}", text, encoder) for n, text in enumerate(texts[: args.articles])]
    query_texts = [
        c.text for text in texts[args.articles :] for c in extract_article(text=text).claims
    ]
    queries = encoder.encode(query_texts[: args.queries])
    claims = sum(len(claims) for _, claims, _ in corpus)
    print(f"corpus: {len(corpus)} BASIL articles, {claims} claims; {len(queries)} query claims")
    print(
        f"vector: {encoder.dimension} dimensions, {encoder.dimension * 2} bytes as float16, "
        f"{encoder.dimension * 4} as float32"
    )

    with tempfile.TemporaryDirectory() as scratch:
        store = SqliteStore(Path(scratch) / "db.sqlite3")
        store.save_articles(corpus)
        half = sqlite_bytes(Path(scratch) / "db.sqlite3") / claims
        stored_keys, stored = store.vectors()
        rewrite_as_float32_sqlite(Path(scratch) / "db.sqlite3", store, corpus)
        full = sqlite_bytes(Path(scratch) / "db.sqlite3") / claims
        store.close()
    print(
        f"sqlite      bytes per claim: {half:7.0f} float16   {full:7.0f} float32   "
        f"ratio {half / full:.3f}"
    )

    with scratch_schema(args.postgres_url) as url:
        pg = PostgresStore(url)
        pg.save_articles(corpus)
        half = postgres_bytes(url) / claims
        rewrite_as_float32_postgres(url, pg)
        full = postgres_bytes(url) / claims
        pg.close()
    print(
        f"postgresql  bytes per claim: {half:7.0f} float16   {full:7.0f} float32   "
        f"ratio {half / full:.3f}"
    )

    original = np.vstack([vectors for _, _, vectors in corpus])
    report_retrieval(queries, original, stored, stored_keys)
    return 0


def basil_texts(shared: Path, count: int) -> list[str]:
    paths = sorted((shared / "corpora" / "basil" / "articles").glob("*/*.json"))[:count]
    texts = []
    for path in paths:
        paragraphs = json.loads(path.read_text(encoding="utf-8"))["body-paragraphs"]
        texts.append("\n\n".join(" ".join(sentences) for sentences in paragraphs))
    return texts


def article(article_id: str, text: str, encoder: SentenceTransformerEncoder) -> Item:
    claims = extract_article(text=text).claims
    vectors = encoder.encode([claim.text for claim in claims])
    return ArticleRecord(article_id, "BASIL", text), claims, vectors


def sqlite_bytes(path: Path) -> int:
    with sqlite3.connect(path) as connection:
        connection.execute("VACUUM")
    return path.stat().st_size


def rewrite_as_float32_sqlite(path: Path, store: ArticleStore, corpus: list[Item]) -> None:
    keys, _ = store.vectors()
    original = np.vstack([vectors for _, _, vectors in corpus]).astype(np.float32)
    with sqlite3.connect(path) as connection:
        connection.executemany(
            "UPDATE claims SET vector = ? WHERE key = ?",
            [(vector.tobytes(), key) for key, vector in zip(keys, original, strict=True)],
        )


def postgres_bytes(url: str) -> int:
    import psycopg

    with psycopg.connect(url, autocommit=True) as connection:
        total = 0
        for table in ("claims", "articles", "index_log"):
            connection.execute(f"VACUUM FULL {table}")
            row = connection.execute(f"SELECT pg_total_relation_size('{table}')").fetchone()
            total += int(row[0]) if row else 0
        return total


def rewrite_as_float32_postgres(url: str, store: PostgresStore) -> None:
    import psycopg

    keys, half = store.vectors()
    with psycopg.connect(url) as connection:
        connection.cursor().executemany(
            "UPDATE claims SET vector = %s WHERE key = %s",
            [
                (vector.astype(np.float32).tobytes(), key)
                for key, vector in zip(keys, half, strict=True)
            ],
        )


@contextmanager
def scratch_schema(postgres_url: str) -> Iterator[str]:
    import psycopg

    schema = f"bench_f16_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(postgres_url, autocommit=True) as connection:
        connection.execute(f"CREATE SCHEMA {schema}")
    separator = "&" if "?" in postgres_url else "?"
    try:
        yield f"{postgres_url}{separator}options={quote(f'-csearch_path={schema}')}"
    finally:
        with psycopg.connect(postgres_url, autocommit=True) as connection:
            connection.execute(f"DROP SCHEMA {schema} CASCADE")


def report_retrieval(
    queries: np.ndarray, original: np.ndarray, stored: np.ndarray, stored_keys: list[int]
) -> None:
    order = np.argsort(stored_keys)
    stored = stored[order]
    exact = queries @ original.T
    rounded = queries @ stored.T
    top_exact = np.argsort(-exact, axis=1)[:, :TOP_K]
    top_rounded = np.argsort(-rounded, axis=1)[:, :TOP_K]
    overlap = [len(set(a) & set(b)) / TOP_K for a, b in zip(top_exact, top_rounded, strict=True)]
    same_first = float(np.mean(top_exact[:, 0] == top_rounded[:, 0]))
    difference = np.abs(exact - rounded)
    print(
        f"top-{TOP_K} of {len(queries)} queries, float16 at rest vs float32: "
        f"recall@{TOP_K} {np.mean(overlap):.4f} (min {min(overlap):.1f}), "
        f"same top-1 {same_first:.3f}"
    )
    print(
        f"cosine difference over {difference.size} query-claim pairs: "
        f"max {difference.max():.2e}, mean {difference.mean():.2e}"
    )


if __name__ == "__main__":
    raise SystemExit(main())
