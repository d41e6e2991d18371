"""A starting process holds the index merge its log replay makes due until it is ready to
serve, then merges; searches find every stored claim either way."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

from api.config import Config, TestConfig
from api.registry import Registry
from claims.model import Claim
from crosscheck.corpus import Corpus
from embeddings import Encoder, FaissClaimIndex, IndexSettings
from storage import ArticleRecord, SqliteStore

SNAPSHOT_TEXTS = ["Troops massed at the border.", "Rain fell in the valley overnight."]
LOGGED_TEXTS = ["A bridge reopened after repairs.", "The council approved new schools."]


def save(store: SqliteStore, article_id: str, texts: list[str], encoder: Encoder) -> None:
    claims = [Claim(text, 0, len(text)) for text in texts]
    record = ArticleRecord(article_id, "Outlet", " ".join(texts))
    store.save_article(record, claims, encoder.encode(texts))


def restart_after_a_crash(config: Config) -> None:
    """A snapshot of two claims, then two more stored that only the index log has (the
    process died before its next snapshot)."""
    first = Registry(config)
    encoder = first.encoder
    store = SqliteStore(config.database_path)
    save(store, "a", SNAPSHOT_TEXTS, encoder)
    Corpus(store, encoder, config.index_path).save()
    save(store, "b", LOGGED_TEXTS, encoder)
    store.close()


@pytest.fixture
def small_delta(monkeypatch: pytest.MonkeyPatch) -> None:
    """A delta limit of one claim: the replay of the log makes a merge due."""
    settings = functools.partial(IndexSettings, delta_limit=1, background=False)
    monkeypatch.setattr("api.preload.IndexSettings", settings)


def test_the_replay_merges_once_the_service_is_built_not_during_the_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, small_delta: None
) -> None:
    config = TestConfig(data_dir=tmp_path / "data")
    restart_after_a_crash(config)
    seen_during_the_start: list[tuple[bool, int]] = []
    build_stored_facts = Registry._build_stored_facts

    def build_and_look(registry: Registry) -> object:
        corpus = registry._built["corpus"]  # opened and replayed by now
        seen_during_the_start.append((corpus.background_held, corpus.index.compactions))
        return build_stored_facts(registry)

    monkeypatch.setattr(Registry, "_build_stored_facts", build_and_look)
    registry = Registry(config)

    registry.load_all()

    assert seen_during_the_start == [(True, 0)]  # replayed into the delta, not merged
    corpus = registry.corpus
    index = corpus.index
    assert isinstance(index, FaissClaimIndex)
    assert not corpus.background_held
    assert index.compactions == 1  # merged once ready
    assert index.snapshot().delta_keys.size == 0
    assert len(index) == len(SNAPSHOT_TEXTS) + len(LOGGED_TEXTS)
    registry.close()


def test_a_restarted_index_finds_every_stored_claim(tmp_path: Path, small_delta: None) -> None:
    config = TestConfig(data_dir=tmp_path / "data")
    restart_after_a_crash(config)
    registry = Registry(config)

    registry.load_all()

    for text in [*SNAPSHOT_TEXTS, *LOGGED_TEXTS]:
        key, similarity = registry.corpus.search(registry.encoder.encode([text]), 1)[0][0]
        assert registry.store.claims_by_key([key])[key].text == text
        assert similarity == pytest.approx(1.0, abs=1e-3)  # float16 at rest
    assert registry.corpus.rebuilds == 0  # from the snapshot and the log
    registry.close()


def test_a_corpus_opened_on_its_own_holds_nothing(tmp_path: Path, small_delta: None) -> None:
    config = TestConfig(data_dir=tmp_path / "data")
    restart_after_a_crash(config)
    registry = Registry(config)

    corpus = registry.corpus  # as the CLI's commands open it, with no service to wait for

    index = corpus.index
    assert isinstance(index, FaissClaimIndex)
    assert not corpus.background_held
    assert index.compactions == 1
    registry.close()
