"""Claim vectors at rest: float16 bytes in the database, float32 arrays everywhere else.

Half precision halves the bytes a claim's vector takes (768 instead of 1,536 for MiniLM's
384 dimensions). Unit-length embeddings lose about 1e-4 of cosine to the rounding, far below
the differences that rank neighbours (README: "Storage backends").
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from embeddings import Vectors

STORED_DTYPE = np.dtype("<f2")
"""Little-endian half precision, whatever the byte order of the host that wrote it."""
_LARGEST = float(np.finfo(STORED_DTYPE).max)


def to_stored(vector: np.ndarray) -> bytes:
    """The bytes stored for one vector; ValueError when a value is beyond float16's range."""
    values = np.asarray(vector, dtype=np.float32)
    if not np.all(np.abs(values) <= _LARGEST):
        raise ValueError("a vector value is not finite or beyond the float16 range (±65504)")
    return values.astype(STORED_DTYPE).tobytes()


def from_stored(blob: bytes) -> Vectors:
    """One stored vector as float32."""
    return np.frombuffer(blob, dtype=STORED_DTYPE).astype(np.float32)


def stack_stored(blobs: Iterable[bytes]) -> Vectors:
    """Stored vectors as the rows of one float32 matrix ((0, 0) when there are none).

    The blobs are joined and converted at once: a restart's log replay stacks tens of
    thousands of them, and an array per row cost twice the time."""
    rows = list(blobs)
    if not rows:
        return np.zeros((0, 0), dtype=np.float32)
    width = len(rows[0])
    if any(len(blob) != width for blob in rows):
        raise ValueError("stored vectors differ in length")
    joined = np.frombuffer(b"".join(rows), dtype=STORED_DTYPE)
    return joined.reshape(len(rows), -1).astype(np.float32)


def float32_blob_to_stored(blob: bytes) -> bytes:
    """A vector written as float32 bytes (before vectors were kept at half precision)."""
    return to_stored(np.frombuffer(blob, dtype=np.float32))
