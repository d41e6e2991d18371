from __future__ import annotations

from crosscheck.matching import CandidateMatch, diversified, select
from storage import StoredArticle, StoredClaim


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
