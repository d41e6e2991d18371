"""Finding candidate matches in other articles, and which of them are copies of each other."""

from __future__ import annotations

import functools
import re
from collections.abc import Collection, Container, Iterable, Mapping, Sequence
from dataclasses import dataclass

from crosscheck.corpus import Corpus
from crosscheck.fusion import reciprocal_rank_fusion
from crosscheck.report import SyndicatedCopy
from crosscheck.rerank import (
    AFFINITY_WEIGHT,
    Terms,
    WordWeights,
    affinity,
    distinctive,
    near_in_time,
    relevance,
    same_story,
    terms,
)
from crosscheck.syndication import independence_groups, is_syndicated, shared_with_each
from embeddings import Hit, Vectors
from storage import ArticleStore, LexicalHit, StoredArticle, StoredClaim

DENSE_CANDIDATES = 64
LEXICAL_CANDIDATES = 48
FUSED_CANDIDATES = 64
# The articles of the checked story (highest affinity first) whose every claim is a candidate
# of every checked claim, and the share of the floor down to which such an article's closest
# claim to a checked claim is still shown (never compared): see
# :meth:`MatchFinder._with_story_claims`; 0.3 at the default floor of 0.5.
STORY_ARTICLES = 2
STORY_FLOOR_SHARE = 0.6
_WORD = re.compile(r"\w+")
WORDING_CACHE_SIZE = 1 << 14  # a candidate's wording is worked out once per process, not per row


@dataclass(frozen=True, slots=True)
class CandidateMatch:
    """A claim of another article; ``relevance`` decides whether it is a match at all (the
    floor, its article's affinity), ``rank`` orders the matches (``relevance`` plus the
    ``distinctive`` words shared, :func:`crosscheck.rerank.distinctive`); ``similarity`` is
    the cosine, ``affinity`` is its article's (see :func:`crosscheck.rerank.affinity`);
    ``same_story`` when its article tells the checked article's story
    (:func:`mark_same_story`), so it is shown before the candidates of articles that share
    a sentence or two; ``under_floor`` when it is shown although its relevance is under the
    floor, as its article's closest claim to a claim of the same story: a counterpart told
    in other words, shown to the reader but given no verdict."""

    claim: StoredClaim
    article: StoredArticle
    similarity: float
    relevance: float
    same_story: bool = False
    affinity: float = 0.0
    distinctive: float = 0.0
    under_floor: bool = False

    @property
    def rank(self) -> float:
        return self.relevance + self.distinctive


@dataclass(frozen=True, slots=True)
class Retrieval:
    """How many candidates each search brings and how many of their fusion are scored."""

    dense: int = DENSE_CANDIDATES
    lexical: int = LEXICAL_CANDIDATES
    fused: int = FUSED_CANDIDATES


class ArticleVectors:
    """Claim vectors of articles, each article's read from the store at most once: one is
    made per check, whose story completion reads the story articles' vectors and whose
    syndication and grouping steps then read those of every matched article, the story's
    among them."""

    def __init__(self, store: ArticleStore) -> None:
        self._store = store
        self._read: dict[str, Vectors] = {}

    def of(self, article_ids: Iterable[str]) -> dict[str, Vectors]:
        """The vectors of each given article's claims, in claim order; only articles not read
        before are read (in one query)."""
        wanted = list(dict.fromkeys(article_ids))
        missing = [article for article in wanted if article not in self._read]
        if missing:
            self._read.update(self._store.vectors_of_articles(missing))
        return {article: self._read[article] for article in wanted if article in self._read}


