"""Open the store a URL names: ``postgresql://…`` (or ``postgres://…``), ``sqlite:///path``,
or a plain file path for SQLite."""

from __future__ import annotations

from pathlib import Path

from storage.base import ArticleStore
from storage.sqlite_store import SqliteStore

POSTGRES_SCHEMES = ("postgresql://", "postgres://")
SQLITE_SCHEME = "sqlite:///"


def open_store(target: str | Path, *, timeout: float = 5.0) -> ArticleStore:
    """The store at ``target``, its schema migrated to the current version.

    ``sqlite:///relative/path`` and ``sqlite:////absolute/path`` follow SQLAlchemy's
    convention. ``timeout``: how long a PostgreSQL call waits for a connection before it
    raises StoreUnavailable (as the opening does when the database cannot be reached).
    """
    location = str(target)
    if location.startswith(POSTGRES_SCHEMES):
        from storage.postgres_store import PostgresStore  # psycopg: only for PostgreSQL

        return PostgresStore(location, timeout=timeout)
    if location.startswith(SQLITE_SCHEME):
        return SqliteStore(location.removeprefix(SQLITE_SCHEME))
    if "://" in location:
        raise ValueError(
            f"unsupported database URL {redact(location)!r}: use postgresql:// or sqlite:///"
        )
    return SqliteStore(location)


def migrate(target: str | Path) -> list[str]:
    """Bring the database at ``target`` to the current schema; the steps this applied."""
    store = open_store(target)
    store.close()
    return store.migrations_applied


def redact(url: str) -> str:
    """The URL without its password, for logs and messages."""
    scheme, separator, rest = url.partition("://")
    credentials, at, host = rest.rpartition("@")
    if not at or ":" not in credentials:
        return url
    return f"{scheme}{separator}{credentials.split(':', 1)[0]}:***@{host}"
