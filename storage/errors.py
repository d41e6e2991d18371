"""Errors the store raises."""

from __future__ import annotations


class IndexLogCompacted(Exception):
    """The index log no longer holds every change after ``sequence``: entries up to ``floor``
    were dropped by compaction, so a reader at ``sequence`` must rebuild from the claims."""

    def __init__(self, sequence: int, floor: int):
        super().__init__(f"index log compacted through {floor}; cannot resume after {sequence}")
        self.sequence = sequence
        self.floor = floor