class MatchFinder:
    """Candidates for each claim from two searches of the other articles: the nearest
    vectors (FAISS) and BM25 over claim text (the store's lexical index), fused by
    reciprocal rank, then re-ranked by :mod:`crosscheck.rerank`."""

    def __init__(
        self,
        store: ArticleStore,
        corpus: Corpus,
        similarity_floor: float,
        retrieval: Retrieval | None = None,
    ):
        self._store = store
        self._corpus = corpus
        self._floor = similarity_floor
        self._retrieval = retrieval or Retrieval()

    def lexical(self, article_id: str, texts: Sequence[str]) -> list[list[LexicalHit]]:
        """The lexical half of :meth:`find`, which needs no vectors: a check runs it while it
        encodes."""
        return self._store.lexical_search(texts, self._retrieval.lexical, article_id)

    def find(
        self,
        article_id: str,
        texts: Sequence[str],
        vectors: Vectors,
        lexical: Sequence[Sequence[LexicalHit]] | None = None,
        read: ArticleVectors | None = None,
        published_at: str | None = None,
    ) -> list[list[CandidateMatch]]:
        """For each claim, the claims of other articles above the floor, best first;
        ``lexical`` is what :meth:`lexical` found for these texts, searched here if not given;
        the story articles' vectors are read through ``read`` (the check's, if given);
        ``published_at`` is the checked article's date (:func:`crosscheck.rerank.near_in_time`).

        Returns every candidate of the fused pool (:class:`Retrieval`): :func:`select` makes
        the final choice of ``top_k`` once the syndicated copies among them are known.
        """
        if len(vectors) == 0:
            return []
        dense = self._corpus.search(vectors, self._retrieval.dense + len(vectors))
        if lexical is None:
            lexical = self.lexical(article_id, texts)
        claims = self._store.claims_by_key(sorted(_keys(dense) | _keys(lexical)))
        pools = [
            self._fused(article_id, claims, dense_row, lexical_row)
            for dense_row, lexical_row in zip(dense, lexical, strict=True)
        ]
        cosines = self._cosines(pools, dense, vectors)
        articles = self._store.articles_by_id(
            sorted({claim.article_id for claim in claims.values()})
        )
        terms_of = _terms_of([*texts, *(claims[key].text for pool in pools for key in pool)])
        weights = WordWeights.over(list(terms_of.values()))
        scored = [
            [
                _candidate(
                    claims[key], articles[claims[key].article_id], cosine[key], this, weights
                )
                for key in pool
                if key in cosine and claims[key].article_id in articles
            ]
            for this, pool, cosine in zip(
                map(terms_of.__getitem__, texts), pools, cosines, strict=True
            )
        ]
        weights_of = near_in_time(
            affinity([[(c.article.id, c.relevance) for c in row] for row in scored]),
            {key: article.published_at for key, article in articles.items()},
            published_at,
        )
        story = story_articles(weights_of)
        read = read if read is not None else ArticleVectors(self._store)
        scored = self._with_story_claims(scored, story, texts, vectors, weights, read)
        return self._boosted(scored, weights_of, story)

    def _with_story_claims(
        self,
        scored: list[list[CandidateMatch]],
        story: Sequence[str],
        texts: Sequence[str],
        vectors: Vectors,
        weights: WordWeights,
        read: ArticleVectors,
    ) -> list[list[CandidateMatch]]:
        """Each claim's candidates with every claim of the ``story`` articles added: another
        outlet's account of the same event may tell a fact in words so unlike the claim's
        that neither search ranks it among its best over the whole corpus."""
        if not story:
            return scored
        stored = read.of(story)
        full = [article for article in map(self._store.get_article, story) if article]
        # per article, per checked claim: the cosine of each of its claims, as Python floats
        by_claim = [(article, (stored[article.id] @ vectors.T).T.tolist()) for article in full]
        completed = []
        for position, (row, text) in enumerate(zip(scored, texts, strict=True)):
            have = {candidate.claim.key for candidate in row}
            this = terms(text)
            extra = [
                _candidate(claim, article, cosine, this, weights)
                for article, cosines in by_claim
                for claim, cosine in zip(article.claims, cosines[position], strict=True)
                if claim.key not in have
            ]
            completed.append([*row, *extra])
        return completed

    def _fused(
        self,
        article_id: str,
        claims: Mapping[int, StoredClaim],
        dense: Sequence[Hit],
        lexical: Sequence[LexicalHit],
    ) -> list[int]:
        """The best fused candidates of one claim, other articles' claims only."""
        rankings = [
            [key for key, _ in hits if key in claims and claims[key].article_id != article_id]
            for hits in (dense, lexical)
        ]
        fused = reciprocal_rank_fusion(rankings)
        return [key for key, _ in fused[: self._retrieval.fused]]

    def _cosines(
        self, pools: Sequence[Sequence[int]], dense: Sequence[Sequence[Hit]], vectors: Vectors
    ) -> list[dict[int, float]]:
        """Cosine of each candidate to its claim: from the vector search, or computed from
        the stored vectors for candidates only the lexical search found."""
        cosines = [dict(row) for row in dense]
        missing = sorted(
            {
                key
                for pool, known in zip(pools, cosines, strict=True)
                for key in pool
                if key not in known
            }
        )
        keys, stored = self._store.vectors(missing) if missing else ([], vectors[:0])
        rows = dict(zip(keys, stored, strict=True))
        for pool, known, vector in zip(pools, cosines, vectors, strict=True):
            for key in pool:
                if key not in known and key in rows:
                    known[key] = float(rows[key] @ vector)
        return cosines

    def _boosted(
        self,
        scored: list[list[CandidateMatch]],
        weights: Mapping[str, float],
        story: Sequence[str] = (),
    ) -> list[list[CandidateMatch]]:
        """Candidates at or above the floor (on their own relevance: a claim of an article on
        the same story is no match unless it is close itself), and the closest claim of each
        ``story`` article down to ``STORY_FLOOR_SHARE`` of the floor (:func:`closest_in_story`),
        each raised by its article's affinity, best first."""
        floor = self._floor
        found = []
        for row in scored:
            kept = closest_in_story(row, story, STORY_FLOOR_SHARE * floor)
            boosted = []
            for c in row:
                if c.relevance >= floor or c.claim.key in kept:
                    # built directly: dataclasses.replace was a fifth of this step's time
                    affinity = weights.get(c.article.id, 0.0)
                    boosted.append(
                        CandidateMatch(
                            claim=c.claim,
                            article=c.article,
                            similarity=c.similarity,
                            relevance=c.relevance + AFFINITY_WEIGHT * affinity,
                            same_story=c.same_story,
                            affinity=affinity,
                            distinctive=c.distinctive,
                            under_floor=c.relevance < floor,
                        )
                    )
            found.append(sorted(boosted, key=_by_rank))
        return found

    def article_vectors(
        self, found: Iterable[Sequence[CandidateMatch]], read: ArticleVectors | None = None
    ) -> dict[str, Vectors]:
        """Claim vectors of every article that has a candidate, read once per check: through
        ``read``, the check's, which has those :meth:`find` read already."""
        read = read if read is not None else ArticleVectors(self._store)
        return read.of(article.id for article in _matched_articles(found))


