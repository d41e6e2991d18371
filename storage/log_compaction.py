"""When to compact the index log, and how far.

Every claim written or removed appends to the index log, so without compaction it grows with
every revision and deletion. Compaction drops the oldest entries and raises the log floor:
a process whose index is behind the floor rebuilds it from the claims table (which holds
every live claim's vector); one within the kept tail still catches up from the log. Any
floor is therefore correct; the policy only trades log size against rebuilds.
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass

from storage.base import ArticleStore
from storage.errors import StoreError

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class LogCompaction:
    """Compact once the log holds more than ``slack`` entries beyond the live claim count
    (so it stays within live claims + ``slack``), keeping the newest ``keep`` entries for
    processes only slightly behind. ``keep`` below ``slack`` makes each compaction drop
    at least ``slack - keep`` entries, so compactions are rare and never tiny."""

    slack: int = 50_000
    keep: int = 10_000

    def __post_init__(self) -> None:
        if not 0 < self.keep < self.slack:
            raise ValueError(f"need 0 < keep < slack, got keep={self.keep} slack={self.slack}")


def compact_index_log(store: ArticleStore, policy: LogCompaction) -> int:
    """Compact the index log when the policy says it is due; returns the entries dropped.

    Cheap when nothing is due: the log holds at most ``last - floor`` entries, so two
    single-row lookups usually settle it before anything is counted. Housekeeping never
    fails the write that triggered it: database errors are logged and skipped.
    """
    try:
        last = store.last_change()
        if last - store.log_floor() <= policy.slack:
            return 0
        if store.count_log_entries() <= store.count_claims() + policy.slack:
            return 0
        dropped = store.truncate_log(last - policy.keep)
    except (sqlite3.Error, StoreError) as error:
        log.warning("index log compaction skipped: %s", error)
        return 0
    log.info(
        "index log compacted: %d entries dropped through sequence %d", dropped, last - policy.keep
    )
    return dropped
