"""The gold pair sets, split into their fixed tune/check parts, labels mapped to verdicts.

Only *tune* rows may train the judge or choose its thresholds; *check* rows are scored.
The rows, their dates and their parts come from the evaluation loaders.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from comparison.model import Verdict
from evaluation import datasets
from evaluation.basil_corpus import triplet_parts
from evaluation.datasets import load_gold_pairs, load_seed_articles
from evaluation.gold_sets import load_basil_pairs, load_ecb_pairs
from evaluation.splits import PARTS, Part

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


def basil_tune_triplets(shared: Path) -> set[str]:
    """The BASIL triplets of the tune part (check triplets and held-out ones excluded)."""
    return {triplet for triplet, part in triplet_parts(shared).items() if part == "tune"}


def load_gold(shared: Path) -> list[GoldPair]:
    """Every gold pair of the three sets, tune part first then check, in file order."""
    sets = {
        "basil": load_basil_pairs(shared),
        "ecb": load_ecb_pairs(shared),
        "seed": load_gold_pairs(shared, load_seed_articles(shared)),
    }
    return [
        _pair(name, pair)
        for name, pairs in sets.items()
        for part in PARTS
        for pair in pairs
        if pair.part == part
    ]


def _pair(name: str, pair: datasets.GoldPair) -> GoldPair:
    return GoldPair(
        set=name,
        part=pair.part,  # type: ignore[arg-type]
        id=str(pair.id),
        cluster=pair.cluster,
        a=str(pair.a_text),
        b=str(pair.b_text),
        a_date=_iso(pair.a_published_at),
        b_date=_iso(pair.b_published_at),
        label=LABEL_TO_VERDICT[str(pair.label)],
    )


def _iso(value: str | None) -> date | None:
    return date.fromisoformat(value[:10]) if value else None
