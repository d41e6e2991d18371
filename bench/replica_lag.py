"""Replica lag: how long after one API process acknowledges an article another one matches it.

Usage: python bench/replica_lag.py [--rounds N] [--engines sqlite postgresql]
                                   [--postgres-url postgresql://127.0.0.1:5432/test]

Starts two ``crosscheck serve`` processes (A and B) on two ports that share one database:
a SQLite file (each process with its own data directory, so only the database is shared),
or a scratch schema of the PostgreSQL database (dropped at the end). Each round indexes a new
article through A (``POST /v1/articles``), then checks a reworded draft of it on B
(``POST /v1/check``) again and again until B's report matches the new article. The lag is
the time from A's 201 to the end of the first B response that matches; it includes one
check's own time, so it is an upper bound. B keeps in step through the store's index log
(``Corpus.sync`` before every search). The servers use the hashing encoder
(``CROSSCHECK_ENCODER=hashing``): the lag is about the store and the log, not the model, and
it keeps start-up short.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any

from serving import scratch_schema, served

SERVER_SETTINGS = {
    "CROSSCHECK_ENCODER": "hashing",
    "CROSSCHECK_WORKERS": "1",  # A and B are one process each
    "CROSSCHECK_VERDICT_JUDGE": "off",
    "CROSSCHECK_RATE_LIMIT": "100000 per minute",
    "CROSSCHECK_LOG_LEVEL": "WARNING",
}
MATCH_TIMEOUT_S = 30
CITIES = ["Leeds", "Porto", "Gdansk", "Tampere", "Ghent", "Bilbao", "Aarhus", "Lyon", "Graz"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--engines", nargs="+", default=["sqlite", "postgresql"])
    parser.add_argument("--postgres-url", default="postgresql://127.0.0.1:5432/test")
    args = parser.parse_args()
    print(f"replica lag over {args.rounds} rounds (hashing encoder; index on A, match on B)")
    for engine in args.engines:
        with (
            tempfile.TemporaryDirectory() as scratch,
            shared_database(engine, Path(scratch), args.postgres_url) as url,
        ):
            lags, checks = measure(url, Path(scratch), args.rounds)
        print(
            f"{engine:<11} min {min(lags) * 1000:7.1f} ms   median "
            f"{statistics.median(lags) * 1000:7.1f} ms   max {max(lags) * 1000:7.1f} ms   "
            f"within 1 s: {sum(lag <= 1.0 for lag in lags)}/{len(lags)}   "
            f"matched by B's first check: {checks.count(1)}/{len(checks)}"
        )
    return 0


@contextmanager
def shared_database(engine: str, scratch: Path, postgres_url: str) -> Iterator[str]:
    if engine == "sqlite":
        yield f"sqlite:///{scratch / 'shared.sqlite3'}"
        return
    with scratch_schema(postgres_url, "bench_lag") as url:
        yield url


def measure(database_url: str, scratch: Path, rounds: int) -> tuple[list[float], list[int]]:
    """Each round's lag in seconds, and how many checks B answered until it matched."""
    with server(database_url, scratch / "a") as a, server(database_url, scratch / "b") as b:
        lags, checks = [], []
        for round_number in range(rounds):
            article, draft = texts(round_number)
            article_id = f"lag-{round_number}"
            call(a, "/v1/articles", {"id": article_id, "source": "Outlet A", "text": article})
            acknowledged = time.perf_counter()
            checks.append(1)
            while not matched(call(b, "/v1/check", {"article": draft, "top_k": 5}), article_id):
                if time.perf_counter() - acknowledged > MATCH_TIMEOUT_S:
                    raise RuntimeError(f"B never matched {article_id}")
                checks[-1] += 1
            lags.append(time.perf_counter() - acknowledged)
        return lags, checks


def texts(round_number: int) -> tuple[str, dict[str, Any]]:
    city = CITIES[round_number % len(CITIES)]
    homes = 1200 + 37 * round_number
    article = (
        f"The {city} council approved {homes} new homes on the old dock site on Tuesday, "
        f"officials said. Work on the {city} dock project {round_number} starts in spring."
    )
    draft = f"Officials said the {city} council approved {homes} new homes on the old dock site."
    return article, {"source": "Outlet B", "text": draft}


def matched(report: dict[str, Any], article_id: str) -> bool:
    copies = {copy["article_id"] for copy in report.get("syndicated_copies", [])}
    found = {match["article_id"] for claim in report["claims"] for match in claim["matches"]}
    return article_id in copies | found


def server(database_url: str, data_dir: Path) -> AbstractContextManager[str]:
    return served(database_url, data_dir, SERVER_SETTINGS)


def call(base: str, path: str, body: dict[str, Any]) -> dict[str, Any]:
    request = urllib.request.Request(
        base + path,
        data=json.dumps(body).encode("utf-8"),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        answer: dict[str, Any] = json.load(response)
        return answer


if __name__ == "__main__":
    raise SystemExit(main())
