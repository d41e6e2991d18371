"""Lexical search over claim text: the query terms both engines use, the postings budget they
share, and SQLite's BM25.

SQLite: ``claims_fts`` (migration ``0001_baseline.sql``) indexes ``claims.text``; triggers keep
it in step inside the transaction of every claim write. Callers pass any text:
:func:`match_expression` turns it into an FTS5 query of quoted terms, so no user text can be
read as FTS syntax. PostgreSQL ranks the same terms with its own full-text search
(:mod:`storage.postgres_store`).
"""

from __future__ import annotations

import re
import sqlite3
import time
from collections.abc import Callable, Collection, Mapping, Sequence

from storage.lru_cache import LruCache

LexicalHit = tuple[int, float]
"""A claim key and its relevance score, higher is better (BM25 on SQLite, ts_rank_cd on
PostgreSQL: comparable within one search only)."""
TermCounter = Callable[[Sequence[str], int], Mapping[str, int]]
"""Counts, with an engine's own tokenizer, the claims that hold each term, stopping at a cap."""

# Claims one query may score at most, summed over its terms. Both engines score every claim that
# holds any query term (FTS5 about 0.6 µs each); at a million claims words such as "trump" or
# "report" are held by tens of thousands, and a 40-claim check spent 5 s in BM25. A query keeps
# its rarest terms up to this budget (bench/lexical_scale.py; README, "Scale").
POSTINGS_BUDGET = 5_000
TERM_COUNTS_TTL_S = 600.0
TERM_COUNTS_SIZE = 1 << 16

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
    return _expression(query_terms(text))


def _expression(terms: Sequence[str]) -> str | None:
    return " OR ".join(_quoted(term) for term in terms) if terms else None


def query_terms(text: str) -> list[str]:
    """The distinct content words of ``text`` (case-folded, stopwords left out), at most
    ``MAX_TERMS``, in order of first appearance."""
    words = (word.casefold() for word in _TERM.findall(text))
    content = [w for w in words if w not in _STOPWORDS and (len(w) > 1 or w.isdigit())]
    return list(dict.fromkeys(content))[:MAX_TERMS]


def _quoted(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def search(
    connection: sqlite3.Connection,
    text: str,
    limit: int,
    exclude: Collection[int] = (),
    counts: TermCounts | None = None,
) -> list[LexicalHit]:
    """The ``limit`` claims that best match ``text`` by BM25, claims keyed in ``exclude`` left
    out (filtered here: a join inside the FTS query doubles its cost). With ``counts``, the
    query keeps only its rarest terms within :data:`POSTINGS_BUDGET` (:func:`within_budget`)."""
    if limit <= 0:
        return []
    terms = query_terms(text)
    if counts is not None:
        terms = within_budget(terms, counts.counts(terms, fts5_counter(connection)), counts.budget)
    expression = _expression(terms)
    if expression is None:
        return []
    rows = connection.execute(
        "SELECT rowid, bm25(claims_fts) AS score FROM claims_fts WHERE claims_fts MATCH ? "
        "ORDER BY score LIMIT ?",
        (expression, limit + len(exclude)),
    ).fetchall()
    return [(int(row[0]), -float(row[1])) for row in rows if row[0] not in exclude][:limit]


def within_budget(terms: Sequence[str], held_by: Mapping[str, int], budget: int) -> list[str]:
    """The ``terms`` to search, in their order: the rarest first (``held_by``: how many claims
    hold each) while the claims they hold add up to at most ``budget``, and the rarest one
    always, so that a text of common words still finds something."""
    kept: set[str] = set()
    total = 0
    for term in sorted(terms, key=held_by.__getitem__):
        total += held_by[term]
        if kept and total > budget:
            break
        kept.add(term)
    return [term for term in terms if term in kept]


def fts5_counter(connection: sqlite3.Connection) -> TermCounter:
    """Counts in ``claims_fts``, one capped query per term."""

    def count(terms: Sequence[str], cap: int) -> dict[str, int]:
        sql = "SELECT count(*) FROM (SELECT 1 FROM claims_fts WHERE claims_fts MATCH ? LIMIT ?)"
        return {
            term: int(connection.execute(sql, (_quoted(term), cap)).fetchone()[0]) for term in terms
        }

    return count


class TermCounts:
    """How many claims hold each term, counted by the engine with the index's own tokenizer
    (stems, case, diacritics) up to ``budget + 1`` (:data:`POSTINGS_BUDGET` unless given), and
    kept per process for ``ttl_s`` (a stale count is off by the claims written or deleted
    since: a query then scores a few more or a few fewer claims than its budget)."""

    def __init__(
        self,
        budget: int | None = None,
        ttl_s: float = TERM_COUNTS_TTL_S,
        size: int = TERM_COUNTS_SIZE,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.budget = POSTINGS_BUDGET if budget is None else budget
        self._ttl_s = ttl_s
        self._clock = clock
        self._known: LruCache[tuple[int, float]] = LruCache(size)

    def counts(self, terms: Sequence[str], counter: TermCounter) -> dict[str, int]:
        """Each term's count: known ones from the cache, the rest from ``counter`` at once."""
        now = self._clock()
        found: dict[str, int] = {}
        for term in terms:
            known = self._known.get(term)
            if known is not None and now - known[1] < self._ttl_s:
                found[term] = known[0]
        missing = [term for term in dict.fromkeys(terms) if term not in found]
        if missing:
            counted = counter(missing, self.budget + 1)
            for term in missing:
                found[term] = int(counted[term])
                self._known.put(term, (found[term], now))
        return found
