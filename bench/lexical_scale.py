"""The lexical half of a check at a million claims: SQLite FTS5 BM25 with and without the
postings budget (``storage/lexical.py``), and how much of exact BM25's top hits each keeps.

Usage: python bench/lexical_scale.py [--claims 1000000] [--real 20000] [--noise 0.03]
                                     [--queries 200] [--budgets 0,5000,10000,20000]

Reads the 1M-claim base store that ``python bench/restart.py --build-only`` builds under
``bench/.cache`` (SYNTHESISED: each of 19,000 real BASIL/BBC/Reuters claim texts stored about
50 times, see that bench). The queries are held-out real claim texts (the first ``--queries``
of the real claims, which that store leaves out), 40 to a check, as ``SqliteStore.lexical_search``
runs them: 64 hits each, as many as a check's lexical retrieval asks for. For each budget
(0: every term, as before the budget): the time of each 40-claim search with the term counts
not yet known (the first check after a start) and known (cached), and recall@64 against the
unbudgeted search: of hit keys and of distinct hit texts (a text stored 50 times ties with
itself, so which copies make the top 64 is arbitrary; the texts are the fairer figure).
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.restart import DATABASE_NAME
from bench.scale import DEFAULT_CACHE, real_claims
from storage import lexical

CHECK_CLAIMS = 40
HITS = 64


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--real", type=int, default=20_000)
    parser.add_argument("--noise", type=float, default=0.03)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--budgets", default="0,5000,10000,20000")
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    args = parser.parse_args()
    from evaluation.paths import shared_data_dir

    texts = real_claims(shared_data_dir() / "corpora", args.real)
    database = args.cache / f"restart-{args.claims}-{len(texts)}-{args.noise}" / DATABASE_NAME
    if not database.is_file():
        print(f"no base store at {database}: run python bench/restart.py --build-only first")
        return 2
    connection = sqlite3.connect(database)
    count = connection.execute("SELECT count(*) FROM claims").fetchone()[0]
    print(f"store: {count} claims; {args.queries} held-out real claim texts as queries")
    queries = texts[: args.queries]
    exact = [lexical.search(connection, text, HITS) for text in queries]
    for budget in (int(value) for value in args.budgets.split(",")):
        counts = lexical.TermCounts(budget=budget) if budget > 0 else None
        cold = _check_times(connection, queries, counts)
        warm = _check_times(connection, queries, counts)
        found = [lexical.search(connection, text, HITS, (), counts) for text in queries]
        keys, distinct = _recalls(connection, exact, found)
        print(
            f"budget {budget or 'none':>6}: {CHECK_CLAIMS}-claim search median "
            f"{statistics.median(cold) * 1000:5.0f} ms counts unknown, "
            f"{statistics.median(warm) * 1000:5.0f} ms known (max {max(warm) * 1000:.0f}); "
            f"recall@{HITS} vs no budget: keys {keys:.3f}, texts {distinct:.3f}"
        )
    return 0


def _check_times(
    connection: sqlite3.Connection, queries: list[str], counts: lexical.TermCounts | None
) -> list[float]:
    times = []
    for start in range(0, len(queries), CHECK_CLAIMS):
        started = time.perf_counter()
        for text in queries[start : start + CHECK_CLAIMS]:
            lexical.search(connection, text, HITS, (), counts)
        times.append(time.perf_counter() - started)
    return times


def _recalls(
    connection: sqlite3.Connection,
    exact: list[list[lexical.LexicalHit]],
    found: list[list[lexical.LexicalHit]],
) -> tuple[float, float]:
    """Mean recall of the exact hits' keys and of their distinct texts, over queries with hits."""

    def text_of(key: int) -> str:
        return str(
            connection.execute("SELECT text FROM claims WHERE key = ?", (key,)).fetchone()[0]
        )

    keys, distinct = [], []
    for wanted, got in zip(exact, found, strict=True):
        if not wanted:
            continue
        wanted_keys, got_keys = {k for k, _ in wanted}, {k for k, _ in got}
        keys.append(len(wanted_keys & got_keys) / len(wanted_keys))
        wanted_texts = {text_of(k) for k in wanted_keys}
        distinct.append(len(wanted_texts & {text_of(k) for k in got_keys}) / len(wanted_texts))
    return statistics.mean(keys), statistics.mean(distinct)


if __name__ == "__main__":
    raise SystemExit(main())
