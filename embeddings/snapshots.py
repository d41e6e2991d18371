"""Index snapshots: one file holding the trained base, its tombstones, the delta and the
caller's metadata (such as the index log position it reflects), so they cannot disagree.

A snapshot is written to a file of its own and renamed over the old one, so a reader sees
the old snapshot or the new one, never half of one, even with several processes writing.
"""

from __future__ import annotations

import json
import os
import threading
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import faiss
import numpy as np
import numpy.typing as npt

from embeddings.encoder import Vectors

FORMAT = "crosscheck-claim-index/1"


class SnapshotUnreadable(ValueError):
    """The file is missing, damaged or not an index snapshot."""


@dataclass(frozen=True)
class IndexSnapshot:
    """A claim index frozen at one point: ``base`` is never changed once built, the arrays
    are copies."""

    base: faiss.Index
    base_keys: npt.NDArray[np.int64]
    dead: npt.NDArray[np.int64]
    delta_keys: npt.NDArray[np.int64]
    delta_vectors: Vectors

    def write(self, path: Path, meta: Mapping[str, Any]) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f"{path.name}.{os.getpid()}.{threading.get_ident()}.partial")
        try:
            with partial.open("wb") as file:
                np.savez(
                    file,
                    format=np.array(FORMAT),
                    meta=np.array(json.dumps(dict(meta))),
                    base=faiss.serialize_index(self.base),
                    base_keys=self.base_keys,
                    dead=self.dead,
                    delta_keys=self.delta_keys,
                    delta_vectors=self.delta_vectors,
                )
                file.flush()
                os.fsync(file.fileno())
            partial.replace(path)
        finally:
            partial.unlink(missing_ok=True)


def read_snapshot(path: Path) -> tuple[IndexSnapshot, dict[str, Any]]:
    """The snapshot at ``path`` and the metadata written with it."""
    try:
        with np.load(path, allow_pickle=False) as archive:
            if str(archive["format"]) != FORMAT:
                raise SnapshotUnreadable(f"{path} is not a claim index snapshot")
            meta = json.loads(str(archive["meta"]))
            snapshot = IndexSnapshot(
                base=faiss.deserialize_index(archive["base"]),
                base_keys=archive["base_keys"].astype(np.int64),
                dead=archive["dead"].astype(np.int64),
                delta_keys=archive["delta_keys"].astype(np.int64),
                delta_vectors=archive["delta_vectors"].astype(np.float32),
            )
    except (OSError, KeyError, ValueError, RuntimeError, EOFError, zipfile.BadZipFile) as error:
        if isinstance(error, SnapshotUnreadable):
            raise
        raise SnapshotUnreadable(f"cannot read the index snapshot {path}: {error}") from error
    if not isinstance(meta, dict):
        raise SnapshotUnreadable(f"{path}: metadata is not an object")
    return snapshot, meta
