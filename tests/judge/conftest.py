"""A tiny BERT NLI cross-encoder written to a temp dir once per session."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import torch
from transformers import BertConfig, BertForSequenceClassification, BertTokenizer

WORDS = [
    "russia",
    "troops",
    "said",
    "not",
    "more",
    "than",
    "30",
    "000",
    ",",
    ".",
    "blinken",
    "lavrov",
    "call",
    "will",
    "may",
]
VOCAB = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *WORDS]
NLI_LABELS = {0: "entailment", 1: "neutral", 2: "contradiction"}


def save_tiny_model(directory: Path, id2label: dict[int, str]) -> Path:
    """Save a randomly initialised (seeded) 2-layer BERT classifier and its tokenizer."""
    torch.manual_seed(0)
    config = BertConfig(
        vocab_size=len(VOCAB),
        hidden_size=32,
        num_hidden_layers=2,
        num_attention_heads=2,
        intermediate_size=64,
        max_position_embeddings=64,
        id2label=id2label,
        label2id={name: index for index, name in id2label.items()},
    )
    BertForSequenceClassification(config).save_pretrained(directory)
    tokenizer = BertTokenizer(vocab={word: index for index, word in enumerate(VOCAB)})
    tokenizer.save_pretrained(directory)
    return directory


@pytest.fixture(scope="session")
def tiny_nli_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return save_tiny_model(tmp_path_factory.mktemp("tiny-nli"), NLI_LABELS)


TinyModelFactory = Callable[[Path, dict[int, str]], Path]


@pytest.fixture
def tiny_model_factory() -> TinyModelFactory:
    """Builds a tiny model with the given labels in a directory (for label-lookup tests)."""
    return save_tiny_model
