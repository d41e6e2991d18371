"""The claim index opens (snapshot loaded, index log replayed) while the models load, and the
worker is ready only once both are done."""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from api.config import Config, TestConfig
from api.registry import Registry
from claims.model import Claim
from crosscheck.corpus import ENCODER_META_KEY, Corpus
from crosscheck.errors import ResourceUnavailable
from embeddings import (
    Encoder,
    EncoderLoadError,
    HashingEncoder,
    sentence_encoder_name,
)
from storage import ArticleRecord, SqliteStore

DIMENSION = 32
TEXTS = ["Troops massed at the border.", "Rain fell in the valley overnight."]


class NamedHashingEncoder(HashingEncoder):
    """Stands for the sentence-transformers model in these tests (no weights to load)."""

    def __init__(self, name: str, dimension: int = DIMENSION):
        super().__init__(dimension)
        self._given_name = name

    @property
    def name(self) -> str:
        return self._given_name


def model_files(folder: Path, dimension: int = DIMENSION) -> Path:
    """The config files of a sentence-transformers folder (Transformer, mean Pooling,
    Normalize), no weights: enough for the registry to tell the encoder's dimension."""
    folder.mkdir(parents=True)
    (folder / "config.json").write_text("{}")
    layout = [("", "Transformer"), ("1_Pooling", "Pooling"), ("2_Normalize", "Normalize")]
    modules = [
        {"idx": idx, "name": str(idx), "path": path, "type": f"sentence_transformers.models.{kind}"}
        for idx, (path, kind) in enumerate(layout)
    ]
    (folder / "modules.json").write_text(json.dumps(modules))
    (folder / "1_Pooling").mkdir()
    pooling = {"word_embedding_dimension": dimension, "pooling_mode_mean_tokens": True}
    (folder / "1_Pooling" / "config.json").write_text(json.dumps(pooling))
    return folder


def config_for(tmp_path: Path) -> Config:
    model = model_files(tmp_path / "model")
    return TestConfig(data_dir=tmp_path / "data").with_changes(
        encoder="minilm", model_path=str(model)
    )


def store_with_snapshot_and_log(config: Config, encoder: Encoder) -> int:
    """A store with a snapshot of its index and, after it, one more article in the log only;
    returns how many claims it holds."""
    store = SqliteStore(config.database_path)
    save(store, "a", TEXTS, encoder)
    Corpus(store, encoder, config.index_path).save()
    save(store, "b", ["A bridge reopened after repairs."], encoder)
    count = store.count_claims()
    store.close()
    return count


def save(store: SqliteStore, article_id: str, texts: list[str], encoder: Encoder) -> None:
    claims = [Claim(text, 0, len(text)) for text in texts]
    record = ArticleRecord(article_id, "Outlet", " ".join(texts))
    store.save_article(record, claims, encoder.encode(texts))


def load_encoder_with(
    monkeypatch: pytest.MonkeyPatch, load: Callable[[str, str | None, int], Encoder]
) -> None:
    monkeypatch.setattr("api.registry._load_sentence_encoder", load)


def loading(encoder: Encoder) -> Callable[[str, str | None, int], Encoder]:
    def load(path: str, name: str | None, threads: int = 1) -> Encoder:
        return encoder

    return load


def test_the_index_opens_and_replays_the_log_while_the_encoder_loads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = config_for(tmp_path)
    encoder = NamedHashingEncoder(sentence_encoder_name(config.model_path or ""))
    claims = store_with_snapshot_and_log(config, encoder)
    opened = threading.Event()
    open_corpus = Registry._open_corpus

    def open_and_tell(registry: Registry, store: SqliteStore, awaited: Encoder) -> Corpus:
        corpus = open_corpus(registry, store, awaited)
        opened.set()
        return corpus

    def load_once_the_corpus_is_open(path: str, name: str | None, threads: int = 1) -> Encoder:
        assert opened.wait(timeout=60), "the corpus did not open while the encoder loaded"
        return encoder

    monkeypatch.setattr(Registry, "_open_corpus", open_and_tell)
    load_encoder_with(monkeypatch, load_once_the_corpus_is_open)
    registry = Registry(config)

    registry.load_all()

    corpus = registry.corpus
    assert registry.models_loaded
    assert corpus.rebuilds == 0  # the snapshot was loaded
    assert len(corpus.index) == claims  # and the article after it replayed from the log
    hit = corpus.search(encoder.encode(["A bridge reopened after repairs."]), 1)[0][0]
    assert registry.store.claims_by_key([hit[0]])[hit[0]].text == "A bridge reopened after repairs."
    registry.close()


def test_claims_of_another_encoder_are_re_embedded_once_the_encoder_has_loaded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = config_for(tmp_path)
    encoder = NamedHashingEncoder(sentence_encoder_name(config.model_path or ""))
    store_with_snapshot_and_log(config, HashingEncoder(dimension=16))
    load_encoder_with(monkeypatch, loading(encoder))
    registry = Registry(config)

    registry.load_all()

    assert registry.store.get_meta(ENCODER_META_KEY) == encoder.name
    _, vectors = registry.store.vectors()
    assert vectors.shape[1] == DIMENSION
    assert registry.corpus.index.dimension == DIMENSION
    registry.close()


def test_an_encoder_unlike_its_files_opens_the_index_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    config = config_for(tmp_path)
    encoder = NamedHashingEncoder(sentence_encoder_name(config.model_path or ""), dimension=48)
    claims = store_with_snapshot_and_log(config, encoder)
    load_encoder_with(monkeypatch, loading(encoder))
    registry = Registry(config)

    with caplog.at_level(logging.WARNING, logger="api.registry"):
        registry.load_all()

    assert "opening the vector index again" in caplog.text
    assert registry.corpus.index.dimension == 48
    assert len(registry.corpus.index) == claims
    registry.close()


def test_an_encoder_that_fails_to_load_fails_the_start_and_frees_the_corpus_thread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = config_for(tmp_path)
    store_with_snapshot_and_log(config, HashingEncoder(dimension=16))  # to re-embed: waits

    def fail(path: str, name: str | None, threads: int = 1) -> Encoder:
        raise EncoderLoadError("weights missing")

    load_encoder_with(monkeypatch, fail)
    registry = Registry(config)

    with pytest.raises(ResourceUnavailable, match="weights missing"):
        registry.load_all()

    assert not registry.models_loaded
    for thread in threading.enumerate():
        if thread.name == "corpus-open":
            thread.join(timeout=60)
            assert not thread.is_alive()
