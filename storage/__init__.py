"""Persistent storage of articles, claims and vectors."""

from storage.base import ArticleStore
from storage.errors import IndexLogCompacted
from storage.lexical import LexicalHit, match_expression
from storage.log_compaction import LogCompaction, compact_index_log
from storage.records import ArticleRecord, IndexChange, StoredArticle, StoredClaim
from storage.sqlite_store import SqliteStore

__all__ = [
    "ArticleRecord",
    "ArticleStore",
    "IndexChange",
    "IndexLogCompacted",
    "LexicalHit",
    "LogCompaction",
    "SqliteStore",
    "StoredArticle",
    "StoredClaim",
    "compact_index_log",
    "match_expression",
]
