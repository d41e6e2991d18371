"""The match re-ranker's features (training/ranker_features.py) and its offline replay of the
service's ordering (training/train_ranker.py), on sentences written for these tests."""

from __future__ import annotations

import math

import numpy as np
import pytest

from crosscheck.matching import CandidateMatch, MatchFinder, mark_same_story, select
from crosscheck.rerank import WordWeights, distinctive, relevance, terms
from storage import StoredArticle, StoredClaim
from training import train_ranker
from training.ranker_dump import CheckedArticle
from training.ranker_features import (
    FEATURES,
    Ranker,
    features,
    length_ratio,
    numbers_of,
    relative_position,
    text_position,
)

STORY = [
    "The council voted 7-2 on Tuesday to sell the Harbor Queen ferry for $4.2 million.",
    "Mayor Alvarez said the city budget would close a gap of 12 million dollars.",
    "Residents packed the hall on Tuesday to protest the sale of the ferry.",
]


def featured(draft: str, other: str, this_position: float = 0.0, other_position: float = 0.0):
    weights = WordWeights.over([terms(draft), terms(other)])
    return features(0.5, terms(draft), terms(other), weights, 0.2, this_position, other_position)


def test_numbers_are_the_anchors_written_in_digits() -> None:
    anchors = terms("Officials in Covid-19 wards counted 1,200 beds and 30 nurses, Lopez said.")
    numbers = numbers_of(anchors.anchors)
    assert {"1200", "30"} <= numbers
    # near-miss: a name holding digits is a name, not a number (its digits, which
    # crosscheck.rerank.anchors also reads as a number, are)
    assert "covid-19" in anchors.anchors - numbers
    assert "lopez" not in numbers


def test_a_shared_figure_counts_as_numbers_not_names() -> None:
    found = featured(
        "Rivera said the plant will hire 450 workers in Dayton.",
        "Chen told reporters the mill would add 450 jobs in Toledo.",
    )
    assert found["numbers"] == 1.0
    assert found["names"] == 0.0


def test_shared_names_with_different_figures_count_as_names_not_numbers() -> None:
    found = featured(
        "Rivera said the plant in Dayton will hire 450 workers.",
        "Rivera said the plant in Dayton will hire 540 workers.",
    )
    assert found["names"] == 1.0
    assert found["numbers"] == 0.0


def test_no_numbers_on_one_side_is_no_number_in_common() -> None:
    found = featured("The plant will hire 450 workers.", "The plant will hire hundreds.")
    assert found["numbers"] == 0.0


def test_two_ledes_are_both_lede_and_a_lede_against_a_late_claim_is_not() -> None:
    lede = featured(STORY[0], STORY[2], this_position=0.0, other_position=0.1)
    assert lede["both_lede"] == 1.0
    assert lede["position_gap"] == pytest.approx(0.1)
    # near-miss: the same pair, the candidate near the end of its article
    late = featured(STORY[0], STORY[2], this_position=0.0, other_position=0.9)
    assert late["both_lede"] == 0.0
    assert late["position_gap"] == pytest.approx(0.9)


def test_positions_are_relative() -> None:
    assert relative_position(0, 1) == 0.0
    assert relative_position(0, 5) == 0.0
    assert relative_position(4, 5) == 1.0
    assert relative_position(2, 5) == 0.5
    assert text_position(50, 200) == 0.25
    assert text_position(250, 200) == 1.0
    assert text_position(0, 0) == 0.0


def test_length_ratio_is_the_shorter_over_the_longer() -> None:
    short = terms("The ferry was sold.").words
    long = terms("The council sold the old harbour ferry to a museum in Portland.").words
    assert 0.0 < length_ratio(short, long) < 0.5
    assert length_ratio(short, long) == length_ratio(long, short)
    assert length_ratio(short, short) == 1.0
    assert length_ratio(frozenset(), frozenset()) == 1.0


def test_the_hand_features_are_those_rerank_weighs() -> None:
    draft, other = terms(STORY[0]), terms(STORY[2])
    weights = WordWeights.over([draft, other])
    found = features(0.5, draft, other, weights, 0.3, 0.0, 0.0)
    hand = train_ranker.HAND.score(found) - 0.3  # relevance plus distinctive, no affinity
    assert hand == pytest.approx(relevance(0.5, draft, other) + distinctive(draft, other, weights))
    assert set(found) == set(FEATURES)


