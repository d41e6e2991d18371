from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from claims.model import Claim
from comparison.overlap import overlap_coefficient
from crosscheck.corpus import Corpus
from crosscheck.fusion import reciprocal_rank_fusion
from crosscheck.matching import (
    CandidateMatch,
    MatchFinder,
    Retrieval,
    diversified,
    mark_same_story,
    select,
)
from crosscheck.rerank import WordWeights, affinity, anchors, distinctive, same_story, terms
from embeddings import HashingEncoder
from storage import ArticleRecord, SqliteStore, StoredArticle, StoredClaim


def candidate(article_id: str, similarity: float) -> CandidateMatch:
    article = StoredArticle(article_id, "Outlet", "text", None, None, None, 1, "t", "t")
    claim = StoredClaim(int(similarity * 1000), article_id, 0, "claim", 0, 5)
    return CandidateMatch(claim, article, similarity, similarity)


def test_every_article_gets_its_best_claim_in_before_any_second_one() -> None:
    candidates = [
        candidate("copy", 0.99),
        candidate("copy", 0.9),
        candidate("copy", 0.8),
        candidate("b", 0.6),
        candidate("c", 0.55),
    ]
    chosen = diversified(candidates, 3)
    assert [(c.article.id, c.similarity) for c in chosen] == [
        ("copy", 0.99),
        ("b", 0.6),
        ("c", 0.55),
    ]


def test_second_round_fills_remaining_slots_by_similarity() -> None:
    candidates = [
        candidate("a", 0.9),
        candidate("a", 0.85),
        candidate("b", 0.7),
        candidate("b", 0.4),
    ]
    chosen = diversified(candidates, 3)
    assert [(c.article.id, c.similarity) for c in chosen] == [("a", 0.9), ("a", 0.85), ("b", 0.7)]


def test_fewer_candidates_than_slots() -> None:
    assert len(diversified([candidate("a", 0.9)], 5)) == 1
    assert diversified([], 5) == []


def worded(article_id: str, similarity: float, text: str) -> CandidateMatch:
    article = StoredArticle(article_id, "Outlet", "text", None, None, None, 1, "t", "t")
    claim = StoredClaim(int(similarity * 1000), article_id, 0, text, 0, len(text))
    return CandidateMatch(claim, article, similarity, similarity)


def test_the_same_wording_from_a_copy_is_shown_once() -> None:
    candidates = [
        worded("wire", 0.9, "The bridge reopened on Monday."),
        worded("copy", 0.9, "The bridge  reopened on Monday!"),
        worded("copy", 0.7, "The bridge reopened on Tuesday."),
        worded("other", 0.6, "Traffic resumed over the bridge."),
    ]
    chosen = select(candidates, 3)
    assert [(c.article.id, c.similarity) for c in chosen] == [
        ("wire", 0.9),
        ("copy", 0.7),
        ("other", 0.6),
    ]


# -- retrieval: vector search and BM25 fused, then re-ranked ------------------------------------

ENCODER = HashingEncoder(dimension=256)


def index(store: SqliteStore, article_id: str, texts: list[str]) -> None:
    claims = [Claim(text, 0, len(text)) for text in texts]
    record = ArticleRecord(article_id, f"Outlet {article_id}", " ".join(texts))
    store.save_article(record, claims, ENCODER.encode(texts))


def finder(tmp_path: Path, retrieval: Retrieval, floor: float = 0.0) -> MatchFinder:
    store = SqliteStore(tmp_path / "db.sqlite3")
    corpus = Corpus(store, ENCODER, None)
    return MatchFinder(store, corpus, floor, retrieval)


def found_ids(matches: MatchFinder, article_id: str, text: str) -> list[str]:
    rows = matches.find(article_id, [text], ENCODER.encode([text]))
    return [candidate.claim.public_id for candidate in rows[0]]


def test_reciprocal_rank_fusion_puts_items_high_in_both_lists_first() -> None:
    fused = reciprocal_rank_fusion([["a", "b", "c"], ["c", "d"]])
    assert [item for item, _ in fused] == ["c", "a", "b", "d"]
    assert fused[0][1] == pytest.approx(1 / 63 + 1 / 61)


