"""The PostgreSQL schema's migrations: SQL files under ``migrations/postgresql``."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import psycopg

from storage.migrations import Migration, load_migrations

ENGINE = "postgresql"


def migrate(connection: psycopg.Connection[Any]) -> list[str]:
    """Apply every step the schema lacks, all in one transaction, under an advisory lock
    scoped to the schema, so processes starting together apply each step once; the labels
    of those applied."""
    with connection.transaction():
        connection.execute(
            "SELECT pg_advisory_xact_lock(hashtext('crosscheck.migrations.' || current_schema()))"
        )
        connection.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations "
            "(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
        )
        done = {row[0] for row in connection.execute("SELECT version FROM schema_migrations")}
        applied = []
        steps: list[Migration[psycopg.Connection[Any]]] = load_migrations(ENGINE)
        for step in steps:
            if step.version in done:
                continue
            connection.execute((step.sql or "").encode("utf-8"))
            connection.execute(
                "INSERT INTO schema_migrations(version, name, applied_at) VALUES (%s, %s, %s)",
                (step.version, step.name, datetime.now(UTC).isoformat(timespec="seconds")),
            )
            applied.append(step.label)
    return applied
