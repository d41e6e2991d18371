"""SQLite store: the source of truth for articles, claims and claim vectors."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from claims.model import Claim
from embeddings import Vectors
from storage import lexical
from storage.errors import IndexLogCompacted, StoreUnavailable
from storage.leases import FileLease
from storage.records import (
    ArticleRecord,
    IndexChange,
    StoredArticle,
    StoredClaim,
    UnparsedClaim,
    ensure_storable,
)
from storage.sqlite_migrations import migrate
from storage.vectors_at_rest import from_stored, stack_stored, to_stored

_ARTICLE_COLUMNS = (
    "id, source, text, title, url, published_at, revision, created_at, updated_at, content_hash"
)
_CLAIM_COLUMNS = 'key, article_id, position, text, start, "end"'
LOG_FLOOR_META_KEY = "index_log_floor"


class SqliteStore:
    """Articles and their claims with vectors; every write also appends to the index log.

    The index log lets each process bring its in-memory vector index up to date with
    writes made by other processes sharing the same database file. Compaction drops its
    oldest entries and raises the log floor (kept in ``meta``); a reader whose position is
    below the floor can no longer catch up from the log and has to rebuild.
    """

    def __init__(self, path: Path | str, busy_timeout: float = 30.0):
        self._path = str(path)
        self._busy_timeout = busy_timeout
        if self._path != ":memory:":
            Path(self._path).parent.mkdir(parents=True, exist_ok=True)
        self._local = threading.local()
        self._write_lock = threading.Lock()
        self._backfill_lease = FileLease(f"{self._path}.backfill-lease")
        self._term_counts = lexical.TermCounts()
        with self._write_lock, self._connection() as connection:
            self.migrations_applied = migrate(connection)

    def _connect(self) -> sqlite3.Connection:
        connection = sqlite3.connect(self._path, timeout=self._busy_timeout, isolation_level=None)
        connection.row_factory = sqlite3.Row
        connection.execute("PRAGMA foreign_keys = ON")
        if self._path != ":memory:":
            connection.execute("PRAGMA journal_mode = WAL")
        return connection

    @contextmanager
    def _connection(self) -> Iterator[sqlite3.Connection]:
        connection: sqlite3.Connection | None = getattr(self._local, "connection", None)
        if connection is None:
            connection = self._connect()
            self._local.connection = connection
        yield connection

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._write_lock, self._connection() as connection:
            try:
                connection.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as error:
                raise StoreUnavailable(f"{error} (another process held the write lock)") from error
            try:
                yield connection
            except BaseException:
                connection.execute("ROLLBACK")
                raise
            connection.execute("COMMIT")

    def close(self) -> None:
        self._backfill_lease.release()
        connection = getattr(self._local, "connection", None)
        if connection is not None:
            connection.close()
            self._local.connection = None

    # -- writes -----------------------------------------------------------------------------

    def save_article(
        self, article: ArticleRecord, claims: Sequence[Claim], vectors: Vectors
    ) -> tuple[StoredArticle, bool]:
        """Insert or replace an article with its claims in one transaction.

        Returns the stored article and whether it was new.
        """
        return self.save_articles([(article, claims, vectors)])[0]

    def save_articles(
        self, items: Sequence[tuple[ArticleRecord, Sequence[Claim], Vectors]]
    ) -> list[tuple[StoredArticle, bool]]:
        """Insert or replace several articles in one transaction: all are stored or none.

        Returns each stored article and whether it was new, in the order given.
        """
        for article, claims, vectors in items:
            if len(claims) != len(vectors):
                raise ValueError("claims and vectors differ in length")
            ensure_storable(article, claims)
        now = _now()
        created: list[bool] = []
        with self._transaction() as connection:
            for article, claims, vectors in items:
                created.append(self._write_article(connection, article, claims, vectors, now))
            # Read back inside the transaction: once it commits, another writer may delete.
            stored = [self.get_article(article.id) for article, _, _ in items]
        assert all(article is not None for article in stored)
        return [(article, new) for article, new in zip(stored, created, strict=True) if article]

    def _write_article(
        self,
        connection: sqlite3.Connection,
        article: ArticleRecord,
        claims: Sequence[Claim],
        vectors: Vectors,
        now: str,
    ) -> bool:
        previous = connection.execute(
            "SELECT revision FROM articles WHERE id = ?", (article.id,)
        ).fetchone()
        if previous is None:
            self._insert_article(connection, article, now)
        else:
            self._remove_claims(connection, article.id)
            self._update_article(connection, article, now, previous["revision"] + 1)
        self._insert_claims(connection, article.id, claims, vectors)
        return previous is None

    def delete_article(self, article_id: str) -> bool:
        with self._transaction() as connection:
            self._remove_claims(connection, article_id)
            deleted = connection.execute("DELETE FROM articles WHERE id = ?", (article_id,))
            return deleted.rowcount > 0

    def set_meta(self, key: str, value: str) -> None:
        with self._transaction() as connection:
            connection.execute(
                "INSERT INTO meta(key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    def replace_vectors(self, keys: Sequence[int], vectors: Vectors) -> None:
        """Store new vectors for existing claims (after a change of encoder)."""
        with self._transaction() as connection:
            for key, vector in zip(keys, vectors, strict=True):
                connection.execute(
                    "UPDATE claims SET vector = ? WHERE key = ?", (to_stored(vector), key)
                )
                _log(connection, "add", key)

    def truncate_log(self, through: int) -> int:
        """Drop the index log entries up to ``through`` and raise the floor to it.

        Returns how many entries were dropped. The floor never goes down.
        """
        with self._transaction() as connection:
            if through > _last_change(connection):
                raise ValueError(f"cannot truncate the index log past its last entry: {through}")
            if through <= _log_floor(connection):
                return 0
            dropped = connection.execute("DELETE FROM index_log WHERE sequence <= ?", (through,))
            connection.execute(
                "INSERT INTO meta(key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (LOG_FLOOR_META_KEY, str(through)),
            )
            return int(dropped.rowcount)

    def save_claim_facts(self, version: str, facts: Mapping[int, bytes]) -> int:
        """Store claims' parsed facts (by claim key) under ``version``, replacing what each
        had; claims no longer stored are skipped. Returns how many were stored."""
        if not facts:
            return 0
        with self._transaction() as connection:
            cursor = connection.executemany(
                "INSERT INTO claim_facts(claim_key, version, facts) SELECT ?, ?, ? "
                "WHERE EXISTS (SELECT 1 FROM claims WHERE key = ?) "
                "ON CONFLICT(claim_key) DO UPDATE SET "
                "version = excluded.version, facts = excluded.facts",
                [(key, version, blob, key) for key, blob in facts.items()],
            )
            return int(cursor.rowcount)

    @staticmethod
    def _insert_article(connection: sqlite3.Connection, article: ArticleRecord, now: str) -> None:
        connection.execute(
            "INSERT INTO articles(id, source, title, url, published_at, text, content_hash, "
            "revision, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)",
            (*_article_fields(article), now, now),
        )

    @staticmethod
    def _update_article(
        connection: sqlite3.Connection, article: ArticleRecord, now: str, revision: int
    ) -> None:
        connection.execute(
            "UPDATE articles SET source = ?, title = ?, url = ?, published_at = ?, text = ?, "
            "content_hash = ?, revision = ?, updated_at = ? WHERE id = ?",
            (*_article_fields(article)[1:], revision, now, article.id),
        )

    @staticmethod
    def _insert_claims(
        connection: sqlite3.Connection, article_id: str, claims: Sequence[Claim], vectors: Vectors
    ) -> None:
        for position, (claim, vector) in enumerate(zip(claims, vectors, strict=True)):
            cursor = connection.execute(
                'INSERT INTO claims(article_id, position, text, start, "end", vector) '
                "VALUES (?, ?, ?, ?, ?, ?)",
                (article_id, position, claim.text, claim.start, claim.end, to_stored(vector)),
            )
            assert cursor.lastrowid is not None
            _log(connection, "add", cursor.lastrowid)

    @staticmethod
    def _remove_claims(connection: sqlite3.Connection, article_id: str) -> None:
        keys = [
            row["key"]
            for row in connection.execute(
                "SELECT key FROM claims WHERE article_id = ?", (article_id,)
            )
        ]
        connection.execute("DELETE FROM claims WHERE article_id = ?", (article_id,))
        for key in keys:
            _log(connection, "remove", key)

    # -- reads ------------------------------------------------------------------------------

    def get_article(self, article_id: str) -> StoredArticle | None:
        with self._connection() as connection:
            row = connection.execute(
                f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE id = ?", (article_id,)
            ).fetchone()
            if row is None:
                return None
            claims = connection.execute(
                f"SELECT {_CLAIM_COLUMNS} FROM claims WHERE article_id = ? ORDER BY position",
                (article_id,),
            ).fetchall()
        return _article_from_row(row, [_claim_from_row(claim) for claim in claims])

    def _rows_in(self, query: str, values: Sequence[Any], *after: Any) -> list[sqlite3.Row]:
        """Rows of ``query``, whose ``{}`` is filled with one placeholder per distinct value
        (none asked: no rows); ``after`` binds the placeholders that follow."""
        unique = list(dict.fromkeys(values))
        if not unique:
            return []
        with self._connection() as connection:
            return connection.execute(
                query.format(",".join("?" * len(unique))), (*unique, *after)
            ).fetchall()

    def content_hashes(self, article_ids: Sequence[str]) -> dict[str, str | None]:
        """The content hash each given, stored article was saved with."""
        rows = self._rows_in("SELECT id, content_hash FROM articles WHERE id IN ({})", article_ids)
        return {row["id"]: row["content_hash"] for row in rows}

    def list_articles(self, limit: int, after_sequence: int = 0) -> tuple[list[StoredArticle], int]:
        """A page of articles in insertion order, and the sequence number to resume after."""
        with self._connection() as connection:
            rows = connection.execute(
                f"SELECT seq, {_ARTICLE_COLUMNS} FROM articles WHERE seq > ? ORDER BY seq LIMIT ?",
                (after_sequence, limit),
            ).fetchall()
        last = rows[-1]["seq"] if rows else after_sequence
        return [_article_from_row(row, []) for row in rows], last

    def has_articles_after(self, sequence: int) -> bool:
        with self._connection() as connection:
            row = connection.execute(
                "SELECT 1 FROM articles WHERE seq > ? LIMIT 1", (sequence,)
            ).fetchone()
        return row is not None

    def claims_by_key(self, keys: Sequence[int]) -> dict[int, StoredClaim]:
        rows = self._rows_in(f"SELECT {_CLAIM_COLUMNS} FROM claims WHERE key IN ({{}})", keys)
        return {row["key"]: _claim_from_row(row) for row in rows}

    def articles_by_id(self, article_ids: Sequence[str]) -> dict[str, StoredArticle]:
        rows = self._rows_in(
            f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE id IN ({{}})", article_ids
        )
        return {row["id"]: _article_from_row(row, []) for row in rows}

    def vectors(self, keys: Sequence[int] | None = None) -> tuple[list[int], Vectors]:
        """Stored vectors of the given claims (all claims when ``keys`` is None)."""
        with self._connection() as connection:
            if keys is None:
                rows = connection.execute("SELECT key, vector FROM claims ORDER BY key").fetchall()
            else:
                placeholders = ",".join("?" * len(keys))
                rows = connection.execute(
                    f"SELECT key, vector FROM claims WHERE key IN ({placeholders})", tuple(keys)
                ).fetchall()
        return [row["key"] for row in rows], _stack(rows)

    def article_vectors(self, article_id: str) -> Vectors:
        """The vectors of one article's claims, in claim order."""
        return self.vectors_of_articles([article_id])[article_id]

    def vectors_of_articles(self, article_ids: Sequence[str]) -> dict[str, Vectors]:
        """The vectors of each given article's claims, in claim order, in one query (no rows
        for an article without claims)."""
        rows = self._rows_in(
            "SELECT article_id, vector FROM claims WHERE article_id IN ({}) "
            "ORDER BY article_id, position",
            article_ids,
        )
        by_article: dict[str, list[sqlite3.Row]] = {
            article_id: [] for article_id in dict.fromkeys(article_ids)
        }
        for row in rows:
            by_article.setdefault(row["article_id"], []).append(row)
        return {article_id: _stack(found) for article_id, found in by_article.items()}

    def vectors_by_text(self, texts: Sequence[str]) -> dict[str, Vectors]:
        """The stored vector of each given text that is exactly a claim's text (one per text)."""
        rows = self._rows_in("SELECT text, vector FROM claims WHERE text IN ({})", texts)
        return {row["text"]: from_stored(row["vector"]) for row in rows}

    def all_claim_texts(self) -> tuple[list[int], list[str]]:
        with self._connection() as connection:
            rows = connection.execute("SELECT key, text FROM claims ORDER BY key").fetchall()
        return [row["key"] for row in rows], [row["text"] for row in rows]

    def lexical_search(
        self, texts: Sequence[str], limit: int, exclude_article: str | None = None
    ) -> list[list[lexical.LexicalHit]]:
        """For each text, the claims sharing the most of its words by BM25, best first
        (``exclude_article``'s own claims left out; common words dropped within
        :data:`storage.lexical.POSTINGS_BUDGET`)."""
        with self._connection() as connection:
            own = {
                row[0]
                for row in connection.execute(
                    "SELECT key FROM claims WHERE article_id = ?", (exclude_article,)
                )
            }
            return [
                lexical.search(connection, text, limit, own, self._term_counts) for text in texts
            ]

    def claim_facts(self, keys: Sequence[int], version: str) -> dict[int, bytes]:
        """The parsed facts stored under ``version`` for the given claims that have them."""
        rows = self._rows_in(
            "SELECT claim_key, facts FROM claim_facts WHERE claim_key IN ({}) AND version = ?",
            [int(key) for key in keys],
            version,
        )
        return {row["claim_key"]: bytes(row["facts"]) for row in rows}

    def claims_without_facts(self, version: str, after_key: int, limit: int) -> list[UnparsedClaim]:
        """Up to ``limit`` claims above ``after_key`` with no facts under ``version``, by key."""
        with self._connection() as connection:
            rows = connection.execute(
                "SELECT c.key, c.text, a.published_at FROM claims AS c "
                "JOIN articles AS a ON a.id = c.article_id WHERE c.key > ? AND NOT EXISTS "
                "(SELECT 1 FROM claim_facts AS f WHERE f.claim_key = c.key AND f.version = ?) "
                "ORDER BY c.key LIMIT ?",
                (after_key, version, limit),
            ).fetchall()
        return [UnparsedClaim(row["key"], row["text"], row["published_at"]) for row in rows]

    def hold_backfill_lease(self) -> bool:
        """Whether this store holds the database's backfill lease (a lock on a file beside
        the database), taking it when free; held until the store is closed."""
        return self._path == ":memory:" or self._backfill_lease.hold()

    def count_claim_facts(self, version: str) -> int:
        with self._connection() as connection:
            row = connection.execute(
                "SELECT COUNT(*) FROM claim_facts WHERE version = ?", (version,)
            ).fetchone()
        return int(row[0])

    def changes_after(self, sequence: int) -> list[IndexChange]:
        """Every index change after ``sequence``, oldest first.

        Raises IndexLogCompacted when compaction has dropped some of them. The floor is read
        after the entries: it only rises, and entries are dropped in the same transaction that
        raises it, so a floor at or below ``sequence`` proves nothing was missing.
        """
        with self._connection() as connection:
            rows = connection.execute(
                "SELECT sequence, operation, claim_key FROM index_log WHERE sequence > ? "
                "ORDER BY sequence",
                (sequence,),
            ).fetchall()
            floor = _log_floor(connection)
        if sequence < floor:
            raise IndexLogCompacted(sequence, floor)
        return [IndexChange(row["sequence"], row["operation"], row["claim_key"]) for row in rows]

    def last_change(self) -> int:
        """The sequence of the latest index change (kept by the floor once compacted away)."""
        with self._connection() as connection:
            return _last_change(connection)

    def log_floor(self) -> int:
        """The sequence through which the index log was compacted (0 when it never was)."""
        with self._connection() as connection:
            return _log_floor(connection)

    def count_log_entries(self) -> int:
        return self._count("index_log")

    def get_meta(self, key: str) -> str | None:
        with self._connection() as connection:
            row = connection.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row["value"])

    def count_articles(self) -> int:
        return self._count("articles")

    def count_claims(self) -> int:
        return self._count("claims")

    def _count(self, table: str) -> int:
        with self._connection() as connection:
            return int(connection.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _stack(rows: Sequence[sqlite3.Row]) -> Vectors:
    return stack_stored(row["vector"] for row in rows)


def _log_floor(connection: sqlite3.Connection) -> int:
    row = connection.execute(
        "SELECT value FROM meta WHERE key = ?", (LOG_FLOOR_META_KEY,)
    ).fetchone()
    return 0 if row is None else int(row["value"])


def _last_change(connection: sqlite3.Connection) -> int:
    row = connection.execute("SELECT MAX(sequence) AS last FROM index_log").fetchone()
    return max(int(row["last"] or 0), _log_floor(connection))


def _log(connection: sqlite3.Connection, operation: str, key: int) -> None:
    connection.execute(
        "INSERT INTO index_log(operation, claim_key) VALUES (?, ?)", (operation, key)
    )


def _article_fields(
    article: ArticleRecord,
) -> tuple[str, str, str | None, str | None, str | None, str, str | None]:
    return (
        article.id,
        article.source,
        article.title,
        article.url,
        article.published_at,
        article.text,
        article.content_hash,
    )


def _article_from_row(row: sqlite3.Row, claims: list[StoredClaim]) -> StoredArticle:
    return StoredArticle(
        id=row["id"],
        source=row["source"],
        text=row["text"],
        title=row["title"],
        url=row["url"],
        published_at=row["published_at"],
        revision=row["revision"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        claims=claims,
        content_hash=row["content_hash"],
    )


def _claim_from_row(row: sqlite3.Row) -> StoredClaim:
    return StoredClaim(
        key=row["key"],
        article_id=row["article_id"],
        position=row["position"],
        text=row["text"],
        start=row["start"],
        end=row["end"],
    )