WEATHER = [
    "The senator resigned on Friday after the vote in the senate.",
    "Rain fell on the senate lawn on Friday.",
    "The vote on Friday was close.",
]


def test_a_counterpart_only_bm25_finds_is_a_candidate(tmp_path: Path) -> None:
    matches = finder(tmp_path, Retrieval(dense=1, lexical=5, fused=10))
    index(matches._store, "weather", WEATHER)
    index(matches._store, "profile", ["Kowalczyk quit."])
    query = "Senator Kowalczyk resigned on Friday after the vote."
    assert "profile:0" in found_ids(matches, "draft", query)
    without_bm25 = finder(tmp_path, Retrieval(dense=1, lexical=0, fused=10))
    assert "profile:0" not in found_ids(without_bm25, "draft", query)


def test_the_checked_articles_own_claims_are_never_candidates(tmp_path: Path) -> None:
    matches = finder(tmp_path, Retrieval())
    index(matches._store, "weather", WEATHER)
    index(matches._store, "draft", ["The senator resigned on Friday after the vote."])
    found = found_ids(matches, "draft", "The senator resigned on Friday after the vote.")
    assert found and all(claim_id.startswith("weather:") for claim_id in found)


def test_a_claim_of_an_article_on_the_same_event_outranks_an_equal_stray_one(
    tmp_path: Path,
) -> None:
    matches = finder(tmp_path, Retrieval())
    shared = "Officials said the bridge would reopen in March."
    index(matches._store, "stray", [shared, "A film festival opened in Cannes."])
    index(
        matches._store,
        "same-event",
        [shared, "Engineers found cracks in the bridge's main span.", "Traffic was diverted."],
    )
    draft = [shared, "Engineers found cracks in the main span of the bridge.", "Traffic diverted."]
    rows = matches.find("draft", draft, ENCODER.encode(draft))
    first: dict[str, CandidateMatch] = {}
    for candidate in rows[0]:
        first.setdefault(candidate.article.id, candidate)
    assert first["same-event"].similarity == pytest.approx(first["stray"].similarity)
    assert first["same-event"].relevance > first["stray"].relevance
    assert rows[0][0].article.id == "same-event"


def test_candidates_below_the_floor_are_dropped(tmp_path: Path) -> None:
    matches = finder(tmp_path, Retrieval(), floor=5.0)
    index(matches._store, "weather", WEATHER)
    assert found_ids(matches, "draft", WEATHER[0]) == []
    assert found_ids(finder(tmp_path, Retrieval(), floor=0.0), "draft", WEATHER[0])


def story(article_id: str, relevance: float, same_story: bool, text: str = "") -> CandidateMatch:
    article = StoredArticle(article_id, article_id, "text", None, None, None, 1, "t", "t")
    wording = text or f"claim {relevance}"
    claim = StoredClaim(int(relevance * 1000), article_id, 0, wording, 0, len(wording))
    return CandidateMatch(claim, article, relevance, relevance, same_story)


def test_articles_telling_the_same_story_fill_the_slots_first() -> None:
    candidates = [
        story("stray-1", 0.95, False),
        story("stray-2", 0.9, False),
        story("b", 0.8, True),
        story("b", 0.75, True),
        story("c", 0.7, True),
        story("b", 0.6, True),
    ]
    chosen = select(candidates, 4)
    assert [(c.article.id, c.relevance) for c in chosen] == [
        ("b", 0.8),
        ("b", 0.75),
        ("c", 0.7),
        ("b", 0.6),
    ]
    assert [c.article.id for c in select(candidates, 6)][4:] == ["stray-1", "stray-2"]


def test_a_shared_wording_is_shown_from_an_independent_article_rather_than_a_copy() -> None:
    sentence = "The mayor said schools will stay closed for two days."
    candidates = [story("copy", 0.9, True, sentence), story("rival", 0.7, True, sentence)]
    assert [c.article.id for c in select(candidates, 5)] == ["copy"]
    assert [c.article.id for c in select(candidates, 5, copies={"copy"})] == ["rival"]


