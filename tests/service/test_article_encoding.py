"""A checked or indexed article's claims are encoded in small batches of similar length."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from claims import extract_article
from comparison.model import ClaimInput, Comparison
from crosscheck.corpus import Corpus
from crosscheck.service import ARTICLE_ENCODE_BATCH, ArticleInput, ConsistencyService
from embeddings import HashingEncoder, Vectors
from storage import LexicalHit, SqliteStore

WORDS = "the council said on monday that new schools would open across the valley in march"


class RecordingEncoder(HashingEncoder):
    """The hashing encoder, keeping the texts of each call."""

    def __init__(self) -> None:
        super().__init__(dimension=64)
        self.calls: list[list[str]] = []

    def encode(self, texts: Sequence[str]) -> Vectors:
        self.calls.append(list(texts))
        return super().encode(texts)


class NoComparator:
    def compare(self, a: ClaimInput, b: ClaimInput, similarity: float | None = None) -> Comparison:
        raise AssertionError("nothing to compare in an empty corpus")

    def prime(self, claims: Sequence[ClaimInput]) -> None:
        pass


def service(path: Path, encoder: RecordingEncoder) -> ConsistencyService:
    store = SqliteStore(path)
    return ConsistencyService(
        store, Corpus(store, encoder, None), encoder, NoComparator(), extract_article
    )


def article(claims: int) -> ArticleInput:
    """Claims of lengths out of order: 3 to 14 words, shuffled."""
    words = WORDS.split()
    lengths = [3 + (7 * n) % 12 for n in range(claims)]
    text = " ".join(f"Claim {n} of {' '.join(words[:size])}." for n, size in enumerate(lengths))
    return ArticleInput(source="Wire", id="a", text=text)


def test_a_check_encodes_its_claims_in_small_batches_by_length(tmp_path: Path) -> None:
    encoder = RecordingEncoder()
    draft = article(20)
    service(tmp_path / "db.sqlite3", encoder).check_article(draft)
    texts = [claim.text for claim in extract_article(text=draft.text).claims]
    assert len(texts) == 20
    assert all(len(call) <= ARTICLE_ENCODE_BATCH for call in encoder.calls)
    assert len(encoder.calls) == 3
    encoded = [text for call in encoder.calls for text in call]
    assert sorted(encoded) == sorted(texts)
    assert [len(text) for text in encoded] == sorted(len(text) for text in texts)


def test_an_indexed_articles_vectors_stay_in_claim_order(tmp_path: Path) -> None:
    encoder = RecordingEncoder()
    checked = service(tmp_path / "db.sqlite3", encoder)
    stored, _ = checked.index_article(article(11))
    texts = [claim.text for claim in stored.claims]
    vectors = SqliteStore(tmp_path / "db.sqlite3").article_vectors("a")
    # float16 at rest
    assert np.allclose(vectors, HashingEncoder(dimension=64).encode(texts), atol=1e-3)
    assert len(encoder.calls) == 2


class GatedEncoder(RecordingEncoder):
    """Encodes only once the store's lexical search has started: a check that searched only
    after encoding would wait here for ever (the gate times out instead)."""

    def __init__(self, searched: threading.Event) -> None:
        super().__init__()
        self._searched = searched

    def encode(self, texts: Sequence[str]) -> Vectors:
        if not self._searched.wait(timeout=10):
            raise AssertionError("the lexical search did not run while the draft was encoded")
        return super().encode(texts)


class SearchSignallingStore(SqliteStore):
    def __init__(self, path: Path, searched: threading.Event) -> None:
        super().__init__(path)
        self._searched = searched

    def lexical_search(
        self, texts: Sequence[str], limit: int, exclude_article: str | None = None
    ) -> list[list[LexicalHit]]:
        self._searched.set()
        return super().lexical_search(texts, limit, exclude_article)


def test_a_check_searches_its_claims_by_words_while_it_encodes_them(tmp_path: Path) -> None:
    searched = threading.Event()
    encoder = GatedEncoder(searched)
    store = SearchSignallingStore(tmp_path / "db.sqlite3", searched)
    checking = ConsistencyService(
        store, Corpus(store, encoder, None), encoder, NoComparator(), extract_article
    )

    report = checking.check_article(article(5))

    assert len(report.claims) == 5