def _keys(rows: Iterable[Iterable[tuple[int, float]]]) -> set[int]:
    return {key for row in rows for key, _ in row}


def story_articles(weights: Mapping[str, float]) -> list[str]:
    """The ``STORY_ARTICLES`` articles of the highest affinity among those that tell the
    checked story (:func:`crosscheck.rerank.same_story`)."""
    story = same_story(weights)
    return sorted(story, key=lambda article: (-weights[article], article))[:STORY_ARTICLES]


def closest_in_story(
    row: Sequence[CandidateMatch], story: Collection[str], floor: float
) -> set[int]:
    """Keys of the claim's closest candidate (relevance plus distinctive words) in each
    ``story`` article, where that relevance reaches ``floor``."""
    best: dict[str, CandidateMatch] = {}
    for candidate in row:
        article = candidate.article.id
        if article in story and (article not in best or candidate.rank > best[article].rank):
            best[article] = candidate
    return {c.claim.key for c in best.values() if c.relevance >= floor}


def _terms_of(texts: Iterable[str]) -> dict[str, Terms]:
    """The terms of each distinct text: a candidate claim is scored against many checked
    claims, and its words are worked out once."""
    return {text: terms(text) for text in set(texts)}


def _candidate(
    claim: StoredClaim,
    article: StoredArticle,
    cosine: float,
    this: Terms,
    weights: WordWeights,
) -> CandidateMatch:
    other = terms(claim.text)
    return CandidateMatch(
        claim,
        article,
        cosine,
        relevance(cosine, this, other),
        distinctive=distinctive(this, other, weights),
    )


