"""The ``crosscheck`` command: serve, ingest, check, worker, openapi."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
# One OpenBLAS thread for numpy (read when the library loads: set before numpy is imported).
# A check's products of its claim vectors with the candidates' (syndication, the index's
# recent additions) are big enough for OpenBLAS to thread, and its helper thread then spins
# for tens of milliseconds after each: 120 ms of CPU a check beside 600 ms of work, which
# under load is taken from the other requests, for products that take under a millisecond.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    from api.logs import configure_logging

    configure_logging(
        os.environ.get("CROSSCHECK_LOG_LEVEL", "WARNING" if args.command != "serve" else "INFO")
    )
    result: int = args.handler(args)
    return result


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="crosscheck", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    serve = commands.add_parser("serve", help="serve the REST API")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument(
        "--workers",
        type=int,
        default=None,
        help="worker processes (default: CROSSCHECK_WORKERS, else one per core)",
    )
    _data_dir_option(serve)
    serve.set_defaults(handler=_serve)

    ingest = commands.add_parser("ingest", help="index text/HTML files or JSONL of article objects")
    ingest.add_argument("paths", nargs="+", type=Path)
    ingest.add_argument("--source", required=True, help="outlet name for files without one")
    ingest.add_argument("--published-at", help="ISO 8601 date for files without one")
    ingest.add_argument(
        "--batch", type=int, default=64, help="articles indexed together (default 64)"
    )
    _data_dir_option(ingest)
    ingest.set_defaults(handler=_ingest)

    check = commands.add_parser("check", help="print the consistency report of one article")
    check.add_argument("file", type=Path)
    check.add_argument("--source", default="draft")
    check.add_argument("--published-at")
    check.add_argument("--top-k", type=int, default=5)
    check.add_argument("--json", action="store_true", help="print the report as JSON")
    _data_dir_option(check)
    check.set_defaults(handler=_check)

    worker = commands.add_parser(
        "worker", help="process bulk jobs from the queue (needs CROSSCHECK_REDIS_URL)"
    )
    worker.add_argument("--threads", type=int, default=1, help="batches processed at once")
    _data_dir_option(worker)
    worker.set_defaults(handler=_worker)

    spec = commands.add_parser("openapi", help="write the OpenAPI document generated from the code")
    spec.add_argument("--output", type=Path, default=None)
    spec.set_defaults(handler=_openapi)

    migrate = commands.add_parser("migrate", help="apply the database's pending schema migrations")
    migrate.add_argument(
        "--database-url",
        help="postgresql://… or sqlite:///path (default: CROSSCHECK_DATABASE_URL, else the "
        "SQLite file in --data-dir)",
    )
    _data_dir_option(migrate)
    migrate.set_defaults(handler=_migrate)
    return parser


def _data_dir_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data-dir", type=Path, default=Path(os.environ.get("CROSSCHECK_DATA_DIR", "data"))
    )


def _config(args: argparse.Namespace, **overrides: Any) -> Any:
    from api.config import Config

    return Config.from_env(data_dir=args.data_dir, **overrides)


def _serve(args: argparse.Namespace) -> int:
    import gc

    # The master's start (the app's and the models' imports, the models' load) makes half a
    # million objects that live as long as the server, and the collector's automatic passes
    # walked them again and again: 1,300 collections and 15% of the start on the 2-core box.
    # Off until the models are loaded; the server then freezes what is alive and turns it
    # back on before it forks the workers (api.server).
    gc.disable()
    from api.preload import IndexPreload

    overrides: dict[str, Any] = {"load_models_eagerly": True}
    if args.workers is not None:
        overrides["workers"] = args.workers
    config = _config(args, **overrides)
    index = IndexPreload.start(config)  # opens the claim index while the app imports
    from api.server import serve

    serve(config, args.host, args.port, index)
    return 0


def _ingest(args: argparse.Namespace) -> int:
    """Stream the input, index it in batches (claims of a batch's articles encoded together),
    and skip articles already stored with the same id and content, so a rerun resumes."""
    from tqdm import tqdm

    from api.registry import Registry
    from crosscheck.ingest import IngestTally, batches, count_articles, read_articles

    registry = Registry(_config(args, torch_threads=os.cpu_count() or 1))
    service = registry.service
    defaults = {"source": args.source, "published_at": args.published_at}
    tally = IngestTally()
    progress = tqdm(total=count_articles(args.paths), unit="article", dynamic_ncols=True)
    try:
        for batch in batches(read_articles(args.paths, defaults), args.batch):
            readable = [item for item in batch if item.article is not None]
            for item in batch:
                if item.error:
                    tally.unreadable += 1
                    progress.write(f"skipped {item.origin}: {item.error}")
            results = service.index_articles([item.article for item in readable if item.article])
            for item, result in zip(readable, results, strict=True):
                tally.count(result)
                if result.error is not None:
                    progress.write(f"rejected {item.origin}: {result.error}")
            progress.update(len(batch))
            elapsed = progress.format_dict["elapsed"] or 1e-9
            progress.set_postfix_str(
                f"{tally.claims} claims, {tally.claims / elapsed:.1f} claims/s"
            )
    finally:
        progress.close()
        registry.close()
    articles, claims = service.corpus_size()
    print(f"{tally.summary()}\ncorpus: {articles} articles, {claims} claims")
    return 1 if tally.failures else 0


def _check(args: argparse.Namespace) -> int:
    from api.registry import Registry
    from crosscheck.ingest import read_articles
    from crosscheck.render import render_report, report_to_json

    items = list(
        read_articles([args.file], {"source": args.source, "published_at": args.published_at})
    )
    if len(items) != 1 or items[0].article is None:
        print(
            f"cannot read {args.file}: {items[0].error if items else 'no article'}", file=sys.stderr
        )
        return 2
    registry = Registry(_config(args))
    report = registry.service.check_article(items[0].article, top_k=args.top_k)
    print(
        json.dumps(report_to_json(report), indent=2, ensure_ascii=False)
        if args.json
        else render_report(report)
    )
    return 0


def _worker(args: argparse.Namespace) -> int:
    """One worker process: the models are loaded once, before the first batch is taken."""
    from api.registry import Registry
    from jobs import QueueUnavailable
    from jobs.worker import JobWorker, run_until_signalled

    registry = Registry(_config(args))
    try:
        settings = registry.queue_settings
    except QueueUnavailable as error:
        print(f"crosscheck worker: {error}", file=sys.stderr)
        return 2
    try:
        registry.load_all()
        run_until_signalled(JobWorker(settings, registry.service), args.threads)
    finally:
        registry.close()
    return 0


def _migrate(args: argparse.Namespace) -> int:
    from storage import StoreUnavailable, migrate
    from storage.factory import redact

    config = _config(args)
    target = str(args.database_url or config.database_url or config.database_path)
    try:
        applied = migrate(target)
    except StoreUnavailable as error:
        print(f"crosscheck migrate: {error}", file=sys.stderr)
        return 1
    print(f"database {redact(target)}")
    for label in applied:
        print(f"applied {label}")
    if not applied:
        print("schema up to date")
    return 0


def _openapi(args: argparse.Namespace) -> int:
    import tempfile

    from api import create_app, spec_yaml
    from api.config import TestConfig

    with tempfile.TemporaryDirectory() as data_dir:
        spec = spec_yaml(create_app(TestConfig(data_dir=Path(data_dir))))
    if args.output:
        args.output.write_text(spec, encoding="utf-8")
    else:
        sys.stdout.write(spec)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
