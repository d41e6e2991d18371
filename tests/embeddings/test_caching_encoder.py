from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pytest

from embeddings import CachingEncoder, HashingEncoder
from tests.embeddings.counting import CountingEncoder

TEXTS = ["Troops massed at the border.", "Rain fell in the valley.", "The bridge reopened."]


def test_repeated_texts_are_encoded_once_and_give_identical_vectors() -> None:
    counting = CountingEncoder()
    cached = CachingEncoder(counting, capacity=10)

    first = cached.encode([TEXTS[0], TEXTS[1], TEXTS[0]])
    second = cached.encode([TEXTS[1], TEXTS[0]])

    assert counting.encoded == [TEXTS[0], TEXTS[1]]
    direct = HashingEncoder().encode(TEXTS[:2])
    assert np.array_equal(first, direct[[0, 1, 0]])
    assert np.array_equal(second, direct[[1, 0]])
    assert first.dtype == np.float32 and first.flags.c_contiguous


def test_only_the_texts_not_cached_reach_the_wrapped_encoder() -> None:
    counting = CountingEncoder()
    cached = CachingEncoder(counting, capacity=10)
    cached.encode(TEXTS[:1])
    cached.encode(TEXTS)
    assert counting.batches == [TEXTS[:1], TEXTS[1:]]


def test_the_least_recently_used_text_is_evicted_at_the_bound() -> None:
    counting = CountingEncoder()
    cached = CachingEncoder(counting, capacity=2)
    cached.encode(TEXTS[:2])
    cached.encode(TEXTS[:1])  # the first text is now the most recently used
    cached.encode(TEXTS[2:])  # evicts the second text
    assert len(cached) == 2

    cached.encode(TEXTS[:1])
    cached.encode(TEXTS[1:2])
    assert counting.encoded == [*TEXTS, TEXTS[1]]


def test_size_zero_disables_the_cache() -> None:
    counting = CountingEncoder()
    cached = CachingEncoder(counting, capacity=0)
    cached.encode(TEXTS[:1])
    cached.encode(TEXTS[:1])
    assert counting.encoded == [TEXTS[0], TEXTS[0]]
    assert len(cached) == 0


def test_callers_cannot_change_what_is_cached() -> None:
    cached = CachingEncoder(CountingEncoder(), capacity=10)
    vectors = cached.encode(TEXTS[:1])
    vectors[0, :] = 0.0
    assert np.array_equal(cached.encode(TEXTS[:1]), HashingEncoder().encode(TEXTS[:1]))


def test_name_and_dimension_are_the_wrapped_encoders() -> None:
    inner = HashingEncoder(dimension=32)
    cached = CachingEncoder(inner, capacity=10)
    assert (cached.name, cached.dimension) == (inner.name, inner.dimension)
    assert cached.encode([]).shape == (0, 32)


def test_a_negative_size_is_refused() -> None:
    with pytest.raises(ValueError, match=">= 0"):
        CachingEncoder(HashingEncoder(), capacity=-1)


def test_concurrent_callers_get_the_vectors_of_their_own_texts() -> None:
    cached = CachingEncoder(CountingEncoder(), capacity=4)
    texts = [f"Claim number {n} about the harbour." for n in range(12)]
    expected = HashingEncoder().encode(texts)
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda n: cached.encode([texts[n % 12]]), range(240)))
    for n, vectors in enumerate(results):
        assert np.array_equal(vectors[0], expected[n % 12])
