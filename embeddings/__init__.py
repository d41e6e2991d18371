"""Encoders and the claim index (no web code here)."""

from embeddings.cache import CachingEncoder, vectors_in_order
from embeddings.encoder import (
    PACKAGED_MODEL_NAME,
    Encoder,
    EncoderLoadError,
    HashingEncoder,
    SentenceTransformerEncoder,
    Vectors,
    packaged_model_path,
)
from embeddings.factory import build_index, empty_index, load_index
from embeddings.index import ClaimIndex, Hit
from embeddings.kinds import KINDS, IndexSettings, set_search_threads
from embeddings.snapshots import IndexSnapshot, SnapshotUnreadable, remove_stale_partials
from embeddings.tiered import FaissClaimIndex

__all__ = [
    "KINDS",
    "PACKAGED_MODEL_NAME",
    "CachingEncoder",
    "ClaimIndex",
    "Encoder",
    "EncoderLoadError",
    "FaissClaimIndex",
    "HashingEncoder",
    "Hit",
    "IndexSettings",
    "IndexSnapshot",
    "SentenceTransformerEncoder",
    "SnapshotUnreadable",
    "Vectors",
    "build_index",
    "empty_index",
    "load_index",
    "packaged_model_path",
    "remove_stale_partials",
    "set_search_threads",
    "vectors_in_order",
]
