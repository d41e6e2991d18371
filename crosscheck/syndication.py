"""Syndicated copies: articles that repeat most of another article's sentences."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from embeddings import Vectors

NEAR_DUPLICATE_SIMILARITY = 0.95
SYNDICATED_SHARE = 0.5
MIN_SHARED_CLAIMS = 3
_BLOCK = 256  # rows per product: 256 rows by 10,000 claims are 10 MB of similarities


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
    shared = near_duplicates_between([vectors_by_article[article_id] for article_id in ids])
    for first, second in _joined_pairs(ids, shared, vectors_by_article, outlet_by_article):
        parent[root(ids[second])] = root(ids[first])
    return {article_id: root(article_id) for article_id in ids}


def _joined_pairs(
    ids: Sequence[str],
    shared: np.ndarray,
    vectors_by_article: Mapping[str, Vectors],
    outlet_by_article: Mapping[str, str],
) -> list[tuple[int, int]]:
    """The pairs (first, second), first < second, of articles of one outlet or syndicated
    copies (:func:`is_syndicated` of the smaller with the larger), in the order of a loop over
    first and then second: worked out for every pair at once (a check matches dozens of
    articles; one Python test per pair cost more than the products)."""
    sizes = np.array([len(vectors_by_article[article_id]) for article_id in ids], np.int64)
    outlets = {outlet: code for code, outlet in enumerate(set(outlet_by_article.values()))}
    codes = np.array([outlets[outlet_by_article[article_id]] for article_id in ids], np.int64)
    first_smaller = sizes[:, None] <= sizes[None, :]
    shared_of_smaller = np.where(first_smaller, shared, shared.T)
    smaller = np.where(first_smaller, sizes[:, None], sizes[None, :])
    share = shared_of_smaller / np.maximum(smaller, 1)
    syndicated = (smaller > 0) & (shared_of_smaller >= MIN_SHARED_CLAIMS)
    syndicated &= share >= SYNDICATED_SHARE
    joined = np.triu((codes[:, None] == codes[None, :]) | syndicated, k=1)
    return [(int(first), int(second)) for first, second in np.argwhere(joined)]


def shared_with_each(these: Vectors, articles: Sequence[Vectors]) -> list[int]:
    """For each article, :func:`shared_claims` of ``these`` with its claims."""
    if len(these) == 0:
        return [0] * len(articles)
    near = best_in_each(these, articles) >= NEAR_DUPLICATE_SIMILARITY
    return [int(count) for count in np.count_nonzero(near, axis=0)]


def near_duplicates_between(articles: Sequence[Vectors]) -> np.ndarray:
    """``shared[a, b]`` = :func:`shared_claims` of article ``a`` with article ``b``, for every
    pair at once: one product per block of rows instead of one per pair of articles (a check
    matches dozens of articles; each small product cost about as much as a large one). Each
    block meets only the rows from its own onwards, and a near-identical pair of claims counts
    for both: half the products of the whole square."""
    shared = np.zeros((len(articles), len(articles)), dtype=np.int64)
    owners = np.repeat(np.arange(len(articles)), [len(article) for article in articles])
    if len(owners) == 0:
        return shared
    first, second = _near_pairs(np.vstack([article for article in articles if len(article)]))
    rows = np.concatenate([first, second])
    meets = owners[np.concatenate([second, first])]
    cells = np.unique(rows * len(articles) + meets)  # each claim counted once per article
    np.add.at(shared, (owners[cells // len(articles)], cells % len(articles)), 1)
    return shared


def _near_pairs(rows: Vectors) -> tuple[np.ndarray, np.ndarray]:
    """The positions ``(i, j)``, ``i <= j``, of every pair of rows at least
    :data:`NEAR_DUPLICATE_SIMILARITY` alike."""
    firsts, seconds = [], []
    for start in range(0, len(rows), _BLOCK):
        first, second = np.nonzero(
            rows[start : start + _BLOCK] @ rows[start:].T >= NEAR_DUPLICATE_SIMILARITY
        )
        upper = second >= first
        firsts.append(first[upper] + start)
        seconds.append(second[upper] + start)
    return np.concatenate(firsts), np.concatenate(seconds)


def best_in_each(rows: Vectors, articles: Sequence[Vectors]) -> np.ndarray:
    """``best[i, a]``: the highest similarity of row ``i`` to a claim of article ``a`` (-inf
    when the article has none)."""
    best = np.full((len(rows), len(articles)), -np.inf, dtype=np.float32)
    present = [position for position, article in enumerate(articles) if len(article)]
    if not present or len(rows) == 0:
        return best
    columns = np.vstack([articles[position] for position in present])
    starts = np.cumsum([0] + [len(articles[position]) for position in present[:-1]])
    best[:, present] = np.maximum.reduceat(rows @ columns.T, starts, axis=1)
    return best
