"""Encoders and the claim index (no web code here)."""

from embeddings.encoder import (
    Encoder,
    EncoderLoadError,
    HashingEncoder,
    SentenceTransformerEncoder,
    Vectors,
    packaged_model_path,
)
from embeddings.index import ClaimIndex, FaissClaimIndex, Hit

__all__ = [
    "ClaimIndex",
    "Encoder",
    "EncoderLoadError",
    "FaissClaimIndex",
    "HashingEncoder",
    "Hit",
    "SentenceTransformerEncoder",
    "Vectors",
    "packaged_model_path",
]
