"""``python bench/report_audit.py``: write the flags of real ``/v1/check`` reports on BASIL
articles for a human to label, or score a labelled file (``--score``)."""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path

from evaluation.audit_records import collect_audit, read_records, write_records
from evaluation.audit_scoring import AuditLabelError, score_audit
from evaluation.backend import Backend, create_http_backend
from evaluation.paths import REPO_ROOT, shared_data_dir
from evaluation.report import format_table
from evaluation.splits import PARTS

BackendFactory = Callable[[Path, str, str | None], Backend]
AUDIT_DIR = REPO_ROOT / "evaluation" / "audit"
EXIT_OK = 0
EXIT_USAGE = 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="report_audit", description=__doc__)
    parser.add_argument("--part", choices=PARTS, default="tune", help="events to check from")
    parser.add_argument("--articles", type=int, default=10, help="articles to check (sampled)")
    parser.add_argument(
        "--corroborations", type=int, default=40, help="corroborations to keep (sampled)"
    )
    parser.add_argument("--out", type=Path, help="JSONL to write (default evaluation/audit/…)")
    parser.add_argument("--score", metavar="FILE", type=Path, help="score a labelled audit file")
    parser.add_argument("--encoder", default="minilm", help="'minilm' (real model) or 'hashing'")
    parser.add_argument("--shared-data", type=Path, default=None, help="shared data root")
    return parser


def main(argv: Sequence[str] | None = None, backend_factory: BackendFactory | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.score:
        return score_file(args.score)
    data_dir = args.shared_data or shared_data_dir()
    if not data_dir.is_dir():
        print(f"shared data not found at {data_dir} (set CROSSCHECK_SHARED_DATA)", file=sys.stderr)
        return EXIT_USAGE
    out = args.out or default_output(args.part)
    if out.exists():
        print(f"{out} exists (it may hold labels); choose another --out", file=sys.stderr)
        return EXIT_USAGE
    factory = backend_factory or create_http_backend
    with tempfile.TemporaryDirectory(prefix="crosscheck-audit-") as app_dir:
        backend = factory(Path(app_dir), args.encoder, None)
        try:
            run = collect_audit(backend, data_dir, args.part, args.articles, args.corroborations)
        finally:
            backend.close()
    write_records(out, run.records)
    print(f"{out}: {run.summary()}")
    return EXIT_OK


def default_output(part: str) -> Path:
    return AUDIT_DIR / f"{part}-{datetime.now(UTC).date().isoformat()}.jsonl"


def score_file(path: Path) -> int:
    try:
        rows = score_audit(read_records(path))
    except (AuditLabelError, KeyError, ValueError) as error:
        print(f"{path}: {error}", file=sys.stderr)
        return EXIT_USAGE
    print(format_table(rows))
    return EXIT_OK
