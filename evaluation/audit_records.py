"""Audit records: the flags a ``/v1/check`` report raised, written out for a human to label.

Every ``diverge`` match becomes a record, and so does a fixed-seed sample of the
corroborations (``agree`` matches from an independent source: another outlet, not a
syndicated copy). A reader sets ``label`` to ``confirmed`` (the diverge flag is a real
difference; the corroboration states the same fact) or ``wrong``.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from evaluation.backend import Backend, JsonDict
from evaluation.basil_corpus import BasilArticle, load_basil_articles, triplet_parts

AuditRecord = dict[str, Any]
Item = TypeVar("Item")
DIVERGE = "diverge"
CORROBORATION = "corroboration"
TOP_K = 5
SAMPLE_SEED = 2019


def diverge_and_corroboration_records(
    report: JsonDict, article: BasilArticle, part: str
) -> tuple[list[AuditRecord], list[AuditRecord]]:
    """The report's diverge matches and its independent agreeing matches, as records."""
    diverging: list[AuditRecord] = []
    corroborating: list[AuditRecord] = []
    for claim in report.get("claims", []):
        for match in claim.get("matches", []):
            if match.get("verdict") == DIVERGE:
                diverging.append(audit_record(DIVERGE, article, part, claim, match))
            elif is_independent_agreement(match, article.source):
                corroborating.append(audit_record(CORROBORATION, article, part, claim, match))
    return diverging, corroborating


def is_independent_agreement(match: JsonDict, own_source: str) -> bool:
    return (
        match.get("verdict") == "agree"
        and not match.get("syndicated", False)
        and match.get("source") != own_source
    )


def audit_record(
    kind: str, article: BasilArticle, part: str, claim: JsonDict, match: JsonDict
) -> AuditRecord:
    return {
        "kind": kind,
        "part": part,
        "event": article.triplet,
        "article_id": article.id,
        "source": article.source,
        "published_at": article.published_at,
        "claim_id": claim["id"],
        "claim": claim["text"],
        "match_article_id": match["article_id"],
        "match_source": match.get("source"),
        "match_claim_id": match.get("claim_id"),
        "match": match.get("text"),
        "similarity": match.get("similarity"),
        "reasons": [
            {key: reason.get(key) for key in ("type", "explanation", "this", "other")}
            for reason in match.get("reasons", [])
        ],
        "label": None,
        "note": "",
    }


def fixed_sample(items: Sequence[Item], count: int, seed: int) -> list[Item]:
    """A fixed-seed sample of ``count`` items in their original order (all when fewer)."""
    if len(items) <= count:
        return list(items)
    chosen = sorted(random.Random(seed).sample(range(len(items)), count))
    return [items[index] for index in chosen]


def articles_of_part(
    articles: Sequence[BasilArticle], parts: dict[str, str], part: str, count: int, seed: int
) -> list[BasilArticle]:
    """A fixed-seed sample of ``count`` articles whose event belongs to ``part``."""
    in_part = [article for article in articles if parts.get(article.triplet) == part]
    return fixed_sample(in_part, count, seed)


@dataclass(frozen=True, slots=True)
class AuditRun:
    records: list[AuditRecord]
    articles_checked: int
    corroborations_found: int
    """Before sampling: how often the reports corroborated a claim."""

    def summary(self) -> str:
        kinds = [record["kind"] for record in self.records]
        return (
            f"{self.articles_checked} articles checked: {kinds.count(DIVERGE)} diverge, "
            f"{kinds.count(CORROBORATION)} of {self.corroborations_found} corroborations"
        )


def collect_audit(
    backend: Backend, data_dir: Path, part: str, articles: int, corroborations: int
) -> AuditRun:
    """Index every BASIL article, check a sample of the part's articles, keep the flags."""
    corpus = load_basil_articles(data_dir)
    for article in corpus:
        backend.index(article.to_input())
    checked = articles_of_part(corpus, triplet_parts(data_dir), part, articles, SAMPLE_SEED)
    diverging: list[AuditRecord] = []
    corroborating: list[AuditRecord] = []
    for article in checked:
        report = backend.check(article.to_input(), TOP_K)
        found_diverging, found_corroborating = diverge_and_corroboration_records(
            report, article, part
        )
        diverging += found_diverging
        corroborating += found_corroborating
    sampled = fixed_sample(corroborating, corroborations, SAMPLE_SEED)
    return AuditRun(diverging + sampled, len(checked), len(corroborating))


def write_records(path: Path, records: Iterable[AuditRecord]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = [json.dumps(record, ensure_ascii=False) for record in records]
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")


def read_records(path: Path) -> list[AuditRecord]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]
