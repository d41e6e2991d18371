"""Persistent storage of articles, claims and vectors."""

from storage.base import ArticleStore
from storage.errors import IndexLogCompacted, StoreError, StoreUnavailable, UnstorableText
from storage.factory import migrate, open_store
from storage.lexical import LexicalHit, match_expression
from storage.log_compaction import LogCompaction, compact_index_log
from storage.postgres_store import PostgresStore
from storage.records import (
    ArticleRecord,
    IndexChange,
    StoredArticle,
    StoredClaim,
    UnparsedClaim,
)
from storage.sqlite_store import SqliteStore

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
