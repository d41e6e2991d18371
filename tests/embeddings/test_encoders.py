from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from embeddings import EncoderLoadError, HashingEncoder, SentenceTransformerEncoder


def test_hashing_encoder_is_deterministic_and_normalised() -> None:
    encoder = HashingEncoder(dimension=64)
    first = encoder.encode(["Troops gathered at the border.", "Rain fell in the valley."])
    second = HashingEncoder(dimension=64).encode(
        ["Troops gathered at the border.", "Rain fell in the valley."]
    )
    assert first.shape == (2, 64) and first.dtype == np.float32
    assert np.allclose(first, second)
    assert np.allclose(np.linalg.norm(first, axis=1), 1.0, atol=1e-5)


def test_hashing_encoder_ranks_shared_wording_higher() -> None:
    encoder = HashingEncoder()
    query, close, far = encoder.encode(
        [
            "Troops gathered at the border on Monday.",
            "Troops gathered at the border.",
            "Rain fell in the valley.",
        ]
    )
    assert query @ close > query @ far


def test_empty_input_gives_empty_matrix() -> None:
    assert HashingEncoder(dimension=8).encode([]).shape == (0, 8)


def test_sentence_transformer_encoder_refuses_a_folder_without_a_model(tmp_path: Path) -> None:
    with pytest.raises(EncoderLoadError):
        SentenceTransformerEncoder(tmp_path)


def test_sentence_transformer_encoder_loads_a_model_built_here(tmp_path: Path) -> None:
    """The loading code, exercised on a tiny BERT the test builds itself (no download)."""
    from sentence_transformers import SentenceTransformer, models
    from transformers import BertConfig, BertModel, BertTokenizerFast

    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "troops", "border", "rain", "the", "at"]
    (tmp_path / "vocab.txt").write_text("\n".join(vocab), encoding="utf-8")
    tokenizer = BertTokenizerFast(vocab_file=str(tmp_path / "vocab.txt"))
    config = BertConfig(
        vocab_size=len(vocab),
        hidden_size=16,
        num_hidden_layers=1,
        num_attention_heads=2,
        intermediate_size=32,
    )
    bert_dir = tmp_path / "bert"
    BertModel(config).save_pretrained(bert_dir)
    tokenizer.save_pretrained(bert_dir)
    transformer = models.Transformer(str(bert_dir))
    model_dir = tmp_path / "model"
    SentenceTransformer(modules=[transformer, models.Pooling(16)]).save(str(model_dir))

    encoder = SentenceTransformerEncoder(model_dir)
    vectors = encoder.encode(["the troops at the border", "rain"])
    assert encoder.dimension == 16
    assert vectors.shape == (2, 16)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
