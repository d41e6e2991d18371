"""Mixed load: 16 clients index, check, read and delete at once; counts every status code.

Usage: python bench/mixed_load.py [--seconds 300] [--clients 16]
                                  [--database-url sqlite|postgresql://...]...

For each backend (default SQLite in a scratch directory; a ``postgresql://`` URL gets a scratch
schema, dropped at the end), ``crosscheck serve`` runs with its default worker count on the
hashing encoder (the load is about the store, the index and the server, not the model), and
``--clients`` threads each loop for ``--seconds``: pick index (40%), check (30%), get (20%) or
delete (10%) at random, on a small shared pool of article ids so that clients collide on the
same articles (an id indexed by one may be deleted by another, then read or re-indexed).
Article texts are BBC News articles from ``../shared/data/corpora``. A 404 on get or delete of
an id another client deleted is expected; any 5xx or a lost connection is a failure. Prints
per backend the count of each (operation, status) and the 5xx total.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any

from serving import scratch_schema, served

REPO = Path(__file__).resolve().parent.parent
BBC = (
    Path(os.environ.get("CROSSCHECK_SHARED_DATA", REPO.parent / "shared" / "data"))
    / "corpora"
    / "bbc"
)
ID_POOL = 60
OPERATIONS = ("index", "check", "get", "delete")
WEIGHTS = (40, 30, 20, 10)
SERVER_SETTINGS = {
    "CROSSCHECK_ENCODER": "hashing",
    "CROSSCHECK_VERDICT_JUDGE": "off",
    "CROSSCHECK_RATE_LIMIT": "1000000 per minute",
    "CROSSCHECK_LOG_LEVEL": "ERROR",
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=300.0)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--database-url", action="append", dest="databases")
    parser.add_argument("--server-log", type=Path, help="append the servers' output here")
    args = parser.parse_args()
    texts = bbc_texts()
    if not texts:
        print(f"no BBC articles under {BBC}", file=sys.stderr)
        return 2
    failures = 0
    for database in args.databases or ["sqlite"]:
        with tempfile.TemporaryDirectory() as scratch, scratch_database(database) as url:
            tally = run(url or f"sqlite:///{scratch}/load.sqlite3", Path(scratch), texts, args)
        server_errors = sum(n for (_, status), n in tally.items() if status >= 500)
        failures += server_errors
        counts = ", ".join(f"{op} {status}: {n}" for (op, status), n in sorted(tally.items()))
        engine = "postgresql" if database.startswith("postgresql") else "sqlite"
        print(f"{engine}: {args.clients} clients for {args.seconds:.0f} s: {counts}")
        print(f"{engine}: requests {sum(tally.values())}, 5xx or lost connections {server_errors}")
    return 1 if failures else 0


def bbc_texts(limit: int = 400) -> list[str]:
    paths = sorted(BBC.rglob("*.txt"))[:limit]
    return [path.read_text(encoding="utf-8", errors="replace") for path in paths]


@contextmanager
def scratch_database(database: str) -> Iterator[str | None]:
    if not database.startswith("postgresql"):
        yield None
        return
    with scratch_schema(database, "bench_load") as url:
        yield url


def run(
    database_url: str, scratch: Path, texts: list[str], args: argparse.Namespace
) -> Counter[tuple[str, int]]:
    tally: Counter[tuple[str, int]] = Counter()
    lock = threading.Lock()
    with server(database_url, scratch / "data", args.server_log) as base:
        deadline = time.monotonic() + args.seconds
        clients = [
            threading.Thread(target=client, args=(base, texts, deadline, seed, tally, lock))
            for seed in range(args.clients)
        ]
        for thread in clients:
            thread.start()
        for thread in clients:
            thread.join()
    return tally


def client(
    base: str,
    texts: list[str],
    deadline: float,
    seed: int,
    tally: Counter[tuple[str, int]],
    lock: threading.Lock,
) -> None:
    chooser = random.Random(seed)
    while time.monotonic() < deadline:
        operation = chooser.choices(OPERATIONS, WEIGHTS)[0]
        article_id = f"load-{chooser.randrange(ID_POOL)}"
        text = chooser.choice(texts)
        status = request(base, operation, article_id, text)
        with lock:
            tally[(operation, status)] += 1


def request(base: str, operation: str, article_id: str, text: str) -> int:
    """The HTTP status of one operation; 599 when the connection failed."""
    if operation == "index":
        body = {"id": article_id, "source": "BBC News", "text": text}
        return send(base, "POST", "/v1/articles", body)
    if operation == "check":
        return send(base, "POST", "/v1/check", {"article": {"source": "Draft", "text": text}})
    method = "GET" if operation == "get" else "DELETE"
    return send(base, method, f"/v1/articles/{article_id}", None)


def send(base: str, method: str, path: str, body: dict[str, Any] | None) -> int:
    data = json.dumps(body).encode("utf-8") if body is not None else None
    headers = {"Content-Type": "application/json"} if data is not None else {}
    request = urllib.request.Request(base + path, data=data, headers=headers, method=method)
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            response.read()
            return int(response.status)
    except urllib.error.HTTPError as error:
        error.read()
        return int(error.code)
    except (OSError, http.client.HTTPException):
        return 599


def server(database_url: str, data_dir: Path, log_path: Path | None) -> AbstractContextManager[str]:
    return served(database_url, data_dir, SERVER_SETTINGS, log_path)


if __name__ == "__main__":
    raise SystemExit(main())
