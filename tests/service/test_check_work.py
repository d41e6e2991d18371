"""What a fresh check does no more than once: each article's claim vectors are read once,
and marking the story's candidates copies only those it changes."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pytest
from flask import Flask

from crosscheck.matching import CandidateMatch, mark_same_story
from crosscheck.service import ArticleInput, ConsistencyService
from storage import StoredArticle, StoredClaim

DRAFT = (
    "The harbour bridge in Velmora closed on Monday after inspectors found cracks. "
    "Mayor Ilsa Brandt said repairs would cost 4 million euros. "
    "Ferries will carry commuters across the bay until the bridge reopens. "
    "Traffic on the coast road doubled during the closure, police said."
)
# the same event told by another outlet, and an article of another event
STORY = (
    "Inspectors found cracks in the harbour bridge in Velmora, which closed on Monday. "
    "Repairs will cost 4 million euros, Mayor Ilsa Brandt said. "
    "Until the bridge reopens, ferries will carry commuters across the bay. "
    "Drivers queued for hours on the coast highway while the crossing was shut."
)
STRAY = (
    "Traffic on the coast road doubled during the marathon, police said. "
    "Drivers queued for hours on the coast highway while the race was run."
)


def indexed(app: Flask) -> ConsistencyService:
    service: ConsistencyService = app.extensions["crosscheck"].service
    service.index_article(ArticleInput(source="Outlet A", text=STORY, id="story"))
    service.index_article(ArticleInput(source="Outlet B", text=STRAY, id="stray"))
    return service


def test_a_check_reads_each_article_s_vectors_once(
    app: Flask, monkeypatch: pytest.MonkeyPatch
) -> None:
    service = indexed(app)
    store = app.extensions["crosscheck"].store
    asked: list[str] = []
    original = store.vectors_of_articles

    def counted(article_ids: Sequence[str]) -> dict[str, Any]:
        asked.extend(article_ids)
        return original(article_ids)

    monkeypatch.setattr(store, "vectors_of_articles", counted)
    report = service.check_article(ArticleInput(source="Outlet C", text=DRAFT))
    matched = {match.article_id for claim in report.claims for match in claim.matches}
    assert "story" in matched  # the story's claims completed the candidates, then were grouped
    assert "story" in asked
    assert len(asked) == len(set(asked))


def candidate(article_id: str, affinity: float) -> CandidateMatch:
    article = StoredArticle(article_id, article_id, "text", None, None, None, 1, "t", "t")
    claim = StoredClaim(hash(article_id), article_id, 0, "claim", 0, 5)
    return CandidateMatch(claim, article, 0.6, 0.6, affinity=affinity)


def test_marking_the_story_copies_only_the_candidates_it_changes() -> None:
    story, other = candidate("story", 0.5), candidate("other", 0.1)
    [[marked_story, marked_other]] = mark_same_story([[story, other]], ())
    assert marked_story.same_story and marked_story == story.__class__(
        story.claim, story.article, 0.6, 0.6, same_story=True, affinity=0.5
    )
    assert not marked_other.same_story and marked_other is other
    # a candidate marked before and no longer of the story is unmarked
    [[unmarked, _]] = mark_same_story([[marked_story, candidate("closer", 2.0)]], ())
    assert not unmarked.same_story
