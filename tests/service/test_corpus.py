from __future__ import annotations

from pathlib import Path

import numpy as np

from claims.model import Claim
from crosscheck.corpus import Corpus
from embeddings import HashingEncoder
from storage import ArticleRecord, SqliteStore

ENCODER = HashingEncoder(dimension=32)
TEXTS = ["Troops massed at the border.", "Rain fell in the valley overnight."]


def save(store: SqliteStore, article_id: str, texts: list[str]) -> None:
    claims = [Claim(text, 0, len(text)) for text in texts]
    store.save_article(
        ArticleRecord(article_id, "Outlet", " ".join(texts)), claims, ENCODER.encode(texts)
    )


def top_hit(corpus: Corpus, text: str) -> int:
    return corpus.search(ENCODER.encode([text]), 1)[0][0][0]


def test_index_is_built_from_the_store_and_follows_writes(tmp_path: Path) -> None:
    store = SqliteStore(tmp_path / "db.sqlite3")
    save(store, "a", TEXTS)
    corpus = Corpus(store, ENCODER, tmp_path / "claims.faiss")
    assert len(corpus.index) == 2
    save(store, "b", ["A bridge reopened after repairs."])
    assert store.claims_by_key([top_hit(corpus, "A bridge reopened after repairs.")])
    store.delete_article("a")
    corpus.sync()
    assert len(corpus.index) == 1


def test_a_second_process_sees_writes_through_the_log(tmp_path: Path) -> None:
    writer_store = SqliteStore(tmp_path / "db.sqlite3")
    reader = Corpus(SqliteStore(tmp_path / "db.sqlite3"), ENCODER, None)
    save(writer_store, "a", TEXTS)
    assert len(reader.search(ENCODER.encode(TEXTS[:1]), 5)[0]) == 2


def test_saved_cache_is_reused_and_caught_up(tmp_path: Path) -> None:
    store = SqliteStore(tmp_path / "db.sqlite3")
    save(store, "a", TEXTS)
    Corpus(store, ENCODER, tmp_path / "claims.faiss").save()
    save(store, "b", ["A bridge reopened after repairs."])
    reopened = Corpus(store, ENCODER, tmp_path / "claims.faiss")
    assert len(reopened.index) == 3


def test_missing_or_corrupt_cache_is_rebuilt(tmp_path: Path) -> None:
    store = SqliteStore(tmp_path / "db.sqlite3")
    save(store, "a", TEXTS)
    corpus = Corpus(store, ENCODER, tmp_path / "claims.faiss")
    corpus.save()
    (tmp_path / "claims.faiss").write_bytes(b"garbage")
    assert len(Corpus(store, ENCODER, tmp_path / "claims.faiss").index) == 2
    (tmp_path / "claims.faiss").unlink()
    assert len(Corpus(store, ENCODER, tmp_path / "claims.faiss").index) == 2


def test_changing_encoder_re_embeds_the_stored_claims(tmp_path: Path) -> None:
    store = SqliteStore(tmp_path / "db.sqlite3")
    save(store, "a", TEXTS)
    other = HashingEncoder(dimension=16)
    corpus = Corpus(store, other, tmp_path / "claims.faiss")
    assert corpus.index.dimension == 16
    _, vectors = store.vectors()
    assert vectors.shape == (2, 16)
    assert np.allclose(vectors, other.encode(TEXTS), atol=1e-3)  # compact at rest
