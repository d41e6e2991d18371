"""Near-duplicate counts for every pair of articles at once are those of the pairwise
definition (:func:`crosscheck.syndication.shared_claims`)."""

from __future__ import annotations

import numpy as np
import pytest

import crosscheck.syndication
from crosscheck.syndication import (
    independence_groups,
    is_syndicated,
    near_duplicates_between,
    shared_claims,
    shared_with_each,
)

DIMENSION = 16


def articles_with_copies(seed: int) -> list[np.ndarray]:
    """Random articles, some repeating rows of others (slightly perturbed), one empty."""
    rng = np.random.default_rng(seed)
    articles: list[np.ndarray] = []
    for _ in range(12):
        rows = rng.normal(size=(int(rng.integers(1, 9)), DIMENSION))
        if articles and rng.random() < 0.6:
            source = articles[int(rng.integers(len(articles)))]
            taken = source[: int(rng.integers(1, len(source) + 1))]
            rows[: len(taken)] = (
                taken[: len(rows)] + rng.normal(scale=0.01, size=taken.shape)[: len(rows)]
            )
        rows /= np.linalg.norm(rows, axis=1, keepdims=True)
        articles.append(rows.astype(np.float32))
    articles.append(np.zeros((0, 0), dtype=np.float32))  # an article without claims
    return articles


@pytest.mark.parametrize("seed", range(5))
@pytest.mark.parametrize("block", [3, 1024])
def test_counts_for_every_pair_are_the_pairwise_counts(
    seed: int, block: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(crosscheck.syndication, "_BLOCK", block)
    articles = articles_with_copies(seed)

    shared = near_duplicates_between(articles)

    expected = [[shared_claims(a, b) for b in articles] for a in articles]
    assert shared.tolist() == expected
    assert shared.sum() > np.trace(shared)  # some pairs of different articles share claims
    draft = articles[3]
    assert shared_with_each(draft, articles) == [shared_claims(draft, b) for b in articles]


def test_groups_are_those_of_the_pairwise_rule() -> None:
    articles = articles_with_copies(7)
    ids = [f"a{position:02d}" for position in range(len(articles))]
    outlets = {article_id: article_id for article_id in ids}

    groups = independence_groups(dict(zip(ids, articles, strict=True)), outlets)

    for first, a in zip(ids, articles, strict=True):
        for second, b in zip(ids, articles, strict=True):
            smaller, larger = (a, b) if len(a) <= len(b) else (b, a)
            if first != second and is_syndicated(shared_claims(smaller, larger), len(smaller)):
                assert groups[first] == groups[second]
    assert len(set(groups.values())) > 1


def test_a_draft_without_claims_shares_nothing() -> None:
    assert shared_with_each(np.zeros((0, 0), dtype=np.float32), articles_with_copies(0)) == [0] * 13


def groups_pair_by_pair(
    vectors_by_article: dict[str, np.ndarray], outlet_by_article: dict[str, str]
) -> dict[str, str]:
    """The grouping as it was written before the pairs were tested all at once: one test per
    pair, in order, each join under the first article's representative."""
    parent = {article_id: article_id for article_id in vectors_by_article}

    def root(article_id: str) -> str:
        while parent[article_id] != article_id:
            article_id = parent[article_id]
        return article_id

    ids = sorted(vectors_by_article)
    sizes = [len(vectors_by_article[article_id]) for article_id in ids]
    for first in range(len(ids)):
        for second in range(first + 1, len(ids)):
            same_outlet = outlet_by_article[ids[first]] == outlet_by_article[ids[second]]
            smaller, larger = (first, second) if sizes[first] <= sizes[second] else (second, first)
            shared = shared_claims(
                vectors_by_article[ids[smaller]], vectors_by_article[ids[larger]]
            )
            if same_outlet or is_syndicated(shared, sizes[smaller]):
                parent[root(ids[second])] = root(ids[first])
    return {article_id: root(article_id) for article_id in ids}


@pytest.mark.parametrize("seed", range(6))
def test_groups_and_their_representatives_are_those_of_the_pair_by_pair_loop(seed: int) -> None:
    articles = articles_with_copies(seed)
    ids = [f"a{position:02d}" for position in reversed(range(len(articles)))]
    # a few outlets with several articles each, and outlets of one article
    outlets = {article_id: f"outlet{position % 4}" for position, article_id in enumerate(ids)}
    outlets.update({ids[1]: "alone", ids[5]: "alone too"})
    vectors = dict(zip(ids, articles, strict=True))

    assert independence_groups(vectors, outlets) == groups_pair_by_pair(vectors, outlets)


def test_no_articles_no_groups() -> None:
    assert independence_groups({}, {}) == {}
