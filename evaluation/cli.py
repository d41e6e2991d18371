"""``python bench/accuracy.py``: score the engine through its HTTP API."""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from evaluation.backend import Backend, create_http_backend
from evaluation.floors import BUILTIN, check_limits, load_limits
from evaluation.paths import shared_data_dir
from evaluation.report import MetricRow, format_misses, format_table
from evaluation.runner import ALL_SETS, CI_SETS, elapsed_row, run_sets

BackendFactory = Callable[[Path, str, str | None], Backend]

EXIT_OK = 0
EXIT_BELOW_FLOORS = 1
EXIT_USAGE = 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="accuracy",
        description="Score Crosscheck on the gold dev pairs and public sets via its HTTP API.",
    )
    parser.add_argument(
        "--sets",
        nargs="+",
        default=list(ALL_SETS),
        help=f"set names, space- or comma-separated (default: all of {', '.join(ALL_SETS)})",
    )
    parser.add_argument(
        "--ci",
        action="store_true",
        help=f"run only {'+'.join(CI_SETS)} and fail outside the built-in floors and ceilings",
    )
    parser.add_argument(
        "--floors",
        metavar="FILE_OR_BUILTIN",
        help=(
            f'\'{BUILTIN}\' or a JSON file {{"floors": {{key: min}}, "ceilings": {{key: max}}}}'
            " (or a flat {key: min}); exit 1 outside them"
        ),
    )
    parser.add_argument("--json", metavar="OUT", type=Path, help="also write the rows as JSON")
    parser.add_argument(
        "--misses", action="store_true", help="list the items behind each metric on stderr"
    )
    parser.add_argument("--encoder", default="minilm", help="'minilm' (real model) or 'hashing'")
    parser.add_argument("--judge", metavar="DIR", help="local NLI model directory for the judge")
    parser.add_argument(
        "--shared-data", type=Path, default=None, help="shared data root (default ../shared/data)"
    )
    return parser


def main(argv: Sequence[str] | None = None, backend_factory: BackendFactory | None = None) -> int:
    args = build_parser().parse_args(argv)
    sets = list(CI_SETS) if args.ci else parse_sets(args.sets)
    if sets is None:
        return EXIT_USAGE
    data_dir = args.shared_data or shared_data_dir()
    if not data_dir.is_dir():
        print(f"shared data not found at {data_dir} (set CROSSCHECK_SHARED_DATA)", file=sys.stderr)
        return EXIT_USAGE
    factory = backend_factory or create_http_backend
    with tempfile.TemporaryDirectory(prefix="crosscheck-eval-") as app_dir:
        started = time.perf_counter()
        backend = factory(Path(app_dir), args.encoder, args.judge)
        rows = [elapsed_row("startup", time.perf_counter() - started)]
        try:
            rows += run_sets(sets, backend, data_dir)
        finally:
            backend.close()
    print(format_table(rows))
    if args.misses:
        print(format_misses(rows), file=sys.stderr)
    if args.json:
        write_json(args.json, rows)
    floors_spec = args.floors or (BUILTIN if args.ci else None)
    return enforce_floors(rows, floors_spec)


def parse_sets(values: Sequence[str]) -> list[str] | None:
    names = [name.strip() for value in values for name in value.split(",") if name.strip()]
    unknown = [name for name in names if name not in ALL_SETS]
    if unknown or not names:
        print(f"unknown sets {unknown}; choose from {', '.join(ALL_SETS)}", file=sys.stderr)
        return None
    return names


def write_json(path: Path, rows: list[MetricRow]) -> None:
    path.write_text(json.dumps([row.to_json() for row in rows], indent=2) + "\n", encoding="utf-8")


def enforce_floors(rows: list[MetricRow], floors_spec: str | None) -> int:
    if floors_spec is None:
        return EXIT_OK
    failures = check_limits(rows, load_limits(floors_spec))
    for failure in failures:
        print(f"{failure.headline}: {failure}", file=sys.stderr)
    return EXIT_BELOW_FLOORS if failures else EXIT_OK
