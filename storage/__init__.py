"""Persistent storage of articles, claims and vectors.

``PostgresStore`` (and psycopg with it) is imported on first use: a server on the SQLite
default never loads the PostgreSQL driver.
"""

from typing import TYPE_CHECKING, Any

from storage.base import ArticleStore
from storage.errors import IndexLogCompacted, StoreError, StoreUnavailable, UnstorableText
from storage.factory import migrate, open_store
from storage.lexical import LexicalHit, match_expression
from storage.log_compaction import LogCompaction, compact_index_log
from storage.records import (
    ArticleRecord,
    IndexChange,
    StoredArticle,
    StoredClaim,
    UnparsedClaim,
)
from storage.sqlite_store import SqliteStore

if TYPE_CHECKING:
    from storage.postgres_store import PostgresStore

__all__ = [
    "ArticleRecord",
    "ArticleStore",
    "IndexChange",
    "IndexLogCompacted",
    "LexicalHit",
    "LogCompaction",
    "PostgresStore",
    "SqliteStore",
    "StoreError",
    "StoreUnavailable",
    "StoredArticle",
    "StoredClaim",
    "UnparsedClaim",
    "UnstorableText",
    "compact_index_log",
    "match_expression",
    "migrate",
    "open_store",
]


def __getattr__(name: str) -> Any:
    if name == "PostgresStore":
        from storage.postgres_store import PostgresStore

        return PostgresStore
    raise AttributeError(f"module 'storage' has no attribute {name!r}")
