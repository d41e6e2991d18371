"""Crash test: ``kill -9`` of the API while two clients ingest, then verify after a restart.

Usage: python bench/crash.py [--rounds N] [--database-url sqlite|postgresql://...]...
                             [--clients 2] [--encoder hashing|minilm] [--seed 7]

Each ``--database-url`` is one backend (default: SQLite in a scratch data directory); a
``postgresql://`` URL gets a scratch schema of that database, dropped at the end. For each
backend, ``crosscheck serve`` runs in its own process group; every round, ``--clients``
threads POST news articles (BBC News and Reuters-21578 from ``../shared/data/corpora``, each
once) to ``/v1/articles`` one after another, and after a random 0.3-1.5 s the whole server
(gunicorn master and workers) gets SIGKILL. The server is started again and the bench
checks, through the API:

- lost / changed: every article acknowledged so far (a 201 or 200 received) is stored, at
  the revision and time it was acknowledged with (the whole list is paged through), and the
  store's claim count is the sum of the acknowledged ones; the articles acknowledged this
  round are read back whole, with exactly the claims (id, text, offsets) acknowledged;
- half-stored: an article whose request was in flight at the kill is either absent, or
  stored whole (its claims equal a clean re-extraction of its text);
- index: a copy of three articles acknowledged this round, checked under a new id
  (``/v1/check``), matches each article's own claims (a claim that a near-copy stored
  earlier hides from the whole-article report is checked alone), and the claims of an absent
  in-flight article match nothing: the restarted index agrees with the store;
- the store holds nothing else (``/v1/health`` article count).

The servers use the hashing encoder by default: crash safety is about the store and the
index log, not the model, and it keeps each restart to seconds. Other ``CROSSCHECK_*``
variables pass through to the server (e.g. ``CROSSCHECK_INDEX_KIND``).
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

REPO = Path(__file__).resolve().parent.parent
CORPORA = Path(os.environ.get("CROSSCHECK_SHARED_DATA", REPO.parent / "shared" / "data")) / (
    "corpora"
)
BBC = CORPORA / "bbc"
REUTERS = CORPORA / "reuters21578"
START_TIMEOUT_S = 180
REQUEST_TIMEOUT_S = 60
Claims = list[tuple[str, str, int, int]]


@dataclass(frozen=True)
class Ack:
    claims: Claims
    revision: int
    updated_at: str


@dataclass
class Tally:
    rounds: int = 0
    acknowledged: int = 0
    in_flight: int = 0
    in_flight_stored: int = 0
    lost: int = 0
    changed: int = 0
    half_stored: int = 0
    index_misses: int = 0
    unexpected: int = 0
    server_errors: int = 0
    problems: list[str] = field(default_factory=list)

    def fail(self, kind: str, message: str) -> None:
        setattr(self, kind, getattr(self, kind) + 1)
        self.problems.append(message)
        print(f"  {kind}: {message}", flush=True)


class Articles:
    """News articles (BBC News and Reuters-21578) in a seeded order, each handed out once,
    across threads. An article that shares a paragraph with one handed out before is
    skipped: both corpora hold duplicates, and a claim stored twice with the same text is
    shown from one of the two articles only, which the index probe would count as a miss."""

    def __init__(self, seed: int):
        texts = [path.read_text(encoding="utf-8", errors="replace") for path in BBC.glob("*/*.txt")]
        for shard in sorted(REUTERS.glob("*.jsonl")):
            with shard.open(encoding="utf-8") as lines:
                texts += [json.loads(line)["text"] for line in lines if line.strip()]
        if not texts:
            raise SystemExit(f"no articles under {BBC.parent} (set CROSSCHECK_SHARED_DATA)")
        texts.sort()
        random.Random(seed).shuffle(texts)
        self._texts = iter(texts)
        self._seen: set[str] = set()
        self._lock = threading.Lock()
        self._count = 0

    def next(self, prefix: str) -> dict[str, Any]:
        with self._lock:
            text = self._next_unseen()
            self._count += 1
            number = self._count
        return {"id": f"{prefix}-{number}", "source": "Newswire", "text": text}

    def _next_unseen(self) -> str:
        for text in self._texts:
            paragraphs = {line.strip() for line in text.splitlines() if len(line.strip()) > 40}
            if paragraphs and not paragraphs & self._seen:
                self._seen |= paragraphs
                return text.strip()
        raise SystemExit("out of distinct articles: run fewer rounds")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--database-url", action="append", dest="databases")
    parser.add_argument("--clients", type=int, default=2)
    parser.add_argument("--encoder", default="hashing")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--quiet", action="store_true", help="summary lines only")
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))  # stop the server on the way out
    summaries = []
    for database in args.databases or ["sqlite"]:
        with tempfile.TemporaryDirectory() as scratch, scratch_database(database) as url:
            tally = run(url, Path(scratch), args)
        engine = "postgresql" if url.startswith("postgresql") else "sqlite"
        summaries.append(summary(engine, tally))
    for line in summaries:
        print(line)
    return 0


def summary(engine: str, tally: Tally) -> str:
    return (
        f"{engine:<10} {tally.rounds} rounds of kill -9: acknowledged {tally.acknowledged}, "
        f"lost {tally.lost}, changed {tally.changed}; in flight {tally.in_flight} "
        f"({tally.in_flight_stored} stored whole), half-stored {tally.half_stored}; "
        f"index disagreements {tally.index_misses}; unexpected articles {tally.unexpected}; "
        f"5xx before the kill {tally.server_errors}"
    )


@contextmanager
def scratch_database(database: str) -> Iterator[str]:
    """``sqlite`` (a file in the server's data directory) or a scratch PostgreSQL schema."""
    if not database.startswith("postgresql"):
        yield database
        return
    import psycopg

    schema = f"bench_crash_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(database, autocommit=True) as connection:
        connection.execute(f"CREATE SCHEMA {schema}")
    separator = "&" if "?" in database else "?"
    try:
        yield f"{database}{separator}options={quote(f'-csearch_path={schema}')}"
    finally:
        with psycopg.connect(database, autocommit=True) as connection:
            connection.execute(f"DROP SCHEMA {schema} CASCADE")


def run(database: str, scratch: Path, args: argparse.Namespace) -> Tally:
    chooser = random.Random(args.seed)
    articles = Articles(args.seed)
    acknowledged: dict[str, Ack] = {}
    stored_in_flight: dict[str, int] = {}
    tally = Tally()
    server = Server(database, scratch / "data", args.encoder)
    server.start()
    try:
        for round_number in range(args.rounds):
            clients = [
                Client(server.base, articles, f"r{round_number}c{number}")
                for number in range(args.clients)
            ]
            for client in clients:
                client.start()
            time.sleep(chooser.uniform(0.3, 1.5))
            server.kill()
            for client in clients:
                client.join()
            server.start()
            this_round = {key: value for client in clients for key, value in client.acked.items()}
            acknowledged.update(this_round)
            in_flight = [client.in_flight for client in clients if client.in_flight]
            tally.rounds += 1
            tally.acknowledged += len(this_round)
            tally.in_flight += len(in_flight)
            tally.server_errors += sum(client.server_errors for client in clients)
            for article in in_flight:
                claims = verify_in_flight(server.base, article, tally)
                if claims is not None:
                    stored_in_flight[article["id"]] = claims
            verify_round(server.base, this_round, tally)
            verify_all(server.base, acknowledged, stored_in_flight, tally)
            verify_index(server.base, this_round, in_flight, set(stored_in_flight), chooser, tally)
            if not args.quiet:
                print(f"round {round_number + 1}: {summary('', tally).strip()}", flush=True)
    finally:
        server.stop()
    return tally


class Server:
    """``crosscheck serve`` in its own process group, so SIGKILL reaches every process."""

    def __init__(self, database: str, data_dir: Path, encoder: str):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self._environment = {
            **os.environ,
            "CROSSCHECK_ENCODER": encoder,
            "CROSSCHECK_VERDICT_JUDGE": "off" if encoder == "hashing" else "packaged",
            "CROSSCHECK_RATE_LIMIT": "1000000 per minute",
            "CROSSCHECK_LOG_LEVEL": "ERROR",
        }
        if database != "sqlite":
            self._environment["CROSSCHECK_DATABASE_URL"] = database
        self._data_dir = data_dir
        self._process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        command = [
            sys.executable,
            "-m",
            "crosscheck.cli",
            "serve",
            "--port",
            str(self.port),
            "--data-dir",
            str(self._data_dir),
        ]
        self._process = subprocess.Popen(
            command, env=self._environment, start_new_session=True, stderr=subprocess.DEVNULL
        )
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise RuntimeError(f"the server exited with {self._process.returncode}")
            with suppress(OSError, ValueError):
                if get(self.base, "/v1/health")[1].get("models_loaded"):
                    return
            time.sleep(0.1)
        raise RuntimeError(f"the server did not start within {START_TIMEOUT_S} s")

    def kill(self) -> None:
        assert self._process is not None
        os.killpg(self._process.pid, signal.SIGKILL)
        self._process.wait()
        wait_for_group_to_exit(self._process.pid)

    def stop(self) -> None:
        if self._process is not None and self._process.poll() is None:
            os.killpg(self._process.pid, signal.SIGTERM)
            try:
                self._process.wait(60)
            except subprocess.TimeoutExpired:
                os.killpg(self._process.pid, signal.SIGKILL)
                self._process.wait()


def wait_for_group_to_exit(group: int) -> None:
    """Until no process of the group is left (the kernel reaps them asynchronously)."""
    for _ in range(200):
        try:
            os.killpg(group, 0)
        except ProcessLookupError:
            return
        time.sleep(0.02)


class Client(threading.Thread):
    """POSTs articles one after another until the server stops answering."""

    def __init__(self, base: str, articles: Articles, prefix: str):
        super().__init__(daemon=True)
        self._base = base
        self._articles = articles
        self._prefix = prefix
        self.acked: dict[str, Ack] = {}
        self.in_flight: dict[str, Any] | None = None
        self.server_errors = 0

    def run(self) -> None:
        while True:
            article = self._articles.next(self._prefix)
            self.in_flight = article
            try:
                status, body = post(self._base, "/v1/articles", article)
            except (OSError, ValueError, http.client.HTTPException):
                return
            self.in_flight = None
            if status in (200, 201):
                self.acked[article["id"]] = Ack(
                    claims_of(body), body["revision"], body["updated_at"]
                )
            elif status >= 500:
                self.server_errors += 1


def verify_round(base: str, this_round: dict[str, Ack], tally: Tally) -> None:
    """The articles acknowledged this round, read back whole."""
    for article_id, ack in this_round.items():
        status, body = get(base, f"/v1/articles/{article_id}")
        if status == 404:
            tally.fail("lost", f"acknowledged {article_id} is missing")
        elif claims_of(body) != ack.claims:
            tally.fail("changed", f"acknowledged {article_id} has other claims")


def verify_all(
    base: str, acknowledged: dict[str, Ack], stored_in_flight: dict[str, int], tally: Tally
) -> None:
    """Every article acknowledged so far is listed at its acknowledged revision and time,
    nothing else is stored, and the claim count is what the acknowledgements add up to."""
    listed = {summary["id"]: summary for summary in list_articles(base)}
    for article_id, ack in acknowledged.items():
        found = listed.get(article_id)
        if found is None:
            tally.fail("lost", f"acknowledged {article_id} is not listed")
        elif (found["revision"], found["updated_at"]) != (ack.revision, ack.updated_at):
            tally.fail("changed", f"acknowledged {article_id} was written again")
    extra = set(listed) - set(acknowledged) - set(stored_in_flight)
    if extra:
        tally.fail("unexpected", f"{len(extra)} articles stored that nobody acknowledged")
    claims = get(base, "/v1/health")[1]["claims"]
    expected = sum(len(ack.claims) for ack in acknowledged.values())
    if claims != expected + sum(stored_in_flight.values()):
        tally.fail("changed", f"{claims} claims stored, {expected} acknowledged")


def list_articles(base: str) -> Iterator[dict[str, Any]]:
    cursor = ""
    while True:
        _, page = get(base, f"/v1/articles?limit=100{cursor}")
        yield from page["articles"]
        if not page["next_cursor"]:
            return
        cursor = f"&cursor={page['next_cursor']}"


def verify_in_flight(base: str, article: dict[str, Any], tally: Tally) -> int | None:
    """Its claim count when the article is stored (whole, or counted as half-stored)."""
    status, body = get(base, f"/v1/articles/{article['id']}")
    if status == 404:
        return None
    tally.in_flight_stored += 1
    if claims_of(body) != expected_claims(article):
        tally.fail("half_stored", f"in-flight {article['id']} is stored with other claims")
    return len(body["claims"])


def expected_claims(article: dict[str, Any]) -> Claims:
    """The claims a clean ingest of the article gives (the same extraction as the server)."""
    from claims import extract_article

    extracted = extract_article(text=article["text"])
    return [
        (f"{article['id']}:{position}", claim.text, claim.start, claim.end)
        for position, claim in enumerate(extracted.claims)
    ]


def verify_index(
    base: str,
    this_round: dict[str, Ack],
    in_flight: list[dict[str, Any]],
    stored_in_flight: set[str],
    chooser: random.Random,
    tally: Tally,
) -> None:
    """The restarted index finds the stored claims, and nothing of an absent article."""
    for article_id in chooser.sample(sorted(this_round), min(3, len(this_round))):
        claims = this_round[article_id].claims
        _, article = get(base, f"/v1/articles/{article_id}")
        whole = check(base, article["text"])
        # The article's best match in a near-copy stored earlier can hide a claim of the
        # article itself from a whole-article check: ask for such a claim alone.
        missing = []
        for claim_id, text, *_ in claims:
            if shows(whole, claim_id, text):
                continue
            alone = check(base, text)
            if not shows(alone, claim_id, text):
                missing.append(f"{text[:80]!r} (alone: {len(alone['claims'])} claims extracted)")
        if missing:
            tally.fail(
                "index_misses",
                f"{article_id}: {len(missing)} claims not in the index: {'; '.join(missing)}",
            )
    for article in in_flight:
        if article["id"] in stored_in_flight:
            continue
        report = check(base, article["text"])
        found = {match["article_id"] for claim in report["claims"] for match in claim["matches"]}
        if article["id"] in found:
            tally.fail("index_misses", f"absent {article['id']} is still in the index")


def shows(report: dict[str, Any], claim_id: str, text: str) -> bool:
    """Whether the report matches the claim, or its exact text at similarity 1 (a stock
    phrase several articles print word for word is shown from one of them)."""
    return any(
        match["claim_id"] == claim_id or (match["text"] == text and match["similarity"] >= 0.999)
        for claim in report["claims"]
        for match in claim["matches"]
    )


def check(base: str, text: str) -> dict[str, Any]:
    probe = {"id": f"probe-{uuid.uuid4().hex[:8]}", "source": "Probe", "text": text}
    status, report = post(base, "/v1/check", {"article": probe, "top_k": 50})
    if status != 200:
        raise RuntimeError(f"check answered {status}: {report}")
    return report


def claims_of(article: dict[str, Any]) -> Claims:
    return [
        (claim["id"], claim["text"], claim["start"], claim["end"]) for claim in article["claims"]
    ]


def post(base: str, path: str, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
    request = urllib.request.Request(
        base + path,
        data=json.dumps(body).encode("utf-8"),
        headers={"Content-Type": "application/json"},
    )
    return _send(request)


def get(base: str, path: str) -> tuple[int, dict[str, Any]]:
    return _send(urllib.request.Request(base + path))


def _send(request: urllib.request.Request) -> tuple[int, dict[str, Any]]:
    try:
        with urllib.request.urlopen(request, timeout=REQUEST_TIMEOUT_S) as response:
            return response.status, json.load(response)
    except urllib.error.HTTPError as error:
        return error.code, json.load(error)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


if __name__ == "__main__":
    raise SystemExit(main())
