"""The BASIL and ECB+ gold pairs (``gold/README.md``), scored per part through ``/v1/compare``.

BASIL pairs are dated by their articles' ``date``; ECB+ has no dates.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from evaluation.backend import Backend
from evaluation.basil_corpus import BASIL_ARTICLES, BASIL_GOLD
from evaluation.datasets import GoldPair, gold_pair, read_jsonl
from evaluation.report import MetricRow
from evaluation.scoring import error_rows
from evaluation.splits import basil_cluster, cluster_parts, ecb_cluster
from evaluation.verdicts import all_outcomes, judge_pairs, verdict_rows

ECB_FILE = "gold/ecb-dev.jsonl"


def load_basil_pairs(data_dir: Path) -> list[GoldPair]:
    rows = read_jsonl(data_dir / BASIL_GOLD)
    parts = cluster_parts(rows, basil_cluster)
    articles = data_dir / BASIL_ARTICLES
    return [
        gold_pair(
            row,
            docs=(row["a_file"], row["b_file"]),
            dates=(basil_date(articles / row["a_file"]), basil_date(articles / row["b_file"])),
            cluster=basil_cluster(row),
            part=parts[basil_cluster(row)],
        )
        for row in rows
    ]


@cache
def basil_date(path: Path) -> str:
    """A BASIL article's ``date`` (``YYYY-MM-DD``)."""
    return str(json.loads(path.read_text(encoding="utf-8"))["date"])


def load_ecb_pairs(data_dir: Path) -> list[GoldPair]:
    rows = read_jsonl(data_dir / ECB_FILE)
    parts = cluster_parts(rows, ecb_cluster)
    return [
        gold_pair(
            row,
            docs=(row["a_doc"], row["b_doc"]),
            dates=(row.get("a_published"), row.get("b_published")),
            cluster=ecb_cluster(row),
            part=parts[ecb_cluster(row)],
        )
        for row in rows
    ]


def score_basil(backend: Backend, data_dir: Path) -> list[MetricRow]:
    return score_labelled_pairs("basil", "unrelated", load_basil_pairs(data_dir), backend)


def score_ecb(backend: Backend, data_dir: Path) -> list[MetricRow]:
    return score_labelled_pairs("ecb", "different_event", load_ecb_pairs(data_dir), backend)


def score_labelled_pairs(
    set_name: str, negative_label: str, pairs: list[GoldPair], backend: Backend
) -> list[MetricRow]:
    judged = judge_pairs(backend, pairs)
    return verdict_rows(set_name, negative_label, judged) + error_rows(
        set_name, all_outcomes(judged)
    )
