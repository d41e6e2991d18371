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
from embeddings.index import ClaimIndex, FaissClaimIndex, Hit

__all__ = [
    "PACKAGED_MODEL_NAME",
    "CachingEncoder",
    "ClaimIndex",
    "Encoder",
    "EncoderLoadError",
    "FaissClaimIndex",
    "HashingEncoder",
    "Hit",
    "SentenceTransformerEncoder",
    "Vectors",
    "packaged_model_path",
    "vectors_in_order",
]
