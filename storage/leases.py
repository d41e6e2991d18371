"""Leases that let one process per database do a piece of background work (the facts
backfill): every process asks, one holds it until it releases it or ends, and then the next
one to ask takes it over."""

from __future__ import annotations

import contextlib
import fcntl
import logging
import threading
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:  # psycopg is imported by the PostgreSQL lease alone (SQLite never needs it)
    import psycopg

log = logging.getLogger(__name__)


class FileLease:
    """An exclusive ``flock`` on a file: one holder among the processes of one machine (all
    that can share a SQLite database). The system drops it when its holder ends."""

    def __init__(self, path: str) -> None:
        self._path = path
        self._file: IO[str] | None = None
        self._lock = threading.Lock()

    def hold(self) -> bool:
        """True when this lease is held, taking it if it is free."""
        with self._lock:
            if self._file is not None:
                return True
            candidate = open(self._path, "a")  # noqa: SIM115 (kept open while held)
            try:
                fcntl.flock(candidate, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                candidate.close()
                return False
            self._file = candidate
            return True

    def release(self) -> None:
        with self._lock:
            if self._file is not None:
                self._file.close()
                self._file = None


class AdvisoryLease:
    """A PostgreSQL session advisory lock, on a connection of its own kept open while held:
    one holder among every process on every host using the schema. The server drops it
    when the connection ends; a holder whose connection broke asks again."""

    def __init__(self, url: str, name: str, connect_timeout: int) -> None:
        self._url = url
        self._name = name
        self._connect_timeout = connect_timeout
        self._connection: psycopg.Connection[Any] | None = None
        self._lock = threading.Lock()

    def hold(self) -> bool:
        """True when this lease is held, taking it if it is free (False when the database
        cannot be reached)."""
        import psycopg

        with self._lock:
            if self._connection is not None and self._alive(self._connection):
                return True
            self._close()
            try:
                connection = psycopg.connect(
                    self._url, autocommit=True, connect_timeout=self._connect_timeout
                )
            except psycopg.OperationalError as error:
                log.warning("lease %s not taken: %s", self._name, error)
                return False
            row = connection.execute(
                "SELECT pg_try_advisory_lock(hashtext(%s || current_schema()))", (self._name,)
            ).fetchone()
            if row is None or not row[0]:
                connection.close()
                return False
            self._connection = connection
            return True

    def release(self) -> None:
        with self._lock:
            self._close()

    @staticmethod
    def _alive(connection: psycopg.Connection[Any]) -> bool:
        import psycopg

        try:
            connection.execute("SELECT 1")
        except psycopg.Error:
            return False
        return True

    def _close(self) -> None:
        """Unlock before closing: the server ends a closed session a moment later, and a
        process asking meanwhile would find the lock still held."""
        if self._connection is None:
            return
        import psycopg

        with contextlib.suppress(psycopg.Error):  # broken: the server drops them with it
            self._connection.execute("SELECT pg_advisory_unlock_all()")
        self._connection.close()
        self._connection = None
