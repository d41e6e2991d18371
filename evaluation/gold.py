"""Seed gold pairs (``pairs-dev.jsonl``).

Verdicts come from ``/v1/compare`` (per tune/check part, see ``verdicts``); matching from
``/v1/articles`` then ``/v1/check``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from evaluation.backend import ArticleInput, Backend
from evaluation.datasets import (
    GoldPair,
    SeedArticle,
    load_gold_pairs,
    load_seed_articles,
)
from evaluation.intervals import cluster_bootstrap
from evaluation.metrics import CharSpan, any_overlap, locate, rate
from evaluation.report import MetricRow, at_least, at_most
from evaluation.responses import (
    CheckedClaim,
    ClaimView,
    parse_check,
    parse_claims,
)
from evaluation.scoring import error_rows
from evaluation.splits import PARTS
from evaluation.verdicts import all_outcomes, judge_pairs, verdict_rows

TOP_K = 5
MATCHED_LABELS = ("agree", "diverge", "different_event")
NEGATIVE_LABEL = "different_event"


def score_gold(backend: Backend, data_dir: Path) -> list[MetricRow]:
    articles = load_seed_articles(data_dir)
    pairs = load_gold_pairs(data_dir, articles)
    judged = judge_pairs(backend, pairs)
    corpus = index_and_check(backend, articles)
    return [
        *verdict_rows("gold", NEGATIVE_LABEL, judged),
        *matching_rows(pairs, corpus),
        *error_rows("gold", all_outcomes(judged)),
    ]


@dataclass(frozen=True, slots=True)
class IndexedCorpus:
    """The seeds as the API indexed and checked them, keyed by seed file name."""

    articles: dict[str, SeedArticle]
    claims: dict[str, list[ClaimView]]
    checks: dict[str, list[CheckedClaim]]


def index_and_check(backend: Backend, articles: dict[str, SeedArticle]) -> IndexedCorpus:
    inputs = {file: _article_input(article) for file, article in articles.items()}
    claims = {file: parse_claims(backend.index(article)) for file, article in inputs.items()}
    checks = {file: parse_check(backend.check(article, TOP_K)) for file, article in inputs.items()}
    return IndexedCorpus(articles, claims, checks)


def _article_input(article: SeedArticle) -> ArticleInput:
    return ArticleInput(
        id=article.id,
        source=article.source,
        text=article.text,
        published_at=article.published_at,
        title=article.title,
    )


def matching_rows(pairs: Sequence[GoldPair], corpus: IndexedCorpus) -> list[MetricRow]:
    matchable = [pair for pair in pairs if pair.label in MATCHED_LABELS]
    furniture = sorted({side for pair in pairs for side in pair.furniture_texts()})
    extracted = [(doc, text) for doc, text in furniture if is_extracted(doc, text, corpus)]
    matched = [(pair, pair_matched(pair, corpus)) for pair in matchable]
    return [
        match_recall_row("gold", "gold: match recall@5 (all pairs, /v1/check)", matched),
        *(part_match_recall_row(part, matched) for part in PARTS),
        MetricRow(
            "gold.boilerplate_extracted",
            "gold: boilerplate lines extracted as claims",
            float(len(extracted)),
            len(furniture),
            target=at_most(0),
            unit="count",
            misses=tuple(f"{doc[:3]}:{text[:40]!r}" for doc, text in extracted),
        ),
    ]


MatchedPair = tuple[GoldPair, bool]


def match_recall_row(
    prefix: str, label: str, matched: Sequence[MatchedPair], with_ci: bool = False
) -> MetricRow:
    """Share of pairs whose two claims are matched within the top ``TOP_K``."""
    return MetricRow(
        f"{prefix}.match_recall_at_5",
        label,
        match_recall(matched),
        len(matched),
        target=at_least(0.90),
        misses=tuple(pair.id for pair, hit in matched if not hit),
        interval=cluster_bootstrap(matched, matched_cluster, match_recall) if with_ci else None,
    )


def part_match_recall_row(part: str, matched: Sequence[MatchedPair]) -> MetricRow:
    in_part = [(pair, hit) for pair, hit in matched if pair.part == part]
    return match_recall_row(f"gold.{part}", f"gold {part}: match recall@5", in_part, with_ci=True)


def match_recall(matched: Sequence[MatchedPair]) -> float | None:
    return rate(hit for _, hit in matched)


def matched_cluster(item: MatchedPair) -> str:
    return item[0].cluster


def pair_matched(pair: GoldPair, corpus: IndexedCorpus) -> bool:
    """A claim overlapping one side has a top-k match overlapping the other (either way)."""
    forward = _side_matched(pair.a_doc, pair.a_text, pair.b_doc, pair.b_text, corpus)
    return forward or _side_matched(pair.b_doc, pair.b_text, pair.a_doc, pair.a_text, corpus)


def _side_matched(
    doc: str, text: str, other_doc: str, other_text: str, corpus: IndexedCorpus
) -> bool:
    own_span = locate(corpus.articles[doc].text, text)
    other_span = locate(corpus.articles[other_doc].text, other_text)
    if own_span is None or other_span is None:
        return False
    other_id = corpus.articles[other_doc].id
    for checked in corpus.checks[doc]:
        if not any_overlap([checked.claim.span], [own_span]):
            continue
        for match in checked.matches[:TOP_K]:
            if match.article_id != other_id:
                continue
            matched_span = _matched_claim_span(other_doc, match.claim_id, match.text, corpus)
            if matched_span and any_overlap([matched_span], [other_span]):
                return True
    return False


def _matched_claim_span(
    doc: str, claim_id: str, text: str, corpus: IndexedCorpus
) -> CharSpan | None:
    for claim in corpus.claims[doc]:
        if claim.id == claim_id:
            return claim.span
    return locate(corpus.articles[doc].text, text)


def is_extracted(doc: str, text: str, corpus: IndexedCorpus) -> bool:
    """Whether a boilerplate line overlaps any claim the API extracted from its article."""
    span = locate(corpus.articles[doc].text, text)
    if span is None:
        return False
    return any_overlap([claim.span for claim in corpus.claims[doc]], [span])
