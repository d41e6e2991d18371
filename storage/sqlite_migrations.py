"""The SQLite schema's migrations: SQL files under ``migrations/sqlite`` and two code steps."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime

from storage.migrations import Migration, load_migrations
from storage.vectors_at_rest import float32_blob_to_stored

ENGINE = "sqlite"
_CONVERT_BATCH = 1000


def add_content_hash(connection: sqlite3.Connection) -> None:
    """``articles.content_hash``, unless the database was made by the release that created
    the table with it."""
    columns = {row[1] for row in connection.execute("PRAGMA table_info(articles)")}
    if "content_hash" not in columns:
        connection.execute("ALTER TABLE articles ADD COLUMN content_hash TEXT")


def float16_vectors(connection: sqlite3.Connection) -> None:
    """Rewrite every stored vector, written as float32 until now, at half precision."""
    last_key = 0
    while True:
        rows = connection.execute(
            "SELECT key, vector FROM claims WHERE key > ? ORDER BY key LIMIT ?",
            (last_key, _CONVERT_BATCH),
        ).fetchall()
        if not rows:
            return
        connection.executemany(
            "UPDATE claims SET vector = ? WHERE key = ?",
            [(float32_blob_to_stored(row[1]), row[0]) for row in rows],
        )
        last_key = rows[-1][0]


CODE_STEPS: tuple[Migration[sqlite3.Connection], ...] = (
    Migration(2, "content_hash", run=add_content_hash),
    Migration(3, "float16_vectors", run=float16_vectors),
)


def migrate(connection: sqlite3.Connection) -> list[str]:
    """Apply every step the database lacks, each in its own write transaction (so processes
    opening the same file at once apply each step once); the labels of those applied."""
    connection.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations "
        "(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
    )
    steps = load_migrations(ENGINE, CODE_STEPS)
    current = connection.execute("SELECT MAX(version) FROM schema_migrations").fetchone()[0]
    if current is not None and current >= len(steps):
        return []
    return [step.label for step in steps if _apply(connection, step)]


def _apply(connection: sqlite3.Connection, step: Migration[sqlite3.Connection]) -> bool:
    connection.execute("BEGIN IMMEDIATE")
    try:
        done = connection.execute(
            "SELECT 1 FROM schema_migrations WHERE version = ?", (step.version,)
        ).fetchone()
        if done is None:
            for statement in _statements(step.sql or ""):
                connection.execute(statement)
            if step.run is not None:
                step.run(connection)
            connection.execute(
                "INSERT INTO schema_migrations(version, name, applied_at) VALUES (?, ?, ?)",
                (step.version, step.name, datetime.now(UTC).isoformat(timespec="seconds")),
            )
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")
    return done is None


def _statements(script: str) -> Iterator[str]:
    """The complete statements of a script, one at a time (``executescript`` would commit)."""
    pending = ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            yield pending
            pending = ""
    if pending.strip() and not pending.strip().startswith("--"):
        raise ValueError(f"incomplete SQL statement at the end of a migration: {pending!r}")
