"""The lexical half of a check at a million claims on PostgreSQL: ``ts_rank_cd`` with and
without the postings budget (``storage/postgres_lexical.py``), and how much of the unbudgeted
top hits each keeps.

Usage: python bench/postgres_lexical_scale.py [--url postgresql://127.0.0.1:5432/test]
           [--claims 1000000] [--real 20000] [--queries 200] [--budgets 5000,10000,20000]

Builds (once; kept in the schema ``bench_lexical_<claims>_<real>`` of that database for later runs,
``--rebuild`` to start again) a store of SYNTHESISED claims: real BASIL/BBC/Reuters claim texts
as the product extracts them, each stored about 50 times, 25 claims to an article, like the
SQLite bench's store (``bench/lexical_scale.py``). The queries are held-out real claim texts
(the first ``--queries``, which the store leaves out), 40 to a check, run as
``PostgresStore.lexical_search`` runs them (one statement for the 40), 64 hits each: the time
of each 40-claim search with every term, then for each budget with the term counts not yet
known and known, and the recall@64 of distinct hit texts against the search with every term.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np
import psycopg

from bench.scale import real_claims
from storage import lexical, postgres_lexical
from storage.postgres_store import PostgresStore
from storage.vectors_at_rest import to_stored

CHECK_CLAIMS = 40
HITS = 64
CLAIMS_PER_ARTICLE = 25


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="postgresql://127.0.0.1:5432/test")
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--real", type=int, default=20_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--budgets", default="5000,10000,20000")
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()
    from evaluation.paths import shared_data_dir

    texts = real_claims(shared_data_dir() / "corpora", args.real)
    queries, stored = texts[: args.queries], texts[args.queries :]
    schema = f"bench_lexical_{args.claims}_{args.real}"
    url = build_store(args.url, schema, stored, args.claims, args.rebuild)
    with psycopg.connect(url) as connection:
        count = connection.execute("SELECT count(*) FROM claims").fetchone()
        print(f"store: {count[0] if count else 0} claims in schema {schema}; "
              f"{len(queries)} held-out real claim texts as queries")  # fmt: skip
        exact, exact_times = _timed_checks(connection, queries, None)
        print(
            f"budget   none: {CHECK_CLAIMS}-claim search median "
            f"{statistics.median(exact_times) * 1000:5.0f} ms (max {max(exact_times) * 1000:.0f})"
        )
        for budget in (int(value) for value in args.budgets.split(",")):
            counts = lexical.TermCounts(budget=budget)
            _, cold = _timed_checks(connection, queries, counts)
            found, warm = _timed_checks(connection, queries, counts)
            print(
                f"budget {budget:>6}: {CHECK_CLAIMS}-claim search median "
                f"{statistics.median(cold) * 1000:5.0f} ms counts unknown, "
                f"{statistics.median(warm) * 1000:5.0f} ms known (max {max(warm) * 1000:.0f}); "
                f"recall@{HITS} of texts vs no budget: {_text_recall(connection, exact, found):.3f}"
            )
    return 0


def build_store(url: str, schema: str, texts: Sequence[str], claims: int, rebuild: bool) -> str:
    """A URL whose search_path is ``schema``, holding ``claims`` claims (built when absent)."""
    from urllib.parse import quote

    scoped = f"{url}{'&' if '?' in url else '?'}options={quote(f'-csearch_path={schema}')}"
    with psycopg.connect(url, autocommit=True) as connection:
        if rebuild:
            connection.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
        exists = connection.execute(
            "SELECT 1 FROM information_schema.tables WHERE table_schema = %s "
            "AND table_name = 'claims'",
            (schema,),
        ).fetchone()
        if exists:
            return scoped
        connection.execute(f"CREATE SCHEMA {schema}")
    PostgresStore(scoped).close()  # the store's own tables, by its migrations
    started = time.perf_counter()
    with psycopg.connect(scoped, autocommit=True) as connection:
        _fill(connection, texts, claims)
    print(f"built {claims} claims in {time.perf_counter() - started:.0f} s")
    return scoped


def _fill(connection: psycopg.Connection[Any], texts: Sequence[str], claims: int) -> None:
    """Bulk load with the text indexes dropped, then rebuilt (as a restore would)."""
    connection.execute("DROP INDEX claims_by_words")
    connection.execute("DROP INDEX claims_by_text")
    articles = (claims + CLAIMS_PER_ARTICLE - 1) // CLAIMS_PER_ARTICLE
    connection.execute(
        "INSERT INTO articles (id, source, text, created_at, updated_at) "
        "SELECT 'bench-' || n, 'Bench', '', '', '' FROM generate_series(0, %s) AS n",
        (articles - 1,),
    )
    vector = to_stored(np.zeros(8, dtype=np.float32))
    columns = 'article_id, position, text, start, "end", vector'
    with connection.cursor().copy(f"COPY claims ({columns}) FROM STDIN") as copy:
        for n in range(claims):
            text = texts[n % len(texts)]
            article, position = divmod(n, CLAIMS_PER_ARTICLE)
            copy.write_row((f"bench-{article}", position, text, 0, len(text), vector))
    connection.execute("CREATE INDEX claims_by_words ON claims USING gin (words)")
    connection.execute("CREATE INDEX claims_by_text ON claims USING hash (text)")
    connection.execute("ANALYZE")


def _timed_checks(
    connection: psycopg.Connection[Any], queries: Sequence[str], counts: lexical.TermCounts | None
) -> tuple[list[list[lexical.LexicalHit]], list[float]]:
    """Every query's hits, searched 40 to a check as a check does, and each check's time."""
    hits: list[list[lexical.LexicalHit]] = []
    times = []
    for start in range(0, len(queries), CHECK_CLAIMS):
        started = time.perf_counter()
        hits += postgres_lexical.search(
            connection, queries[start : start + CHECK_CLAIMS], HITS, None, counts
        )
        times.append(time.perf_counter() - started)
    return hits, times


def _text_recall(
    connection: psycopg.Connection[Any],
    exact: list[list[lexical.LexicalHit]],
    found: list[list[lexical.LexicalHit]],
) -> float:
    """Mean share of the exact hits' distinct texts that the budgeted hits hold too (a text
    stored 50 times ties with itself, so which copies make the top 64 is arbitrary)."""
    keys = {key for hits in exact + found for key, _ in hits}
    rows = connection.execute(
        "SELECT key, text FROM claims WHERE key = ANY(%s::bigint[])", (sorted(keys),)
    ).fetchall()
    text_of = dict(rows)
    shares = []
    for wanted, got in zip(exact, found, strict=True):
        if wanted:
            wanted_texts = {text_of[key] for key, _ in wanted}
            got_texts = {text_of[key] for key, _ in got}
            shares.append(len(wanted_texts & got_texts) / len(wanted_texts))
    return statistics.mean(shares)


if __name__ == "__main__":
    raise SystemExit(main())
