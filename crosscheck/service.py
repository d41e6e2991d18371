"""The consistency service: index, check and compare articles. Knows nothing of HTTP."""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import itertools
import json
import uuid
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Concatenate, ParamSpec, Protocol, TypeVar

import numpy as np

from claims.model import Claim, ExtractedArticle
from comparison.model import ClaimInput, Comparison
from crosscheck.alignment import AlignedPair, Closeness, best_in_each_article
from crosscheck.corpus import Corpus
from crosscheck.errors import ArticleNotFound, CrosscheckError, TooManyClaims
from crosscheck.matching import (
    ArticleVectors,
    CandidateMatch,
    MatchFinder,
    mark_same_story,
    select,
    source_groups,
    syndicated_copies,
)
from crosscheck.publication import publication_date
from crosscheck.report import (
    ClaimReport,
    Match,
    Report,
    ReportedArticle,
    SyndicatedCopy,
    claim_status,
    summarise,
)
from crosscheck.rerank import terms
from crosscheck.stored_facts import Activity, StoredFacts
from crosscheck.text_vectors import TextVectors
from embeddings import Encoder, Vectors
from storage import (
    ArticleRecord,
    ArticleStore,
    LexicalHit,
    LogCompaction,
    StoredArticle,
    compact_index_log,
)


class PairComparator(Protocol):
    def compare(
        self, a: ClaimInput, b: ClaimInput, similarity: float | None = None
    ) -> Comparison: ...

    def prime(self, claims: Sequence[ClaimInput]) -> None:
        """Prepare many claims at once before they are compared (may do nothing)."""


Extractor = Callable[..., ExtractedArticle]
SPECIFIC_REASONS = frozenset({"number", "quote"})
# Claims of one article (a check's draft) encoded at once: a sentence encoder pads every text
# of a batch to its longest, and a draft's claims run from about 10 to 90 tokens, so one batch
# of them all was half padding; batches of 8 claims of similar length took 31% less CPU.
ARTICLE_ENCODE_BATCH = 8
P = ParamSpec("P")
R = TypeVar("R")


