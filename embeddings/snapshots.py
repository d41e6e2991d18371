"""Index snapshots: one file holding the trained base (with its re-ranking codes, if its kind
has them), its tombstones, the delta and the caller's metadata (such as the index log
position it reflects), so they cannot disagree.

A snapshot is written to a file of its own and renamed over the old one, so a reader sees
the old snapshot or the new one, never half of one, even with several processes writing.
The file of its own is named after the writing process, so the half-written files of a
process that died (``kill -9`` during a write) can be told apart and removed.
"""

from __future__ import annotations

import json
import os
import struct
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
from embeddings.kinds import kind_of, reranks
from embeddings.rerank import ScalarCodes

FORMAT = "crosscheck-claim-index/2"
READABLE_FORMATS = ("crosscheck-claim-index/1", FORMAT)  # /1: no re-ranking codes
PARTIAL = ".partial"


class SnapshotUnreadable(ValueError):
    """The file is missing, damaged or not an index snapshot."""


@dataclass(frozen=True)
class IndexSnapshot:
    """A claim index frozen at one point: ``base`` is never changed once built, the arrays
    are copies or (re-ranking codes read from a file) read-only mappings."""

    base: faiss.Index
    base_keys: npt.NDArray[np.int64]
    dead: npt.NDArray[np.int64]
    delta_keys: npt.NDArray[np.int64]
    delta_vectors: Vectors
    rerank: ScalarCodes | None = None

    def write(self, path: Path, meta: Mapping[str, Any]) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f"{path.name}.{os.getpid()}.{threading.get_ident()}{PARTIAL}")
        try:
            with partial.open("wb") as file:
                low, step, codes = _rerank_arrays(self.rerank)
                np.savez(
                    file,
                    format=np.array(FORMAT),
                    meta=np.array(json.dumps(dict(meta))),
                    base=faiss.serialize_index(self.base),
                    base_keys=self.base_keys,
                    dead=self.dead,
                    delta_keys=self.delta_keys,
                    delta_vectors=self.delta_vectors,
                    rerank_low=low,
                    rerank_step=step,
                    rerank_codes=codes,
                )
                file.flush()
                os.fsync(file.fileno())
            partial.replace(path)
        finally:
            partial.unlink(missing_ok=True)


def remove_stale_partials(path: Path) -> int:
    """Remove the half-written snapshot files beside ``path`` whose writing process no longer
    runs on this machine (it was killed mid-write); returns how many were removed."""
    removed = 0
    for partial in path.parent.glob(f"{path.name}.*{PARTIAL}"):
        pid = partial.name[len(path.name) + 1 :].split(".", 1)[0]
        if not pid.isdigit() or _running(int(pid)):
            continue
        try:
            partial.unlink()
        except FileNotFoundError:
            continue  # removed by another process starting at the same time
        removed += 1
    return removed


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # a process of another user
    return True


def read_snapshot(path: Path) -> tuple[IndexSnapshot, dict[str, Any]]:
    """The snapshot at ``path`` and the metadata written with it.

    The large arrays are mapped from the file rather than read through the archive. The
    re-ranking codes (384 bytes a claim, three quarters of the file) stay mapped: a search
    touches a few hundred rows of them, so a start does not wait for them, and the worker
    processes of one machine share their pages. The base and its ids are copied out of the
    mapping in one call each, where reading them through the archive held the interpreter
    for every chunk (a start opens the snapshot beside the app's imports). A snapshot is never
    written in place (a new one is renamed over it), so a mapped file stays whole."""
    try:
        with np.load(path, allow_pickle=False) as archive:
            if str(archive["format"]) not in READABLE_FORMATS:
                raise SnapshotUnreadable(f"{path} is not a claim index snapshot")
            meta = json.loads(str(archive["meta"]))
            snapshot = IndexSnapshot(
                base=faiss.deserialize_index(_member(archive, path, "base")),
                base_keys=_member(archive, path, "base_keys").astype(np.int64),
                dead=_member(archive, path, "dead").astype(np.int64),
                delta_keys=_member(archive, path, "delta_keys").astype(np.int64),
                delta_vectors=_member(archive, path, "delta_vectors").astype(np.float32),
                rerank=_rerank_codes(archive, path),
            )
    except (OSError, KeyError, ValueError, RuntimeError, EOFError, zipfile.BadZipFile) as error:
        if isinstance(error, SnapshotUnreadable):
            raise
        raise SnapshotUnreadable(f"cannot read the index snapshot {path}: {error}") from error
    if not isinstance(meta, dict):
        raise SnapshotUnreadable(f"{path}: metadata is not an object")
    if not _rerank_fits(snapshot):
        raise SnapshotUnreadable(f"{path}: re-ranking codes missing or not of the base's claims")
    return snapshot, meta


