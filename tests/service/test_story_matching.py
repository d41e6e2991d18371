"""A counterpart told in other words in an article of the checked story: every claim of the
story's articles is a candidate, and the closest is shown under the floor, never compared."""

from __future__ import annotations

from pathlib import Path

from claims.model import Claim
from crosscheck.alignment import best_in_each_article
from crosscheck.corpus import Corpus
from crosscheck.matching import (
    STORY_FLOOR_SHARE,
    CandidateMatch,
    MatchFinder,
    Retrieval,
    closest_in_story,
    story_articles,
)
from crosscheck.service import _compared
from embeddings import HashingEncoder
from storage import ArticleRecord, SqliteStore, StoredArticle, StoredClaim

ENCODER = HashingEncoder(dimension=256)
DRAFT = [
    "The harbour bridge in Velmora closed on Monday after inspectors found cracks.",
    "Mayor Ilsa Brandt said repairs would cost 4 million euros.",
    "Ferries will carry commuters across the bay until the bridge reopens.",
    "Traffic on the coast road doubled during the closure, police said.",
]
# the same event told by another outlet; its last claim tells the draft's last in other words
STORY = [
    "Inspectors found cracks in the harbour bridge in Velmora, which closed on Monday.",
    "Repairs will cost 4 million euros, Mayor Ilsa Brandt said.",
    "Until the bridge reopens, ferries will carry commuters across the bay.",
    "Drivers queued for hours on the coast highway while the crossing was shut.",
]
# another event; its first claim is what both searches find first for the draft's last claim,
# and its second tells that claim in other words too, but this article is not the story
STRAY = [
    "Traffic on the coast road doubled during the marathon, police said.",
    "Drivers queued for hours on the coast highway while the race was run.",
]


def finder(tmp_path: Path) -> MatchFinder:
    store = SqliteStore(tmp_path / "db.sqlite3")
    for article_id, texts in (("story", STORY), ("stray", STRAY)):
        claims = [Claim(text, 0, len(text)) for text in texts]
        record = ArticleRecord(article_id, f"Outlet {article_id}", " ".join(texts))
        store.save_article(record, claims, ENCODER.encode(texts))
    # one candidate a search: the story's paraphrase is found by neither
    return MatchFinder(store, Corpus(store, ENCODER, None), 0.5, Retrieval(1, 1, 1))


def found(tmp_path: Path) -> list[list[CandidateMatch]]:
    return finder(tmp_path).find("draft", DRAFT, ENCODER.encode(DRAFT))


def test_a_story_claim_in_other_words_is_shown_under_the_floor(tmp_path: Path) -> None:
    last = {c.claim.public_id: c for c in found(tmp_path)[3]}
    assert last["story:3"].under_floor
    assert STORY_FLOOR_SHARE * 0.5 <= last["story:3"].relevance - last["story:3"].affinity < 0.5
    assert not last["stray:0"].under_floor
    # the same words in an article of another event are not added
    assert "stray:1" not in last


def test_story_claims_far_from_a_claim_are_not_shown(tmp_path: Path) -> None:
    rows = found(tmp_path)
    assert "story:3" in {c.claim.public_id for c in rows[3]}
    # the mayor's claim has its counterpart; the story's other claims stay far under the floor
    assert [c.claim.public_id for c in rows[1]] == ["story:1"]


def candidate(article_id: str, position: int, relevance: float) -> CandidateMatch:
    article = StoredArticle(article_id, article_id, "text", None, None, None, 1, "t", "t")
    claim = StoredClaim(hash((article_id, position)), article_id, position, "claim", 0, 5)
    return CandidateMatch(claim, article, relevance, relevance)


def test_only_the_closest_claim_of_a_story_article_is_kept() -> None:
    best, second = candidate("story", 0, 0.45), candidate("story", 1, 0.4)
    stray = candidate("stray", 0, 0.48)
    faint = candidate("faint", 0, 0.25)
    kept = closest_in_story([second, best, stray, faint], {"story", "faint"}, 0.3)
    assert kept == {best.claim.key}


def test_the_story_is_the_best_articles_close_to_the_highest_affinity() -> None:
    weights = {"second": 0.7, "first": 0.8, "third": 0.6, "neighbour": 0.3}
    assert story_articles(weights) == ["first", "second"]
    assert story_articles({"neighbour": 0.0}) == []


def test_a_claim_shown_under_the_floor_is_never_its_articles_counterpart() -> None:
    close = candidate("story", 0, 0.6)
    shown = CandidateMatch(close.claim, close.article, 0.9, 0.4, under_floor=True)
    other = candidate("story", 1, 0.55)
    aligned = best_in_each_article(_compared([[shown, other]]))
    assert aligned == {(0, other.claim.public_id)}
