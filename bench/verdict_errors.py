"""Developer view of verdicts on the gold sets: confusion per set and part, and the errors.

    python bench/verdict_errors.py                 # summary of every set, both parts
    python bench/verdict_errors.py --errors tune   # also list the tune part's wrong verdicts

Runs the service's own compare path (encoder + comparator) in process. Only the *tune*
part's errors are meant to be read while changing rules; the check part is for measuring.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from api.config import Config
from api.registry import Registry
from comparison.model import ClaimInput
from evaluation.basil_corpus import BASIL_ARTICLES, BASIL_GOLD
from evaluation.datasets import GOLD_FILE, read_jsonl
from evaluation.gold_sets import ECB_FILE, basil_date
from evaluation.splits import CLUSTER_OF, split_rows

SETS = {"basil": BASIL_GOLD, "ecb": ECB_FILE, "seed": GOLD_FILE}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared-data", default=str(Path(__file__).parents[2] / "shared/data"))
    parser.add_argument("--sets", nargs="*", default=list(SETS))
    parser.add_argument("--errors", choices=("tune", "check"), default=None)
    args = parser.parse_args(argv)
    data = Path(args.shared_data)
    with tempfile.TemporaryDirectory() as tmp:
        registry = Registry(Config.from_env(data_dir=Path(tmp)))
        service = registry.service
        for name in args.sets:
            rows = read_jsonl(data / SETS[name])
            for part, part_rows in split_rows(rows, CLUSTER_OF[name]).items():
                results = [_compare(service, data, row) for row in part_rows]
                _summarise(f"{name}/{part}", part_rows, results)
                if args.errors == part:
                    _list_errors(part_rows, results)
        registry.close()
    return 0


def _compare(service: Any, data: Path, row: dict[str, Any]) -> tuple[str, list[str], float]:
    a_date, b_date = _dates(data, row)
    a, b = ClaimInput(row["a_text"], a_date), ClaimInput(row["b_text"], b_date)
    similarity, comparison = service.compare_claims(a, b)
    _, swapped = service.compare_claims(b, a)
    verdict = (
        comparison.verdict
        if swapped.verdict == comparison.verdict
        else "SWAP-" + (comparison.verdict)
    )
    return verdict, [reason.type for reason in comparison.reasons], similarity


def _dates(data: Path, row: dict[str, Any]) -> tuple[date | None, date | None]:
    if "a_file" in row:
        articles = data / BASIL_ARTICLES
        a_date, b_date = (_iso(basil_date(articles / row[key])) for key in ("a_file", "b_file"))
        return a_date, b_date
    return _iso(row.get("a_published")), _iso(row.get("b_published"))


def _iso(value: str | None) -> date | None:
    return date.fromisoformat(value[:10]) if value else None


def _summarise(title: str, rows: list[dict[str, Any]], results: list[Any]) -> None:
    confusion: dict[str, Counter[str]] = defaultdict(Counter)
    for row, (verdict, _, _) in zip(rows, results, strict=True):
        confusion[row["label"]][verdict] += 1
    tp = confusion["diverge"]["diverge"]
    predicted = sum(counts["diverge"] for counts in confusion.values())
    actual = sum(confusion["diverge"].values())
    precision = tp / predicted if predicted else 0.0
    recall = tp / actual if actual else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(f"{title}: n={len(rows)} diverge P={precision:.2f} R={recall:.2f} F1={f1:.2f}")
    for label, counts in sorted(confusion.items()):
        print(f"   {label:>22} → {dict(counts)}")


def _list_errors(rows: list[dict[str, Any]], results: list[Any]) -> None:
    for row, (verdict, types, similarity) in zip(rows, results, strict=True):
        expected = "diverge" if row["label"] == "diverge" else "not diverge"
        if (verdict == "diverge") != (expected == "diverge") or verdict.startswith("SWAP"):
            print(f"  {row['id']} gold={row['label']}{row['types']} got={verdict}{types}")
            print(f"     sim={similarity:.2f} A: {row['a_text']}")
            print(f"              B: {row['b_text']}")
            print(f"     gold spans: {row.get('a_span')!r} | {row.get('b_span')!r}")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