def test_a_ranker_refuses_unknown_features_and_non_finite_weights() -> None:
    assert Ranker({"cosine": 1.0, "lexical": 0.5}).score({"cosine": 0.4, "lexical": 0.2}) == 0.5
    with pytest.raises(ValueError, match="unknown"):
        Ranker({"cosine": 1.0, "bm25": 0.5})
    with pytest.raises(ValueError, match="finite"):
        Ranker({"cosine": math.nan})
    assert Ranker.from_json('{"weights": {"cosine": 2}}').weights == {"cosine": 2.0}


# -- the replay --------------------------------------------------------------------------------


def candidate(article: str, key: int, cosine: float, text: str, start: int) -> CandidateMatch:
    body = StoredArticle(article, "Outlet", "x" * 400, None, None, "2020-01-01", 1, "t", "t")
    claim = StoredClaim(key, article, key % 10, text, start, start + len(text))
    return CandidateMatch(claim, body, cosine, cosine)


def scored_check() -> CheckedArticle:
    """Two claims, candidates in a story article (``a``, one of them under the floor), in
    another same-story article (``b``) and in a stray one (``c``)."""
    draft = ["The council voted to sell the ferry.", "Mayor Alvarez defended the budget."]
    rows = []
    for index, text in enumerate(draft):
        this = terms(text)
        found = []
        for n, (article, cosine, other) in enumerate(
            [
                ("a", 0.62, STORY[0]),
                ("a", 0.35, STORY[2]),
                ("a", 0.10, STORY[1]),
                ("b", 0.58, STORY[0]),
                ("b", 0.51, STORY[1]),
                ("c", 0.55, STORY[2]),
            ]
        ):
            start = 40 * n
            c = candidate(article, 10 * n + index, cosine, other, start)
            weights = WordWeights.over([this, *(terms(s) for s in STORY)])
            found.append(
                CandidateMatch(
                    c.claim,
                    c.article,
                    cosine,
                    relevance(cosine, this, terms(other)),
                    distinctive=distinctive(this, terms(other), weights),
                )
            )
        rows.append(found)
    return CheckedArticle(
        "draft",
        draft,
        [(0, 36), (37, 71)],
        " ".join(draft),
        rows,
        {"a": 0.5, "b": 0.4, "c": 0.05},
        ["a"],
        {},
        {"a": 3, "b": 2, "c": 1},
    )


def test_the_replay_with_the_hand_weights_orders_as_the_service() -> None:
    check = scored_check()
    finder = MatchFinder(None, None, train_ranker.FLOOR)  # type: ignore[arg-type]
    boosted = finder._boosted(check.scored, check.affinities, check.story)
    service = [select(row, 3, check.copies) for row in mark_same_story(boosted, check.copies)]

    rows = train_ranker.featurized(check)
    train_ranker_top = train_ranker.TOP_K
    try:
        train_ranker.TOP_K = 3
        replayed = train_ranker.shown(rows, check, train_ranker.hand_weights())
    finally:
        train_ranker.TOP_K = train_ranker_top

    def keys(top: list[list[CandidateMatch]]) -> list[list[tuple[int, bool]]]:
        return [[(c.claim.key, c.under_floor) for c in row] for row in top]

    assert keys(replayed) == keys(service)
    for got, want in zip(replayed, service, strict=True):
        assert [c.rank for c in got] == pytest.approx([c.rank for c in want])


def test_the_fit_weighs_what_sets_the_counterpart_apart_and_scales_cosine_to_one() -> None:
    rng = np.random.default_rng(0)
    differences = np.zeros((200, len(FEATURES)))
    cosine, names = FEATURES.index("cosine"), FEATURES.index("names")
    differences[:, cosine] = rng.normal(0.05, 0.1, 200)
    differences[:, names] = rng.normal(0.5, 0.2, 200)
    weights = train_ranker.fit(differences, ("cosine", "names"), 1.0)
    assert weights[cosine] == pytest.approx(1.0)
    assert weights[names] > 0.0
    assert np.count_nonzero(weights) == 2
