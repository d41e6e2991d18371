"""The one place claim indexes are made: empty, built from stored vectors, or read back."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from embeddings.encoder import Vectors
from embeddings.index import ClaimIndex
from embeddings.kinds import IndexSettings
from embeddings.snapshots import read_snapshot
from embeddings.tiered import FaissClaimIndex


def empty_index(dimension: int, settings: IndexSettings) -> ClaimIndex:
    return FaissClaimIndex(dimension, settings)


def build_index(ids: Sequence[int], vectors: Vectors, settings: IndexSettings) -> ClaimIndex:
    """An index of these claims, of the kind their number calls for (``settings.kind``)."""
    return FaissClaimIndex.build(ids, vectors, settings)


def load_index(
    path: Path, settings: IndexSettings, compactions_held: bool = False
) -> tuple[ClaimIndex, dict[str, Any]]:
    """The index snapshot at ``path`` and its metadata; raises SnapshotUnreadable. With
    ``compactions_held`` the index starts no merge until its ``release_compactions``."""
    snapshot, meta = read_snapshot(path)
    return FaissClaimIndex.from_snapshot(snapshot, settings, compactions_held), meta
