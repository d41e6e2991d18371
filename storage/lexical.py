"""BM25 search over claim text with SQLite FTS5.

``claims_fts`` (``schema.sql``) indexes ``claims.text``; triggers keep it in step inside the
transaction of every claim write. A database made before the index existed is filled once at
open time (:func:`backfill`). Callers pass any text: :func:`match_expression` turns it into
an FTS5 query of quoted terms, so no user text can be read as FTS syntax.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Collection

LexicalHit = tuple[int, float]
"""A claim key and its BM25 score (higher is better)."""

BACKFILLED_META_KEY = "claims_fts_backfilled"
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
    terms = list(dict.fromkeys(_content_terms(text)))[:MAX_TERMS]
    if not terms:
        return None
    return " OR ".join(_quoted(term) for term in terms)


def _content_terms(text: str) -> list[str]:
    words = (word.casefold() for word in _TERM.findall(text))
    return [w for w in words if w not in _STOPWORDS and (len(w) > 1 or w.isdigit())]


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


def backfill(connection: sqlite3.Connection) -> bool:
    """Index every stored claim once, for a database made before ``claims_fts`` existed.

    Runs in its own write transaction; True when it rebuilt the index.
    """
    connection.execute("BEGIN IMMEDIATE")
    try:
        done = connection.execute(
            "SELECT 1 FROM meta WHERE key = ?", (BACKFILLED_META_KEY,)
        ).fetchone()
        if done is None:
            connection.execute("INSERT INTO claims_fts(claims_fts) VALUES ('rebuild')")
            connection.execute(
                "INSERT INTO meta(key, value) VALUES (?, '1')", (BACKFILLED_META_KEY,)
            )
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")
    return done is None
