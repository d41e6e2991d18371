"""Only a claim's best match in each other article gets a verdict."""

from __future__ import annotations

from crosscheck.alignment import Closeness, best_in_each_article
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


def test_differing_words_stated_by_a_closer_checked_claim() -> None:
    rows = [[candidate("b", 0, 0.55)], [candidate("b", 0, 0.70)]]
    texts = ["Its plant employs 400 workers.", "The plant employs 300 workers, it said."]

    closeness = Closeness(rows, texts)

    assert closeness.stated_closer(0, "b:0", ["300 workers"])
    assert not closeness.stated_closer(1, "b:0", ["400 workers"])  # no closer claim


def test_a_closer_claim_that_does_not_state_the_differing_words_changes_nothing() -> None:
    rows = [[candidate("b", 0, 0.55)], [candidate("b", 0, 0.70)]]
    texts = ["More than 300 troops will gather.", "The minister urged calm on the border."]

    closeness = Closeness(rows, texts)

    assert not closeness.stated_closer(0, "b:0", ["could reach 300"])
    assert not closeness.stated_closer(0, "c:9", ["300"])  # a claim never found


def test_closest_means_no_other_checked_claim_found_it_closer() -> None:
    rows = [[candidate("b", 0, 0.55)], [candidate("b", 0, 0.70)], [candidate("b", 0, 0.70)]]

    closeness = Closeness(rows, ["a", "b", "c"])

    assert not closeness.closest(0, "b:0")
    assert closeness.closest(1, "b:0") and closeness.closest(2, "b:0")  # ties kept
    assert not closeness.closest(0, "c:0")