def test_anchors_are_numbers_and_names_inside_the_sentence() -> None:
    found = anchors("The Senate voted 396-9 on Tuesday, and Randy Forbes cheered 30,000 fans.")
    assert found == {"396", "9", "senate", "tuesday", "randy", "forbes", "30000"}
    shared = overlap_coefficient(anchors("Forbes won 12 votes."), anchors("Randy Forbes lost 12."))
    assert shared == 1
    assert overlap_coefficient(anchors("no names here"), anchors("Randy Forbes")) == 0


def test_affinity_rewards_an_article_close_on_many_claims() -> None:
    rows = [
        [("story", 0.9), ("stray", 1.0)],
        [("story", 0.8), ("story", 0.5)],
        [("story", 0.7), ("stray", 0.2)],
    ]
    weights = affinity(rows)
    assert weights["story"] == pytest.approx((0.6 + 0.5 + 0.4) / 3)
    assert weights["stray"] == pytest.approx(0.7 / 3)
    assert same_story(weights) == {"story"}
    assert same_story({}) == set()


def test_a_copy_of_the_checked_article_does_not_set_the_bar_for_the_same_story() -> None:
    copy, rival, stray = (
        CandidateMatch(c.claim, c.article, c.similarity, c.relevance, affinity=weight)
        for c, weight in (
            (story("copy", 0.9, False), 2.0),
            (story("rival", 0.8, False), 0.5),
            (story("stray", 0.7, False), 0.1),
        )
    )
    marked = mark_same_story([[copy, rival, stray]], copies=set())[0]
    assert [c.article.id for c in marked if c.same_story] == ["copy"]
    marked = mark_same_story([[copy, rival, stray]], copies={"copy"})[0]
    assert [c.article.id for c in marked if c.same_story] == ["copy", "rival"]


def test_the_floor_applies_to_a_claim_before_its_articles_affinity(tmp_path: Path) -> None:
    matches = finder(tmp_path, Retrieval(), floor=0.5)
    story_texts = [
        "Officials said the bridge would reopen in March.",
        "Engineers found cracks in the bridge's main span.",
        "A film festival opened in Cannes.",
    ]
    index(matches._store, "same-event", story_texts)
    rows = matches.find("draft", story_texts[:2], ENCODER.encode(story_texts[:2]))
    found = [c.claim.text for row in rows for c in row]
    assert story_texts[0] in found and story_texts[1] in found
    assert story_texts[2] not in found
    assert all(c.affinity > 0 for row in rows for c in row)


STORY = [
    "Mayor Alvarez said the city would sell the old ferry to a museum.",
    "Mayor Alvarez said the city budget would grow next year.",
    "Mayor Alvarez said the city council backed the plan.",
    "The ferry sale still needs the council's vote, Alvarez said.",
]


def test_words_every_text_of_the_check_shares_weigh_nothing() -> None:
    weights = WordWeights.over([terms(text) for text in STORY])
    draft = terms("Mayor Alvarez said the city would sell the ferry.")

    assert weights.cosine(draft.words, terms(STORY[1]).words) < 0.2
    assert weights.cosine(draft.words, terms(STORY[0]).words) > 0.6
    assert weights.cosine(draft.words, draft.words) == pytest.approx(1.0)
    assert weights.cosine(draft.words, frozenset()) == 0.0


def test_the_claim_sharing_the_distinctive_detail_ranks_first_within_an_article() -> None:
    weights = WordWeights.over([terms(text) for text in STORY])
    draft = terms("The ferry will go to a museum, Mayor Alvarez said.")
    budget = replace(
        candidate("other", 0.60), distinctive=distinctive(draft, terms(STORY[1]), weights)
    )
    ferry = replace(
        candidate("other", 0.55), distinctive=distinctive(draft, terms(STORY[0]), weights)
    )

    assert diversified([budget, ferry], 1) == [ferry]
    assert diversified([budget, ferry], 2) == [ferry, budget]
    assert diversified([budget, replace(ferry, distinctive=0.0)], 1)[0] == budget
