"""Errors the store raises."""

from __future__ import annotations

RETRY_AFTER_SECONDS = 5
"""How long a caller should wait before retrying after the database could not be reached."""


class StoreError(Exception):
    """Base of the errors a store raises on its own account."""


class StoreUnavailable(StoreError):
    """The database cannot be reached (down, restarting, or every connection busy).

    Raised instead of the driver's error, after the transaction was rolled back: nothing of
    the write was stored, and the same call can be retried after ``retry_after`` seconds.
    """

    def __init__(self, reason: str, retry_after: int = RETRY_AFTER_SECONDS):
        super().__init__(f"the database is unavailable: {reason}")
        self.retry_after = retry_after


class UnstorableText(StoreError, ValueError):
    """A text field holds a NUL character (U+0000), which PostgreSQL cannot store; both
    engines refuse it, so an article is accepted or refused alike whatever the engine."""

    def __init__(self, field: str):
        super().__init__(f"{field} contains a NUL character (U+0000), which cannot be stored")
        self.field = field


class IndexLogCompacted(StoreError):
    """The index log no longer holds every change after ``sequence``: entries up to ``floor``
    were dropped by compaction, so a reader at ``sequence`` must rebuild from the claims."""

    def __init__(self, sequence: int, floor: int):
        super().__init__(f"index log compacted through {floor}; cannot resume after {sequence}")
        self.sequence = sequence
        self.floor = floor
