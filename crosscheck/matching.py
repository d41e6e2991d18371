"""Finding candidate matches in other articles, and which of them are copies of each other."""

from __future__ import annotations

import re
from collections.abc import Container, Iterable, Mapping, Sequence
from dataclasses import dataclass

from comparison import content_overlap
from crosscheck.corpus import Corpus
from crosscheck.report import SyndicatedCopy
from crosscheck.syndication import independence_groups, is_syndicated, shared_claims
from embeddings import Vectors
from storage import SqliteStore, StoredArticle, StoredClaim

OVERSAMPLE = 8
EXTRA_CANDIDATES = 32
LEXICAL_WEIGHT = 0.4
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class CandidateMatch:
    """A claim of another article; ``relevance`` ranks it, ``similarity`` is the cosine."""

    claim: StoredClaim
    article: StoredArticle
    similarity: float
    relevance: float


def relevance(similarity: float, this_text: str, other_text: str) -> float:
    """Embedding similarity plus a share of content words in common.

    Sentence embeddings of long news sentences blur the detail two outlets share
    ("professional and fairly candid"); the lexical term brings such pairs back up.
    """
    return similarity + LEXICAL_WEIGHT * content_overlap(this_text, other_text)


class MatchFinder:
    def __init__(self, store: SqliteStore, corpus: Corpus, similarity_floor: float):
        self._store = store
        self._corpus = corpus
        self._floor = similarity_floor

    def find(
        self, article_id: str, texts: Sequence[str], vectors: Vectors, top_k: int
    ) -> list[list[CandidateMatch]]:
        """For each vector, the nearest claims of other articles above the floor, best first.

        Returns more than ``top_k`` candidates: :func:`select` makes the final choice once
        the syndicated copies among them are known.
        """
        if len(vectors) == 0:
            return []
        hits = self._corpus.search(vectors, top_k * OVERSAMPLE + EXTRA_CANDIDATES)
        claims = self._store.claims_by_key(sorted({key for row in hits for key, _ in row}))
        articles = self._store.articles_by_id(
            sorted({claim.article_id for claim in claims.values()})
        )
        found: list[list[CandidateMatch]] = []
        for text, row in zip(texts, hits, strict=True):
            candidates = [
                CandidateMatch(
                    claims[key],
                    articles[claims[key].article_id],
                    similarity,
                    relevance(similarity, text, claims[key].text),
                )
                for key, similarity in row
                if key in claims
                and claims[key].article_id != article_id
                and claims[key].article_id in articles
            ]
            found.append(
                sorted(
                    (c for c in candidates if c.relevance >= self._floor),
                    key=lambda c: -c.relevance,
                )
            )
        return found

    def article_vectors(self, found: Iterable[Sequence[CandidateMatch]]) -> dict[str, Vectors]:
        """Claim vectors of every article that has a candidate, read once per check."""
        return {
            article.id: self._store.article_vectors(article.id)
            for article in _matched_articles(found)
        }


def syndicated_copies(
    vectors: Vectors,
    found: Sequence[Sequence[CandidateMatch]],
    article_vectors: Mapping[str, Vectors],
) -> dict[str, SyndicatedCopy]:
    """Matched articles that repeat most of the checked article, or that it repeats."""
    copies: dict[str, SyndicatedCopy] = {}
    for article in _matched_articles(found):
        theirs = article_vectors[article.id]
        shared = shared_claims(vectors, theirs)
        smaller = min(len(vectors), len(theirs))
        if is_syndicated(shared, smaller):
            copies[article.id] = SyndicatedCopy(
                article.id, article.source, shared, round(shared / smaller, 4)
            )
    return copies


def source_groups(
    found: Sequence[Sequence[CandidateMatch]],
    article_vectors: Mapping[str, Vectors],
    copies: Container[str],
) -> dict[str, str]:
    """Matched articles grouped so that copies of each other and one outlet's articles count
    once; syndicated copies of the checked article each stand alone."""
    matched = _matched_articles(found)
    independent = [article for article in matched if article.id not in copies]
    groups = independence_groups(
        {article.id: article_vectors[article.id] for article in independent},
        {article.id: article.source.strip().casefold() for article in independent},
    )
    groups.update({a.id: f"copy:{a.id}" for a in matched if a.id in copies})
    return groups


def select(candidates: Sequence[CandidateMatch], top_k: int) -> list[CandidateMatch]:
    """``top_k`` matches, diversified across articles, each wording shown once.

    A sentence that several articles carry word for word (a wire story and its syndicated
    copies) is shown from the most relevant of them only, so it leaves room for others.
    """
    seen: set[str] = set()
    distinct = []
    for candidate in sorted(candidates, key=lambda c: -c.relevance):
        wording = _wording(candidate.claim.text)
        if wording not in seen:
            seen.add(wording)
            distinct.append(candidate)
    return diversified(distinct, top_k)


def _wording(text: str) -> str:
    return " ".join(_WORD.findall(text.casefold()))


def diversified(candidates: Sequence[CandidateMatch], top_k: int) -> list[CandidateMatch]:
    """The ``top_k`` best candidates taken round-robin across articles, best first.

    Each other article gets its closest claim in before any article gets a second one, so
    one article that repeats a sentence (a syndicated copy, an update) cannot crowd out
    the other outlets' versions of the fact.
    """
    by_article: dict[str, list[CandidateMatch]] = {}
    for candidate in sorted(candidates, key=lambda c: -c.relevance):
        by_article.setdefault(candidate.article.id, []).append(candidate)
    chosen: list[CandidateMatch] = []
    depth = 0
    while len(chosen) < top_k and any(len(group) > depth for group in by_article.values()):
        this_round = [group[depth] for group in by_article.values() if len(group) > depth]
        chosen.extend(sorted(this_round, key=lambda c: -c.relevance)[: top_k - len(chosen)])
        depth += 1
    return sorted(chosen, key=lambda c: -c.relevance)


def _matched_articles(found: Iterable[Sequence[CandidateMatch]]) -> list[StoredArticle]:
    unique: dict[str, StoredArticle] = {}
    for candidates in found:
        for candidate in candidates:
            unique.setdefault(candidate.article.id, candidate.article)
    return list(unique.values())
