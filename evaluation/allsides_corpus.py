"""The AllSides headline roundups (``corpora/allsides_neus``): per story, the lead paragraphs
of up to three outlets (left, center, right) on one event. Unlabelled; real copy to read the
rules against."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

ALLSIDES = Path("corpora/allsides_neus/headline_11_2021-10-19_crawled_all.jsonl")


@dataclass(frozen=True, slots=True)
class Excerpt:
    id: str
    """``allsides-<story>-<side>``"""
    source: str
    published_at: str
    text: str


def load_allsides_stories(data_dir: Path) -> list[list[Excerpt]]:
    """Each story's excerpts, stories with two outlets or more only."""
    stories = []
    with (data_dir / ALLSIDES).open(encoding="utf-8") as handle:
        for story in map(json.loads, handle):
            excerpts = [
                Excerpt(
                    id=f"allsides-{story['id']}-{side}",
                    source=str(news["newsSource"]),
                    published_at=str(story["date"])[:10],
                    text="\n".join(news["newBody"]),
                )
                for side, news in sorted(story["news"].items())
            ]
            if len({excerpt.source for excerpt in excerpts}) >= 2:
                stories.append(excerpts)
    return stories
