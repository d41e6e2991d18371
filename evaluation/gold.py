"""Gold dev pairs.

Verdicts come from ``/v1/compare``; matching from ``/v1/articles`` then ``/v1/check``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from evaluation.backend import ArticleInput, Backend
from evaluation.datasets import (
    GoldPair,
    SeedArticle,
    load_gold_pairs,
    load_seed_articles,
)
from evaluation.metrics import (
    CharSpan,
    any_overlap,
    locate,
    mean,
    precision_recall_f1,
    rate,
    ratio,
)
from evaluation.report import MetricRow, at_least, at_most
from evaluation.responses import (
    CheckedClaim,
    ClaimView,
    CompareOutcome,
    compare_or_fail,
    parse_check,
    parse_claims,
)
from evaluation.scoring import error_rows

TOP_K = 5
MATCHED_LABELS = ("agree", "diverge", "different_event")


def score_gold(backend: Backend, data_dir: Path) -> list[MetricRow]:
    articles = load_seed_articles(data_dir)
    pairs = load_gold_pairs(data_dir, articles)
    outcomes = [compare_gold_pair(backend, pair) for pair in pairs]
    corpus = index_and_check(backend, articles)
    return [
        *comparison_rows(pairs, outcomes),
        *matching_rows(pairs, corpus),
        *error_rows("gold", outcomes),
    ]


def compare_gold_pair(backend: Backend, pair: GoldPair) -> CompareOutcome:
    return compare_or_fail(
        partial(backend.compare, pair.a_text, pair.a_published_at, pair.b_text, pair.b_published_at)
    )


def comparison_rows(
    pairs: Sequence[GoldPair], outcomes: Sequence[CompareOutcome]
) -> list[MetricRow]:
    predicted = [outcome.is_diverge for outcome in outcomes]
    actual = [pair.label == "diverge" for pair in pairs]
    scores = precision_recall_f1(predicted, actual)
    diverging = [(p, o) for p, o in zip(pairs, outcomes, strict=True) if p.label == "diverge"]
    false_alarms = ids_where(pairs, outcomes, lambda p, o: o.is_diverge and p.label != "diverge")
    missed = ids_where(pairs, outcomes, lambda p, o: p.label == "diverge" and not o.is_diverge)
    return [
        MetricRow(
            "gold.diverge_precision",
            "gold: diverge precision",
            scores.precision,
            sum(predicted),
            misses=false_alarms,
        ),
        MetricRow(
            "gold.diverge_recall",
            "gold: diverge recall",
            scores.recall,
            len(diverging),
            misses=missed,
        ),
        MetricRow(
            "gold.diverge_f1",
            "gold: diverge F1",
            scores.f1,
            len(pairs),
            target=at_least(0.80),
            misses=tuple(sorted(false_alarms + missed)),
        ),
        _false_diverge_row(pairs, outcomes, "agree"),
        _false_diverge_row(pairs, outcomes, "different_event"),
        MetricRow(
            "gold.types_named",
            "gold: diverge types named in reasons",
            types_named(diverging),
            len(diverging),
            misses=missing_types(diverging),
        ),
        MetricRow(
            "gold.span_overlap",
            "gold: diverge span overlap (a/b sides)",
            mean(span_overlap_score(pair, outcome) for pair, outcome in diverging),
            len(diverging),
            misses=tuple(p.id for p, o in diverging if span_overlap_score(p, o) < 1),
        ),
    ]


def ids_where(
    pairs: Sequence[GoldPair],
    outcomes: Sequence[CompareOutcome],
    condition: Callable[[GoldPair, CompareOutcome], bool],
) -> tuple[str, ...]:
    return tuple(p.id for p, o in zip(pairs, outcomes, strict=True) if condition(p, o))


def _false_diverge_row(
    pairs: Sequence[GoldPair], outcomes: Sequence[CompareOutcome], label: str
) -> MetricRow:
    flags = [o.is_diverge for p, o in zip(pairs, outcomes, strict=True) if p.label == label]
    return MetricRow(
        f"gold.{label}_to_diverge",
        f"gold: {label} → diverge rate",
        rate(flags),
        len(flags),
        target=at_most(0.10),
        misses=ids_where(pairs, outcomes, lambda p, o: p.label == label and o.is_diverge),
    )


def types_named(diverging: Sequence[tuple[GoldPair, CompareOutcome]]) -> float | None:
    """Share of the gold divergence types that appear among the reasons' types."""
    named = 0
    total = 0
    for pair, outcome in diverging:
        reported = {reason.type for reason in outcome.reasons}
        named += len(set(pair.types) & reported)
        total += len(set(pair.types))
    return ratio(named, total)


def missing_types(diverging: Sequence[tuple[GoldPair, CompareOutcome]]) -> tuple[str, ...]:
    """``"<pair id>:<type>"`` for each gold type no reason named."""
    missing = []
    for pair, outcome in diverging:
        reported = {reason.type for reason in outcome.reasons}
        missing += [f"{pair.id}:{kind}" for kind in pair.types if kind not in reported]
    return tuple(missing)


def span_overlap_score(pair: GoldPair, outcome: CompareOutcome) -> float:
    """Half a point per side whose gold span overlaps a highlighted span of some reason."""
    a_highlights = [reason.this.within(pair.a_text) for reason in outcome.reasons]
    b_highlights = [reason.other.within(pair.b_text) for reason in outcome.reasons]
    a_hit = _overlaps_gold(pair.a_text, pair.a_span, a_highlights)
    b_hit = _overlaps_gold(pair.b_text, pair.b_span, b_highlights)
    return (a_hit + b_hit) / 2


def _overlaps_gold(text: str, gold: str | None, highlights: list[CharSpan | None]) -> bool:
    gold_span = locate(text, gold or "")
    if gold_span is None:
        return False
    return any_overlap([span for span in highlights if span], [gold_span])


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
    matched = [pair_matched(pair, corpus) for pair in matchable]
    return [
        MetricRow(
            "gold.match_recall_at_5",
            "gold: match recall@5 (check)",
            rate(matched),
            len(matchable),
            target=at_least(0.90),
            misses=tuple(pair.id for pair, hit in zip(matchable, matched, strict=True) if not hit),
        ),
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
