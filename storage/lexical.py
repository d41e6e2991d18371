"""Lexical search over claim text: the query terms both engines use, and SQLite's BM25.

SQLite: ``claims_fts`` (migration ``0001_baseline.sql``) indexes ``claims.text``; triggers keep
it in step inside the transaction of every claim write. Callers pass any text:
:func:`match_expression` turns it into an FTS5 query of quoted terms, so no user text can be
read as FTS syntax. PostgreSQL ranks the same terms with its own full-text search
(:mod:`storage.postgres_store`).
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Collection

LexicalHit = tuple[int, float]
"""A claim key and its relevance score, higher is better (BM25 on SQLite, ts_rank_cd on
PostgreSQL: comparable within one search only)."""

MAX_TERMS = 48
_TERM = re.compile(r"\w+")
_STOPWORD_LIST = """
    a about after against all also an and any are as at be been before being but by can
    could did do does for from had has have he her hers him his how i if in into is it its
    may me might more most my no nor not of on or our out over said says she should so some
    such than that the their them then there these they this those to under up upon us was
    we were what when where which while who whom why will with would you your"""
_STOPWORDS = frozenset(_STOPWORD_LIST.split())


def match_expression(text: str) -> str | None:
    """An FTS5 query matching claims that share any content word of ``text``.

    Each term is a double-quoted string, so operators (AND, OR, NOT, NEAR), prefixes (``*``),
    column filters (``:``) and parentheses in the text are plain words. None when the text has
    no content word.
    """
    terms = query_terms(text)
    if not terms:
        return None
    return " OR ".join(_quoted(term) for term in terms)


def query_terms(text: str) -> list[str]:
    """The distinct content words of ``text`` (case-folded, stopwords left out), at most
    ``MAX_TERMS``, in order of first appearance."""
    words = (word.casefold() for word in _TERM.findall(text))
    content = [w for w in words if w not in _STOPWORDS and (len(w) > 1 or w.isdigit())]
    return list(dict.fromkeys(content))[:MAX_TERMS]


def _quoted(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def search(
    connection: sqlite3.Connection, text: str, limit: int, exclude: Collection[int] = ()
) -> list[LexicalHit]:
    """The ``limit`` claims that best match ``text`` by BM25, claims keyed in ``exclude`` left
    out (filtered here: a join inside the FTS query doubles its cost)."""
    expression = match_expression(text)
    if expression is None or limit <= 0:
        return []
    rows = connection.execute(
        "SELECT rowid, bm25(claims_fts) AS score FROM claims_fts WHERE claims_fts MATCH ? "
        "ORDER BY score LIMIT ?",
        (expression, limit + len(exclude)),
    ).fetchall()
    return [(int(row[0]), -float(row[1])) for row in rows if row[0] not in exclude][:limit]
