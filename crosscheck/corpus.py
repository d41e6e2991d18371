"""The searchable corpus: the FAISS index kept in step with the SQLite store.

The store is the source of truth. The index file on disk is a cache: it is loaded when its
recorded position in the store's index log is still valid, brought up to date from the log,
and rebuilt from the stored vectors when missing, unreadable or made with another encoder,
or when it fell behind the log's floor (entries it still needed were compacted away).
"""

from __future__ import annotations

import json
import logging
import threading
from pathlib import Path

from embeddings import ClaimIndex, Encoder, FaissClaimIndex, Hit, Vectors
from storage import ArticleStore, IndexLogCompacted

log = logging.getLogger(__name__)

ENCODER_META_KEY = "encoder"


class Corpus:
    def __init__(self, store: ArticleStore, encoder: Encoder, index_path: Path | None):
        self._store = store
        self._encoder = encoder
        self._index_path = index_path
        self._lock = threading.RLock()
        self.rebuilds = 0
        """How many times this corpus built its index from the stored vectors."""
        self._ensure_vectors_match_encoder()
        self._index, self._applied = self._open_index()
        self.sync()

    @property
    def index(self) -> ClaimIndex:
        return self._index

    def search(self, vectors: Vectors, k: int) -> list[list[Hit]]:
        self.sync()
        return self._index.search(vectors, k)

    def sync(self) -> None:
        """Apply store writes (from this or another process) that the index has not seen."""
        with self._lock:
            try:
                changes = self._store.changes_after(self._applied)
            except IndexLogCompacted as behind:
                log.info(
                    "vector index at %d is behind the index log floor %d, rebuilding",
                    behind.sequence,
                    behind.floor,
                )
                self._index, self._applied = self._rebuild()
                self.sync()
                return
            if not changes:
                return
            latest: dict[int, str] = {}
            for change in changes:
                latest[change.claim_key] = change.operation
            self._index.remove([key for key, op in latest.items() if op == "remove"])
            keys, vectors = self._store.vectors([key for key, op in latest.items() if op == "add"])
            if keys:
                self._index.add(keys, vectors)
            self._applied = changes[-1].sequence

    def save(self) -> None:
        if self._index_path is None:
            return
        with self._lock:
            self.sync()
            self._index.save(self._index_path)
            self._state_path().write_text(
                json.dumps({"sequence": self._applied, "encoder": self._encoder.name}),
                encoding="utf-8",
            )

    def _open_index(self) -> tuple[ClaimIndex, int]:
        cached = self._load_cached_index()
        if cached is not None:
            return cached
        return self._rebuild()

    def _load_cached_index(self) -> tuple[ClaimIndex, int] | None:
        if self._index_path is None or not self._index_path.is_file():
            return None
        try:
            state = json.loads(self._state_path().read_text(encoding="utf-8"))
            index = FaissClaimIndex.load(self._index_path)
        except (OSError, ValueError, RuntimeError) as error:
            log.warning("vector index cache unreadable, rebuilding: %s", error)
            return None
        sequence = int(state.get("sequence", -1))
        in_step = (
            state.get("encoder") == self._encoder.name
            and index.dimension == self._encoder.dimension
            and self._store.log_floor() <= sequence <= self._store.last_change()
        )
        if not in_step:
            log.info("vector index cache out of step with the store, rebuilding")
            return None
        return index, sequence

    def _rebuild(self) -> tuple[ClaimIndex, int]:
        self.rebuilds += 1
        index = FaissClaimIndex(self._encoder.dimension)
        sequence = self._store.last_change()
        keys, vectors = self._store.vectors()
        if keys:
            index.add(keys, vectors)
        log.info("vector index built from the store: %d claims", len(keys))
        return index, sequence

    def _ensure_vectors_match_encoder(self) -> None:
        """Re-embed stored claims when they were embedded by another encoder."""
        stored_by = self._store.get_meta(ENCODER_META_KEY)
        if stored_by == self._encoder.name:
            return
        keys, texts = self._store.all_claim_texts()
        if keys:
            log.info(
                "re-embedding %d claims: encoder %s -> %s", len(keys), stored_by, self._encoder.name
            )
            self._store.replace_vectors(keys, self._encoder.encode(texts))
        self._store.set_meta(ENCODER_META_KEY, self._encoder.name)

    def _state_path(self) -> Path:
        assert self._index_path is not None
        return self._index_path.with_suffix(".state.json")
