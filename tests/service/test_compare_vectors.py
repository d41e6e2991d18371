"""POST /v1/compare's work: stored vectors for indexed claim texts, cached ones for repeats,
and one parse batch for the two claims."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pytest

from api.config import TestConfig
from api.registry import Registry
from comparison.model import ClaimInput, Comparison
from crosscheck.corpus import ENCODER_META_KEY
from crosscheck.errors import ResourceUnavailable
from crosscheck.service import ArticleInput, PairComparator
from embeddings import HashingEncoder
from tests.embeddings.counting import CountingEncoder

ARTICLE = (
    "More than 40,000 homes lost power on Tuesday after a storm crossed the coast, "
    "the utility said. Crews expect to restore service to most customers by Thursday. "
    "The mayor said schools will stay closed for two days."
)
FRESH = "About 25,000 homes lost power on Tuesday after the storm, the utility said."


RegistryFactory = Callable[..., tuple[Registry, CountingEncoder]]


@pytest.fixture
def make_registry(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[RegistryFactory]:
    """Registries on the test settings whose encoder is a CountingEncoder (returned with it)."""
    built: list[Registry] = []

    def build(**changes: object) -> tuple[Registry, CountingEncoder]:
        counting = CountingEncoder()
        config = TestConfig(data_dir=tmp_path / f"data{len(built)}").with_changes(**changes)
        registry = Registry(config)
        monkeypatch.setattr(registry, "_load_encoder", lambda: counting)
        built.append(registry)
        return registry, counting

    yield build
    for registry in built:
        registry.close()


def index(registry: Registry) -> list[str]:
    stored, _ = registry.service.index_article(
        ArticleInput(source="Outlet", text=ARTICLE, published_at="2026-03-03")
    )
    return [claim.text for claim in stored.claims]


def compare(registry: Registry, a: str, b: str) -> tuple[float, object]:
    return registry.service.compare_claims(ClaimInput(a, None), ClaimInput(b, None))


HALF_PRECISION = 1e-3
"""Stored vectors are float16 (storage/vectors_at_rest.py): cosines move by about 1e-4."""


def fresh_similarity(a: str, b: str) -> float:
    first, second = HashingEncoder().encode([a, b])
    return round(float(first @ second), 4)


def test_indexed_claim_texts_are_not_encoded_again(make_registry: RegistryFactory) -> None:
    registry, counting = make_registry(embedding_cache_size=0)
    claims = index(registry)
    counting.batches.clear()

    similarity, _ = compare(registry, claims[0], FRESH)
    assert counting.encoded == [FRESH]
    assert similarity == pytest.approx(fresh_similarity(claims[0], FRESH), abs=HALF_PRECISION)

    similarity, _ = compare(registry, claims[0], claims[2])
    assert counting.encoded == [FRESH]
    assert similarity == pytest.approx(fresh_similarity(claims[0], claims[2]), abs=HALF_PRECISION)


def test_results_equal_those_of_a_server_that_encodes_all(make_registry: RegistryFactory) -> None:
    reusing, _ = make_registry()
    claims = index(reusing)
    encoding, _ = make_registry(embedding_cache_size=0)
    pairs = [(claims[0], FRESH), (claims[0], claims[2]), (FRESH, claims[1]), (FRESH, FRESH)]
    for a, b in pairs + pairs:
        (reused, reused_comparison), (encoded, encoded_comparison) = (
            compare(reusing, a, b),
            compare(encoding, a, b),
        )
        assert reused == pytest.approx(encoded, abs=HALF_PRECISION)
        assert reused_comparison == encoded_comparison


def test_vectors_stored_by_another_encoder_are_not_reused(make_registry: RegistryFactory) -> None:
    registry, counting = make_registry(embedding_cache_size=0)
    claims = index(registry)
    registry.store.set_meta(ENCODER_META_KEY, "another-encoder")
    counting.batches.clear()

    compare(registry, claims[0], claims[1])

    assert counting.encoded == claims[:2]


def test_repeated_compares_encode_each_text_once(make_registry: RegistryFactory) -> None:
    registry, counting = make_registry()
    other = "Schools will stay closed for two days, the mayor said."
    first = compare(registry, FRESH, other)
    again = compare(registry, FRESH, other)
    assert counting.encoded == [FRESH, other]
    assert first == again
    assert registry.encoder.name == counting.name


def test_a_negative_cache_size_is_refused(make_registry: RegistryFactory) -> None:
    registry, _ = make_registry(embedding_cache_size=-1)
    with pytest.raises(ResourceUnavailable, match="embedding cache size"):
        _ = registry.encoder


class RecordingComparator:
    """The real comparator, keeping the texts of every batch it was asked to prime."""

    def __init__(self, inner: PairComparator) -> None:
        self.inner = inner
        self.primed: list[list[str]] = []

    def prime(self, claims: Sequence[ClaimInput]) -> None:
        self.primed.append([claim.text for claim in claims])
        self.inner.prime(claims)

    def compare(self, a: ClaimInput, b: ClaimInput, similarity: float | None = None) -> Comparison:
        return self.inner.compare(a, b, similarity)


def test_both_claims_are_parsed_in_one_batch(
    make_registry: RegistryFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    registry, _ = make_registry()
    build = registry._build_comparator
    monkeypatch.setattr(registry, "_build_comparator", lambda: RecordingComparator(build()))
    other = "Schools will stay closed for two days, the mayor said."

    compare(registry, FRESH, other)

    recording = registry.comparator
    assert isinstance(recording, RecordingComparator)
    assert recording.primed == [[FRESH, other]]
