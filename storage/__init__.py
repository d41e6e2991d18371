"""Persistent storage of articles, claims and vectors (SQLite)."""

from storage.records import ArticleRecord, IndexChange, StoredArticle, StoredClaim
from storage.sqlite_store import SqliteStore

__all__ = ["ArticleRecord", "IndexChange", "SqliteStore", "StoredArticle", "StoredClaim"]
