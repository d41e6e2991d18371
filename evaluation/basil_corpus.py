"""The 300 BASIL articles (``corpora/basil/articles/<year>/<triplet>_<n>.json``) as API articles,
and the tune/check part of each triplet (event) that ``gold/basil-dev.jsonl`` holds."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from evaluation.backend import ArticleInput
from evaluation.datasets import read_jsonl
from evaluation.splits import basil_cluster, cluster_parts

BASIL_ARTICLES = "corpora/basil/articles"
BASIL_GOLD = "gold/basil-dev.jsonl"
OUTLETS = {"fox": "Fox News", "nyt": "The New York Times", "hpo": "HuffPost"}


@dataclass(frozen=True, slots=True)
class BasilArticle:
    id: str
    """``basil-<triplet>_<n>``: the file name, unique across years."""
    file: str
    triplet: str
    source: str
    published_at: str
    title: str
    text: str

    def to_input(self) -> ArticleInput:
        return ArticleInput(self.id, self.source, self.text, self.published_at, self.title)


def load_basil_articles(data_dir: Path) -> list[BasilArticle]:
    root = data_dir / BASIL_ARTICLES
    return [basil_article(path, root) for path in sorted(root.glob("*/*.json"))]


def basil_article(path: Path, root: Path) -> BasilArticle:
    raw: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    outlet = str(raw["source"]).lower()
    return BasilArticle(
        id=f"basil-{path.stem}",
        file=path.relative_to(root).as_posix(),
        triplet=str(raw["triplet-uuid"]),
        source=OUTLETS.get(outlet, outlet),
        published_at=str(raw["date"]),
        title=str(raw.get("title") or ""),
        text=body_text(raw["body-paragraphs"]),
    )


def body_text(paragraphs: list[list[str]]) -> str:
    """One line per paragraph, its sentences joined by spaces."""
    return "\n".join(
        " ".join(sentence.strip() for sentence in paragraph) for paragraph in paragraphs
    )


def triplet_parts(data_dir: Path) -> dict[str, str]:
    """The part of each triplet in ``basil-dev.jsonl``; held-out triplets are absent."""
    return dict(cluster_parts(read_jsonl(data_dir / BASIL_GOLD), basil_cluster))