@dataclass(frozen=True, slots=True)
class ArticleInput:
    """An article as a caller submits it: exactly one of ``text`` and ``html``."""

    source: str
    text: str | None = None
    html: str | None = None
    id: str | None = None
    title: str | None = None
    url: str | None = None
    published_at: str | None = None

    @property
    def content_hash(self) -> str:
        """A digest of everything submitted but the id: equal digests, equal articles."""
        fields = [self.source, self.text, self.html, self.title, self.url, self.published_at]
        return hashlib.sha256(json.dumps(fields).encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class IndexResult:
    """What became of one article of a batch: ``created``, ``updated``, ``unchanged`` (same
    id and content hash already stored, so skipped) or ``rejected`` (``error`` says why;
    nothing of it was stored)."""

    article_id: str
    status: str
    article: StoredArticle | None = None
    error: CrosscheckError | None = None


@dataclass(frozen=True, slots=True)
class ServiceSettings:
    similarity_floor: float = 0.5
    max_claims: int = 500
    log_compaction: LogCompaction = field(default_factory=LogCompaction)


@dataclass(frozen=True, slots=True)
class PreparedArticle:
    record: ArticleRecord
    claims: list[Claim]
    vectors: Vectors

    @property
    def published_on(self) -> date | None:
        return publication_date(self.record.published_at)


def _busy(
    method: Callable[Concatenate[ConsistencyService, P], R],
) -> Callable[Concatenate[ConsistencyService, P], R]:
    """Counts the call in the service's :class:`Activity` while it runs."""

    @functools.wraps(method)
    def counted(service: ConsistencyService, *args: P.args, **kwargs: P.kwargs) -> R:
        with service.activity.busy():
            return method(service, *args, **kwargs)

    return counted


class ConsistencyService:
    """``facts``, when given, keeps stored claims' parsed facts in the store, so a check
    parses only the draft's claims (:mod:`crosscheck.stored_facts`); ``activity`` counts the
    calls in progress, for background work to run between them."""

    def __init__(
        self,
        store: ArticleStore,
        corpus: Corpus,
        encoder: Encoder,
        comparator: PairComparator,
        extract: Extractor,
        settings: ServiceSettings | None = None,
        encode_batch: int = 32,
        facts: StoredFacts | None = None,
        article_encode_batch: int = ARTICLE_ENCODE_BATCH,
    ):
        self.activity = Activity()
        self._facts = facts
        self._store = store
        self._corpus = corpus
        self._encoder = encoder
        self._comparator = comparator
        self._extract = extract
        self._settings = settings or ServiceSettings()
        self._encode_batch = encode_batch
        self._article_encode_batch = article_encode_batch
        self._matches = MatchFinder(store, corpus, self._settings.similarity_floor)
        self._text_vectors = TextVectors(store, encoder)
        # parses a call's own claims while the call encodes them (the parser takes one at a
        # time anyway: it holds a lock while it parses)
        self._parsing = ThreadPoolExecutor(1, thread_name_prefix="parse")
        # searches a draft's claim texts by BM25 while the draft is encoded (the store's
        # query releases the interpreter: the search costs the check little wall time)
        self._searching = ThreadPoolExecutor(1, thread_name_prefix="lexical")

    # -- articles ---------------------------------------------------------------------------

    @_busy
    def index_article(self, article: ArticleInput) -> tuple[StoredArticle, bool]:
        """Store an article (replacing one with the same id); True when it is new."""
        prepared = self._prepare(article)
        stored, created = self._store.save_article(
            prepared.record, prepared.claims, prepared.vectors
        )
        _learn_terms(prepared.claims)
        self._after_write()
        return stored, created

    @_busy
    def index_articles(self, articles: Sequence[ArticleInput]) -> list[IndexResult]:
        """Store a batch of articles: claims of all of them are encoded together, and every
        accepted article is written in one transaction. An article whose id is stored with
        the same content hash is skipped; one that cannot be prepared is rejected alone."""
        results: dict[int, IndexResult] = {}
        stored_hashes = self._store.content_hashes([a.id for a in articles if a.id])
        extracted: dict[int, tuple[ArticleRecord, list[Claim]]] = {}
        for position, article in enumerate(articles):
            if article.id and stored_hashes.get(article.id) == article.content_hash:
                results[position] = IndexResult(article.id, "unchanged")
                continue
            try:
                extracted[position] = self._extract_claims(article)
            except CrosscheckError as error:
                results[position] = IndexResult(article.id or "", "rejected", error=error)
        vectors = self._encode_articles(
            [claims for _, claims in extracted.values()], self._encode_batch
        )
        saved = self._store.save_articles(
            [
                (record, claims, found)
                for (record, claims), found in zip(extracted.values(), vectors, strict=True)
            ]
        )
        for _, claims in extracted.values():
            _learn_terms(claims)
        for position, (stored, created) in zip(extracted, saved, strict=True):
            status = "created" if created else "updated"
            results[position] = IndexResult(stored.id, status, article=stored)
        if saved:
            self._after_write()
        return [results[position] for position in range(len(articles))]

    def _encode_articles(
        self, claims_of_articles: Sequence[Sequence[Claim]], batch: int
    ) -> list[Vectors]:
        """Encode the claims of many articles in shared batches of ``batch`` claims; one
        array per article.

        Batches are made of claims of similar length, as a sentence encoder pads every text of
        a batch to its longest: in article order, padding cost a quarter of the encode rate."""
        texts = [claim.text for claims in claims_of_articles for claim in claims]
        by_length = sorted(range(len(texts)), key=lambda position: len(texts[position]))
        encoded = [
            self._encoder.encode([texts[p] for p in by_length[start : start + batch]])
            for start in range(0, len(texts), batch)
        ]
        flat = np.zeros((len(texts), self._encoder.dimension), np.float32)
        if encoded:
            flat[by_length] = np.concatenate(encoded)
        bounds = np.cumsum([0, *(len(claims) for claims in claims_of_articles)])
        return [flat[start:end] for start, end in itertools.pairwise(bounds)]

    def get_article(self, article_id: str) -> StoredArticle:
        article = self._store.get_article(article_id)
        if article is None:
            raise ArticleNotFound(article_id)
        return article

    def list_articles(self, limit: int, after: int = 0) -> tuple[list[StoredArticle], int | None]:
        """A page of articles and the position to continue after (None on the last page)."""
        articles, last = self._store.list_articles(limit, after)
        more = bool(articles) and self._store.has_articles_after(last)
        return articles, last if more else None

    @_busy
    def delete_article(self, article_id: str) -> None:
        if not self._store.delete_article(article_id):
            raise ArticleNotFound(article_id)
        self._after_write()

    def _after_write(self) -> None:
        """Bring this process's index up to date, then compact the shared index log if due.

        Compacting after syncing means this process is never behind its own floor.
        """
        self._corpus.sync()
        compact_index_log(self._store, self._settings.log_compaction)

    def corpus_size(self) -> tuple[int, int]:
        """Number of articles and of claims in the corpus."""
        return self._store.count_articles(), self._store.count_claims()

    # -- checking ---------------------------------------------------------------------------

    @_busy
    def check_article(self, article: ArticleInput, top_k: int = 5, index: bool = False) -> Report:
        """Match every claim against other articles and compare each pair.

        Nothing is stored unless ``index`` is true, and then only after the check succeeded.
        """
        record, draft_claims = self._extract_claims(article)
        parsing = self._parsing.submit(self._comparator.prime, _inputs(record, draft_claims))
        texts = [claim.text for claim in draft_claims]
        searching = self._searching.submit(self._matches.lexical, record.id, texts)
        helpers: list[Future[Any]] = [parsing, searching]
        try:
            prepared = self._encoded(record, draft_claims)
            report = self._report(prepared, top_k, parsing, searching)
        finally:
            wait(helpers)
        if index:
            stored, _ = self._store.save_article(prepared.record, prepared.claims, prepared.vectors)
            _learn_terms(prepared.claims)
            self._keep_parsed(stored, prepared.published_on)
            self._after_write()
        return report

    def _report(
        self,
        prepared: PreparedArticle,
        top_k: int,
        parsing: Future[None],
        searching: Future[list[list[LexicalHit]]],
    ) -> Report:
        """The check's report; ``parsing`` parses the draft's claims meanwhile, ``searching``
        finds their lexical candidates."""
        texts = [claim.text for claim in prepared.claims]
        read = ArticleVectors(self._store)
        candidates = self._matches.find(
            prepared.record.id,
            texts,
            prepared.vectors,
            searching.result(),
            read,
            prepared.record.published_at,
        )
        article_vectors = self._matches.article_vectors(candidates, read)
        copies = syndicated_copies(prepared.vectors, candidates, article_vectors)
        found = [select(row, top_k, copies) for row in mark_same_story(candidates, copies)]
        groups = source_groups(found, article_vectors, copies)
        compared = _compared(candidates)
        aligned = best_in_each_article(compared)
        closeness = Closeness(compared, texts)
        parsing.result()
        self._parse_pairs(prepared, found, aligned)
        claims = [
            self._claim_report(prepared, position, claim, row, copies, groups, aligned, closeness)
            for position, (claim, row) in enumerate(zip(prepared.claims, found, strict=True))
        ]
        return Report(
            article=_reported(prepared.record),
            summary=summarise(claims),
            claims=claims,
            syndicated_copies=list(copies.values()),
        )

    def _parse_pairs(
        self,
        prepared: PreparedArticle,
        found: Sequence[Sequence[CandidateMatch]],
        aligned: set[AlignedPair],
    ) -> None:
        """Parse both claims of every pair to compare in one batch, the counterparts' facts
        read from the store where it has them; the counterparts parsed here are stored."""
        these, others = _claims_to_compare(prepared, found, aligned)
        unparsed = self._facts.load(others) if self._facts is not None else {}
        self._comparator.prime([*these, *others.values()])
        if self._facts is not None:
            self._facts.keep_parsed(unparsed)

    def _keep_parsed(self, stored: StoredArticle, published_on: date | None) -> None:
        """Store the facts parsed during the check for the claims just stored."""
        if self._facts is not None:
            self._facts.keep_parsed(
                {claim.key: ClaimInput(claim.text, published_on) for claim in stored.claims}
            )

    @_busy
    def compare_claims(self, a: ClaimInput, b: ClaimInput) -> tuple[float, Comparison]:
        """Cosine similarity and the comparator's verdict. Texts of indexed claims reuse the
        stored vectors instead of being encoded again; both claims are parsed in one batch,
        while they are encoded."""
        parsing = self._parsing.submit(self._comparator.prime, [a, b])
        try:
            vectors = self._text_vectors.vectors([a.text, b.text])
        finally:
            wait([parsing])
        parsing.result()
        similarity = float(vectors[0] @ vectors[1])
        return round(similarity, 4), self._comparator.compare(a, b, similarity)

    def _claim_report(
        self,
        prepared: PreparedArticle,
        position: int,
        claim: Claim,
        candidates: Sequence[CandidateMatch],
        copies: dict[str, SyndicatedCopy],
        groups: dict[str, str],
        aligned: set[AlignedPair],
        closeness: Closeness,
    ) -> ClaimReport:
        this = ClaimInput(claim.text, prepared.published_on)
        matches = [
            _unless_stated_closer(
                self._match(
                    this,
                    candidate,
                    syndicated=candidate.article.id in copies,
                    counterpart=(position, candidate.claim.public_id) in aligned,
                ),
                position,
                closeness,
            )
            for candidate in candidates
        ]
        agreeing_groups = {
            groups[match.article_id]
            for match in matches
            if match.verdict == "agree" and not match.syndicated
        }
        return ClaimReport(
            id=f"{prepared.record.id}:{position}",
            text=claim.text,
            start=claim.start,
            end=claim.end,
            status=claim_status(matches, len(agreeing_groups)),
            independent_sources=len(agreeing_groups),
            matches=matches,
        )

    def _match(
        self,
        this: ClaimInput,
        candidate: CandidateMatch,
        syndicated: bool,
        counterpart: bool,
    ) -> Match:
        """The candidate with a verdict; a nearby claim that is not the claim's counterpart in
        its article (see :mod:`crosscheck.alignment`) is ``unrelated``, not compared."""
        other = ClaimInput(candidate.claim.text, publication_date(candidate.article.published_at))
        comparison = (
            self._comparator.compare(this, other, candidate.similarity)
            if counterpart
            else Comparison("unrelated")
        )
        return Match(
            article_id=candidate.article.id,
            source=candidate.article.source,
            claim_id=candidate.claim.public_id,
            text=candidate.claim.text,
            similarity=round(candidate.similarity, 4),
            verdict=comparison.verdict,
            reasons=comparison.reasons,
            syndicated=syndicated,
            published_at=candidate.article.published_at,
            url=candidate.article.url,
        )

    # -- preparation ------------------------------------------------------------------------

    def _prepare(self, article: ArticleInput) -> PreparedArticle:
        return self._encoded(*self._extract_claims(article))

    def _encoded(self, record: ArticleRecord, claims: list[Claim]) -> PreparedArticle:
        """The article with its claims' vectors, encoded in small batches of similar length
        (:data:`ARTICLE_ENCODE_BATCH`)."""
        vectors = self._encode_articles([claims], self._article_encode_batch)[0]
        return PreparedArticle(record, claims, vectors)

    def _extract_claims(self, article: ArticleInput) -> tuple[ArticleRecord, list[Claim]]:
        extracted = self._extract(text=article.text, html=article.html, title=article.title)
        if len(extracted.claims) > self._settings.max_claims:
            raise TooManyClaims(len(extracted.claims), self._settings.max_claims)
        record = ArticleRecord(
            id=article.id or uuid.uuid4().hex,
            source=article.source,
            text=extracted.text,
            title=extracted.title,
            url=article.url,
            published_at=article.published_at,
            content_hash=article.content_hash,
        )
        return record, list(extracted.claims)


def _learn_terms(claims: Sequence[Claim]) -> None:
    """Work out the re-ranking terms of claims just stored (:func:`crosscheck.rerank.terms`,
    cached per process), as the issue asks of per-claim lexical keys: computed once at index
    time, not at the first check that finds the claim a candidate (a fresh check of a story
    met ~400 such claims: a fifth of its matching time)."""
    for claim in claims:
        terms(claim.text)


def _compared(candidates: Sequence[Sequence[CandidateMatch]]) -> list[list[CandidateMatch]]:
    """The candidates that may be compared: not those shown under the floor (a story's
    closest claim told in other words, :class:`CandidateMatch` ``under_floor``)."""
    return [[c for c in row if not c.under_floor] for row in candidates]


def _inputs(record: ArticleRecord, claims: Sequence[Claim]) -> list[ClaimInput]:
    published_on = publication_date(record.published_at)
    return [ClaimInput(claim.text, published_on) for claim in claims]


def _unless_stated_closer(match: Match, position: int, closeness: Closeness) -> Match:
    """A divergence whose differing words in the match another, closer claim of the checked
    article states is two facts of the story, not one told two ways: ``unrelated``; so is one
    with a match closer to another checked claim, unless a figure or quoted words differ (see
    :mod:`crosscheck.alignment`)."""
    if match.verdict != "diverge":
        return match
    differing = [reason.other.text for reason in match.reasons]
    stated_closer = closeness.stated_closer(position, match.claim_id, differing)
    specific = any(reason.type in SPECIFIC_REASONS for reason in match.reasons)
    if not stated_closer and (specific or closeness.closest(position, match.claim_id)):
        return match
    return dataclasses.replace(match, verdict="unrelated", reasons=())


def _claims_to_compare(
    prepared: PreparedArticle,
    found: Sequence[Sequence[CandidateMatch]],
    aligned: set[AlignedPair],
) -> tuple[list[ClaimInput], dict[int, ClaimInput]]:
    """Both claims of every pair that will be compared: the draft's, and the stored ones by
    claim key."""
    pairs = [
        (position, candidate)
        for position, candidates in enumerate(found)
        for candidate in candidates
        if (position, candidate.claim.public_id) in aligned
    ]
    these = [
        ClaimInput(prepared.claims[position].text, prepared.published_on)
        for position in sorted({position for position, _ in pairs})
    ]
    others = {
        candidate.claim.key: ClaimInput(
            candidate.claim.text, publication_date(candidate.article.published_at)
        )
        for _, candidate in pairs
    }
    return these, others


def _reported(record: ArticleRecord) -> ReportedArticle:
    return ReportedArticle(
        id=record.id,
        source=record.source,
        title=record.title,
        published_at=record.published_at,
        text=record.text,
    )