def _rerank_arrays(rerank: ScalarCodes | None) -> tuple[Vectors, Vectors, npt.NDArray[Any]]:
    """The re-ranking codes' arrays; empty ones for a base without them."""
    if rerank is None:
        nothing = np.zeros(0, dtype=np.float32)
        return nothing, nothing, np.zeros((0, 0), dtype=np.uint8)
    return rerank.low, rerank.step, rerank.codes


def _rerank_codes(archive: Any, path: Path) -> ScalarCodes | None:
    if "rerank_low" not in archive.files or archive["rerank_low"].size == 0:
        return None  # a base without re-ranking codes (or a snapshot of format /1)
    return ScalarCodes(
        low=archive["rerank_low"].astype(np.float32),
        step=archive["rerank_step"].astype(np.float32),
        codes=_member(archive, path, "rerank_codes").astype(np.uint8, copy=False),
    )


def _member(archive: Any, path: Path, name: str) -> npt.NDArray[Any]:
    """The array ``name``, mapped from the file where it can be, else read."""
    mapped = mapped_member(path, name)
    return archive[name] if mapped is None else mapped


_LOCAL_HEADER = struct.Struct("<4s22xHH")  # signature, ..., file name length, extra length
_LOCAL_SIGNATURE = b"PK\x03\x04"


def mapped_member(path: Path, name: str) -> npt.NDArray[Any] | None:
    """The array ``name`` of the ``.npz`` file at ``path``, mapped read-only from the file;
    None when it is compressed, empty or not of plain numbers (then it is read as usual)."""
    with zipfile.ZipFile(path) as archive:
        member = archive.getinfo(f"{name}.npy")
    if member.compress_type != zipfile.ZIP_STORED:
        return None
    with path.open("rb") as file:
        file.seek(member.header_offset)
        signature, name_length, extra_length = _LOCAL_HEADER.unpack(file.read(_LOCAL_HEADER.size))
        if signature != _LOCAL_SIGNATURE:
            raise ValueError(f"{name}: not a zip member header")
        file.seek(member.header_offset + _LOCAL_HEADER.size + name_length + extra_length)
        version = np.lib.format.read_magic(file)
        header = (
            np.lib.format.read_array_header_1_0
            if version == (1, 0)
            else np.lib.format.read_array_header_2_0
        )
        shape, fortran_order, dtype = header(file)
        offset = file.tell()
    if dtype.hasobject or dtype.kind not in "biuf" or fortran_order or not shape or 0 in shape:
        return None
    mapped: npt.NDArray[Any] = np.memmap(path, dtype, "r", offset, shape)
    return mapped


def _rerank_fits(snapshot: IndexSnapshot) -> bool:
    """Codes are there exactly when the base's kind re-ranks, one row per base claim."""
    rerank = snapshot.rerank
    if rerank is None:
        return not reranks(kind_of(snapshot.base))
    dimension = snapshot.base.d
    return (
        reranks(kind_of(snapshot.base))
        and rerank.codes.shape == (len(snapshot.base_keys), dimension)
        and rerank.low.shape == rerank.step.shape == (dimension,)
    )
