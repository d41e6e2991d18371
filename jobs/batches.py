"""One batch of a job through the consistency service: the ingest path or the check path."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from crosscheck.errors import CrosscheckError, ResourceUnavailable
from crosscheck.render import report_to_json
from crosscheck.service import ArticleInput, ConsistencyService
from jobs.model import INGEST, ItemResult, Job


def run_batch(
    service: ConsistencyService, job: Job, indexes: range, items: Sequence[dict[str, Any]]
) -> list[ItemResult]:
    """Results in item order. Raises when the whole batch failed and may succeed if tried
    again (e.g. the database is down); an article that cannot be processed is rejected alone."""
    articles = [ArticleInput(**item) for item in items]
    if job.kind == INGEST:
        return ingest(service, indexes, articles)
    return check(service, indexes, articles, job.top_k)


def ingest(
    service: ConsistencyService, indexes: range, articles: Sequence[ArticleInput]
) -> list[ItemResult]:
    """Through :meth:`ConsistencyService.index_articles`, the one batched ingest path: an
    article stored with the same id and content hash is ``unchanged``, not written again."""
    return [
        ItemResult(
            index,
            result.status,
            article_id=result.article_id or None,
            claims=len(result.article.claims) if result.article else None,
            error=str(result.error) if result.error else None,
        )
        for index, result in zip(indexes, service.index_articles(articles), strict=True)
    ]


def check(
    service: ConsistencyService, indexes: range, articles: Sequence[ArticleInput], top_k: int
) -> list[ItemResult]:
    """Each article checked (never stored); its report kept with its result."""
    results = []
    for index, article in zip(indexes, articles, strict=True):
        try:
            report = service.check_article(article, top_k=top_k)
        except ResourceUnavailable:
            raise
        except CrosscheckError as error:
            results.append(ItemResult(index, "rejected", article_id=article.id, error=str(error)))
            continue
        results.append(
            ItemResult(
                index,
                "checked",
                article_id=article.id,
                claims=len(report.claims),
                report=report_to_json(report),
            )
        )
    return results


def failed(indexes: range, items: Sequence[dict[str, Any]], reason: str) -> list[ItemResult]:
    return [
        ItemResult(index, "failed", article_id=item.get("id"), error=reason)
        for index, item in zip(indexes, items, strict=True)
    ]
