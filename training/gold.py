"""The gold pair sets, split into their fixed tune/check parts, labels mapped to verdicts.

Only *tune* rows may train the judge or choose its thresholds; *check* rows are scored.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from comparison.model import Verdict
from evaluation.splits import CLUSTER_OF, Part, cluster_parts, split_rows

GOLD_FILES = {"basil": "basil-dev.jsonl", "ecb": "ecb-dev.jsonl", "seed": "pairs-dev.jsonl"}
LABEL_TO_VERDICT: dict[str, Verdict] = {
    "agree": "agree",
    "diverge": "diverge",
    "unrelated": "unrelated",
    "different_event": "unrelated",
    "unrelated_boilerplate": "unrelated",
}


@dataclass(frozen=True, slots=True)
class GoldPair:
    set: str
    part: Part
    id: str
    cluster: str
    a: str
    b: str
    a_date: date | None
    b_date: date | None
    label: Verdict


def read_rows(shared: Path, name: str) -> list[dict[str, Any]]:
    path = shared / "gold" / GOLD_FILES[name]
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def basil_tune_triplets(shared: Path) -> set[str]:
    """The BASIL triplets of the tune part (check triplets and held-out ones excluded)."""
    parts = cluster_parts(read_rows(shared, "basil"), CLUSTER_OF["basil"])
    return {triplet for triplet, part in parts.items() if part == "tune"}


def load_gold(shared: Path) -> list[GoldPair]:
    """Every gold pair of the three sets, tune part first then check, in file order."""
    pairs = []
    for name in GOLD_FILES:
        dates = _date_lookup(shared, name)
        for part, rows in split_rows(read_rows(shared, name), CLUSTER_OF[name]).items():
            pairs += [_pair(name, part, row, dates) for row in rows]
    return pairs


def _pair(name: str, part: Part, row: Mapping[str, Any], dates: DateLookup) -> GoldPair:
    a_date, b_date = dates(row)
    return GoldPair(
        set=name,
        part=part,
        id=str(row["id"]),
        cluster=CLUSTER_OF[name](row),
        a=str(row["a_text"]),
        b=str(row["b_text"]),
        a_date=a_date,
        b_date=b_date,
        label=LABEL_TO_VERDICT[str(row["label"])],
    )


class DateLookup:
    """Each side's publication date: the BASIL file's date, the seed manifest's, or the row's."""

    def __init__(self, by_key: Mapping[str, date | None], keys: tuple[str, str]) -> None:
        self._by_key = by_key
        self._keys = keys

    def __call__(self, row: Mapping[str, Any]) -> tuple[date | None, date | None]:
        a_key, b_key = self._keys
        return self._find(row, a_key), self._find(row, b_key)

    def _find(self, row: Mapping[str, Any], key: str) -> date | None:
        value = row.get(key)
        if value is None:
            return None
        if value in self._by_key:
            return self._by_key[value]
        return _iso(str(value))


def _date_lookup(shared: Path, name: str) -> DateLookup:
    if name == "basil":
        rows = read_rows(shared, name)
        files = {row[key] for row in rows for key in ("a_file", "b_file")}
        articles = shared / "corpora" / "basil" / "articles"
        by_file = {f: _iso(json.loads((articles / f).read_text())["date"]) for f in files}
        return DateLookup(by_file, ("a_file", "b_file"))
    if name == "seed":
        manifest = json.loads((shared / "seed-articles" / "manifest.json").read_text())
        by_doc = {a["file"]: _iso(a["published_at"]) for a in manifest["articles"]}
        return DateLookup(by_doc, ("a_doc", "b_doc"))
    return DateLookup({}, ("a_published", "b_published"))


def _iso(value: str | None) -> date | None:
    return date.fromisoformat(value[:10]) if value else None