def _by_rank(candidate: CandidateMatch) -> float:
    return -candidate.rank


def syndicated_copies(
    vectors: Vectors,
    found: Sequence[Sequence[CandidateMatch]],
    article_vectors: Mapping[str, Vectors],
) -> dict[str, SyndicatedCopy]:
    """Matched articles that repeat most of the checked article, or that it repeats."""
    copies: dict[str, SyndicatedCopy] = {}
    matched = _matched_articles(found)
    shared_counts = shared_with_each(vectors, [article_vectors[a.id] for a in matched])
    for article, shared in zip(matched, shared_counts, strict=True):
        smaller = min(len(vectors), len(article_vectors[article.id]))
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


def mark_same_story(
    found: Sequence[Sequence[CandidateMatch]], copies: Container[str]
) -> list[list[CandidateMatch]]:
    """The candidates with ``same_story`` set on those whose article tells the checked story;
    ``copies`` (syndicated copies of the checked article) do not set the bar."""
    affinities = {c.article.id: c.affinity for row in found for c in row}
    story = same_story(affinities, copies)
    return [[_with_same_story(c, c.article.id in story) for c in row] for row in found]


def _with_same_story(candidate: CandidateMatch, same: bool) -> CandidateMatch:
    """The candidate with ``same_story`` set; itself when it is already (most candidates of
    a check are in no story article: no copy made)."""
    if candidate.same_story == same:
        return candidate
    c = candidate
    return CandidateMatch(
        claim=c.claim,
        article=c.article,
        similarity=c.similarity,
        relevance=c.relevance,
        same_story=same,
        affinity=c.affinity,
        distinctive=c.distinctive,
        under_floor=c.under_floor,
    )


def select(
    candidates: Sequence[CandidateMatch], top_k: int, copies: Container[str] = frozenset()
) -> list[CandidateMatch]:
    """``top_k`` matches, diversified across articles, each wording shown once.

    Candidates from articles that tell the same story come first; the others fill the slots
    left. A sentence that several articles carry word for word (a wire story and its
    syndicated copies) is shown from the most relevant of them only, so it leaves room for
    others; an article outside ``copies`` (syndicated copies of the checked article) is
    preferred, since only it can corroborate the claim.
    """
    seen: set[str] = set()
    distinct = []
    for candidate in sorted(candidates, key=lambda c: (c.article.id in copies, -c.rank)):
        wording = _wording(candidate.claim.text)
        if wording not in seen:
            seen.add(wording)
            distinct.append(candidate)
    chosen = diversified([c for c in distinct if c.same_story], top_k)
    others = [c for c in distinct if not c.same_story]
    return chosen + diversified(others, top_k - len(chosen))


@functools.lru_cache(maxsize=WORDING_CACHE_SIZE)
def _wording(text: str) -> str:
    return " ".join(_WORD.findall(text.casefold()))


def diversified(candidates: Sequence[CandidateMatch], top_k: int) -> list[CandidateMatch]:
    """The ``top_k`` best candidates taken round-robin across articles, best first.

    Each other article gets its closest claim in before any article gets a second one, so
    one article that repeats a sentence (a syndicated copy, an update) cannot crowd out
    the other outlets' versions of the fact.
    """
    by_article: dict[str, list[CandidateMatch]] = {}
    for candidate in sorted(candidates, key=lambda c: -c.rank):
        by_article.setdefault(candidate.article.id, []).append(candidate)
    chosen: list[CandidateMatch] = []
    depth = 0
    while len(chosen) < top_k and any(len(group) > depth for group in by_article.values()):
        this_round = [group[depth] for group in by_article.values() if len(group) > depth]
        chosen.extend(sorted(this_round, key=lambda c: -c.rank)[: top_k - len(chosen)])
        depth += 1
    return sorted(chosen, key=lambda c: -c.rank)


def _matched_articles(found: Iterable[Sequence[CandidateMatch]]) -> list[StoredArticle]:
    unique: dict[str, StoredArticle] = {}
    for candidates in found:
        for candidate in candidates:
            unique.setdefault(candidate.article.id, candidate.article)
    return list(unique.values())
