"""Fixed tune/check split of every gold set, by cluster (event, topic, seed-article pair).

Rules and the learned judge are tuned on the *tune* part only; CI floors sit on the *check*
part. Clusters are never split across parts. Within each stratum (clusters that hold a
``diverge`` pair, and those that don't) clusters are ordered by a salted hash and dealt
alternately, so both parts get diverging pairs however few there are.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Literal, TypeVar

Part = Literal["tune", "check"]
PARTS: tuple[Part, ...] = ("tune", "check")
SALT = "crosscheck-split-v1:"

Row = TypeVar("Row", bound=Mapping[str, Any])


def basil_cluster(row: Mapping[str, Any]) -> str:
    """The BASIL triplet: ``2010/<triplet-uuid>_1.json`` → ``<triplet-uuid>``."""
    return str(row["a_file"]).rsplit("/", 1)[-1].rsplit("_", 1)[0]


def ecb_cluster(row: Mapping[str, Any]) -> str:
    """The ECB+ topic: ``12_3ecbplus`` → ``12``."""
    return str(row["a_doc"]).split("_", 1)[0]


def seed_cluster(row: Mapping[str, Any]) -> str:
    """The unordered pair of seed articles."""
    return "+".join(sorted((str(row["a_doc"]), str(row["b_doc"]))))


CLUSTER_OF: dict[str, Callable[[Mapping[str, Any]], str]] = {
    "basil": basil_cluster,
    "ecb": ecb_cluster,
    "seed": seed_cluster,
}


def cluster_parts(rows: Iterable[Row], cluster_of: Callable[[Row], str]) -> dict[str, Part]:
    """Each cluster's part, stratified by whether the cluster holds a ``diverge`` pair."""
    diverging: dict[str, bool] = {}
    for row in rows:
        key = cluster_of(row)
        diverging[key] = diverging.get(key, False) or row.get("label") == "diverge"
    parts: dict[str, Part] = {}
    for stratum in (True, False):
        members = sorted((key for key, d in diverging.items() if d is stratum), key=_salted)
        for position, key in enumerate(members):
            parts[key] = PARTS[position % 2]
    return parts


def split_rows(rows: list[Row], cluster_of: Callable[[Row], str]) -> dict[Part, list[Row]]:
    """The rows of each part, in their original order."""
    parts = cluster_parts(rows, cluster_of)
    return {part: [row for row in rows if parts[cluster_of(row)] == part] for part in PARTS}


def _salted(key: str) -> str:
    return hashlib.sha256((SALT + key).encode("utf-8")).hexdigest()
