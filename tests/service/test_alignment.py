"""Only a claim's best match in each other article gets a verdict."""

from __future__ import annotations

from crosscheck.alignment import best_in_each_article, each_others_best
from crosscheck.matching import CandidateMatch
from storage import StoredArticle, StoredClaim


def candidate(article_id: str, position: int, similarity: float) -> CandidateMatch:
    article = StoredArticle(article_id, "Outlet", "text", None, None, None, 1, "t", "t")
    claim = StoredClaim(position, article_id, position, f"claim {position}", 0, 7)
    return CandidateMatch(claim, article, similarity, relevance=similarity)


def test_only_the_best_claim_of_each_article_is_aligned() -> None:
    row = [candidate("b", 0, 0.81), candidate("b", 1, 0.74), candidate("c", 0, 0.62)]

    assert best_in_each_article([row]) == {(0, "b:0"), (0, "c:0")}


def test_one_claim_of_the_other_article_may_be_the_counterpart_of_several_claims() -> None:
    first = [candidate("b", 0, 0.70)]
    second = [candidate("b", 0, 0.55), candidate("b", 1, 0.50)]

    assert best_in_each_article([first, second]) == {(0, "b:0"), (1, "b:0")}


def test_ties_are_all_kept() -> None:
    row = [candidate("b", 0, 0.7), candidate("b", 1, 0.7)]

    assert best_in_each_article([row]) == {(0, "b:0"), (0, "b:1")}


def test_no_candidates_no_pairs() -> None:
    assert best_in_each_article([[], []]) == set()


def test_a_pair_is_each_others_best_only_when_no_other_checked_claim_is_closer() -> None:
    first = [candidate("b", 0, 0.70), candidate("c", 0, 0.40)]
    second = [candidate("b", 0, 0.55), candidate("c", 0, 0.60)]
    rows = [first, second]

    mutual = each_others_best(rows, best_in_each_article(rows))

    assert mutual == {(0, "b:0"), (1, "c:0")}


def test_each_others_best_keeps_only_aligned_pairs_and_ties() -> None:
    first = [candidate("b", 0, 0.70), candidate("b", 1, 0.65)]
    second = [candidate("b", 0, 0.70)]
    rows = [first, second]

    assert each_others_best(rows, best_in_each_article(rows)) == {(0, "b:0"), (1, "b:0")}
