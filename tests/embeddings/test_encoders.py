from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from embeddings import EncoderLoadError, HashingEncoder, SentenceTransformerEncoder
from embeddings.encoder import length_chunks


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


def tiny_model(folder: Path) -> Path:
    """A tiny BERT sentence-transformers model saved under ``folder`` (no download)."""
    from sentence_transformers import SentenceTransformer, models
    from transformers import BertConfig, BertModel, BertTokenizerFast

    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "troops", "border", "rain", "the", "at"]
    (folder / "vocab.txt").write_text("\n".join(vocab), encoding="utf-8")
    tokenizer = BertTokenizerFast(vocab_file=str(folder / "vocab.txt"))
    config = BertConfig(
        vocab_size=len(vocab),
        hidden_size=16,
        num_hidden_layers=1,
        num_attention_heads=2,
        intermediate_size=32,
    )
    bert_dir = folder / "bert"
    BertModel(config).save_pretrained(bert_dir)
    tokenizer.save_pretrained(bert_dir)
    transformer = models.Transformer(str(bert_dir))
    model_dir = folder / "model"
    SentenceTransformer(modules=[transformer, models.Pooling(16)]).save(str(model_dir))
    return model_dir


def test_sentence_transformer_encoder_loads_a_model_built_here(tmp_path: Path) -> None:
    """The loading code, exercised on a tiny BERT the test builds itself (no download)."""
    encoder = SentenceTransformerEncoder(tiny_model(tmp_path))
    vectors = encoder.encode(["the troops at the border", "rain"])
    assert encoder.dimension == 16
    assert vectors.shape == (2, 16)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_an_encode_split_across_threads_gives_each_text_its_own_vector(tmp_path: Path) -> None:
    texts = [
        "the troops at the border",
        "rain",
        "rain at the border",
        "the troops",
        "troops troops troops at the border at the border",
        "the rain at the border",
        "border",
    ]
    model = tiny_model(tmp_path)
    whole = SentenceTransformerEncoder(model).encode(texts)
    split = SentenceTransformerEncoder(model, threads=2)

    assert split.threads == 2
    assert np.allclose(split.encode(texts), whole, atol=1e-5)
    assert np.allclose(split.encode(texts[:1]), whole[:1], atol=1e-5)
    assert split.encode([]).shape == (0, 16)


def test_length_chunks_group_texts_of_similar_length_longest_first() -> None:
    lengths = [5, 40, 12, 41, 6, 39, 13, 7]

    chunks = length_chunks(lengths, threads=2, batch_size=64)

    assert sorted(p for chunk in chunks for p in chunk) == list(range(len(lengths)))
    assert chunks == [[3, 1], [5, 6], [2, 7], [4, 0]]
    assert length_chunks(lengths, threads=1, batch_size=3) == [[3, 1, 5], [6, 2, 7], [4, 0]]
    assert length_chunks([9], threads=4, batch_size=64) == [[0]]
