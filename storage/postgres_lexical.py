"""PostgreSQL's lexical search: the same query terms and postings budget as SQLite's
(:mod:`storage.lexical`), ranked by ``ts_rank_cd`` over the ``english`` full-text configuration
(stemmed, stopwords out) on ``claims.words`` and its GIN index."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import psycopg

from storage.lexical import LexicalHit, TermCounter, TermCounts, query_terms, within_budget


def search(
    connection: psycopg.Connection[Any],
    texts: Sequence[str],
    limit: int,
    exclude_article: str | None = None,
    counts: TermCounts | None = None,
) -> list[list[LexicalHit]]:
    """For each text, the ``limit`` claims sharing the most of its words, best first;
    ``exclude_article``'s own claims left out. With ``counts``, each query keeps only its
    rarest terms within the budget (:func:`storage.lexical.within_budget`). One query for all
    the texts (and one more for the term counts not yet known)."""
    hits: list[list[LexicalHit]] = [[] for _ in texts]
    if limit <= 0:
        return hits
    terms = [query_terms(text) for text in texts]
    if counts is not None:
        every = [term for text_terms in terms for term in text_terms]
        known = counts.counts(every, postgres_counter(connection))
        terms = [within_budget(text_terms, known, counts.budget) for text_terms in terms]
    asked = [(position, tsquery(words)) for position, words in enumerate(terms) if words]
    if not asked:
        return hits
    rows = connection.execute(
        "SELECT asked.position, hit.key, hit.score "
        "FROM unnest(%s::integer[], %s::text[]) AS asked(position, expression) "
        "CROSS JOIN LATERAL ("
        "  SELECT key, ts_rank_cd(words, query) AS score "
        "  FROM claims, to_tsquery('english', asked.expression) AS query "
        "  WHERE words @@ query AND article_id IS DISTINCT FROM %s "
        "  ORDER BY score DESC, key LIMIT %s"
        ") AS hit ORDER BY asked.position, hit.score DESC, hit.key",
        (
            [position for position, _ in asked],
            [query for _, query in asked],
            exclude_article,
            limit,
        ),
    ).fetchall()
    for position, key, score in rows:
        hits[position].append((key, float(score)))
    return hits


def postgres_counter(connection: psycopg.Connection[Any]) -> TermCounter:
    """Counts in ``claims.words`` with the ``english`` configuration, all terms in one query;
    a stopword (no lexeme) holds nothing."""

    def count(terms: Sequence[str], cap: int) -> dict[str, int]:
        rows = connection.execute(
            "SELECT asked.term, (SELECT count(*) FROM (SELECT 1 FROM claims "
            "  WHERE words @@ to_tsquery('english', asked.lexeme) LIMIT %s) AS held) "
            "FROM unnest(%s::text[], %s::text[]) AS asked(term, lexeme)",
            (cap, list(terms), [_lexeme(term) for term in terms]),
        ).fetchall()
        return {term: int(held) for term, held in rows}

    return count


def tsquery(terms: Sequence[str]) -> str:
    """A tsquery matching any of ``terms``, each a quoted lexeme, so no text is read as
    tsquery syntax."""
    return " | ".join(_lexeme(term) for term in terms)


def _lexeme(term: str) -> str:
    return "'" + term.replace("'", "''") + "'"
