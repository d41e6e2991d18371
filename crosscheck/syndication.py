"""Syndicated copies: articles that repeat most of another article's sentences."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from embeddings import Vectors

NEAR_DUPLICATE_SIMILARITY = 0.95
SYNDICATED_SHARE = 0.5
MIN_SHARED_CLAIMS = 3


def shared_claims(these: Vectors, others: Vectors) -> int:
    """How many of ``these`` claims have a near-identical claim among ``others``."""
    if len(these) == 0 or len(others) == 0:
        return 0
    best = (these @ others.T).max(axis=1)
    return int(np.count_nonzero(best >= NEAR_DUPLICATE_SIMILARITY))


def is_syndicated(shared: int, total: int) -> bool:
    return total > 0 and shared >= MIN_SHARED_CLAIMS and shared / total >= SYNDICATED_SHARE


def independence_groups(
    vectors_by_article: Mapping[str, Vectors], outlet_by_article: Mapping[str, str]
) -> dict[str, str]:
    """Map each article to a representative: copies of each other and the same outlet join."""
    parent = {article_id: article_id for article_id in vectors_by_article}

    def root(article_id: str) -> str:
        while parent[article_id] != article_id:
            parent[article_id] = parent[parent[article_id]]
            article_id = parent[article_id]
        return article_id

    ids = sorted(vectors_by_article)
    for position, first in enumerate(ids):
        for second in ids[position + 1 :]:
            same_outlet = outlet_by_article[first] == outlet_by_article[second]
            if same_outlet or _copies(vectors_by_article[first], vectors_by_article[second]):
                parent[root(second)] = root(first)
    return {article_id: root(article_id) for article_id in ids}


def _copies(first: Vectors, second: Vectors) -> bool:
    smaller, larger = (first, second) if len(first) <= len(second) else (second, first)
    return is_syndicated(shared_claims(smaller, larger), len(smaller))
