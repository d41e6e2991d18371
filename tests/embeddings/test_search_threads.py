"""The FAISS thread count the config sets holds on every thread that searches or merges.

OpenMP keeps the count per thread: one set on the main thread at start-up did not reach the
request threads, which searched with every core whatever ``CROSSCHECK_INDEX_THREADS`` said.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator

import faiss
import numpy as np
import pytest

import embeddings.kinds
from embeddings import FaissClaimIndex, IndexSettings, set_search_threads
from embeddings.encoder import normalise_rows

DIMENSION = 16


@pytest.fixture(autouse=True)
def restore_threads() -> Iterator[None]:
    configured, main_thread = embeddings.kinds._search_threads, faiss.omp_get_max_threads()
    yield
    embeddings.kinds._search_threads = configured
    faiss.omp_set_num_threads(main_thread)


def threads_seen_on_a_new_thread(work: Callable[[], object]) -> int:
    """What OpenMP would use on a fresh thread after ``work`` ran there; the thread first
    asks for three, as a thread nobody configured may."""
    seen: list[int] = []

    def run() -> None:
        faiss.omp_set_num_threads(3)
        work()
        seen.append(faiss.omp_get_max_threads())

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    return seen[0]


def an_index() -> FaissClaimIndex:
    index = FaissClaimIndex(DIMENSION, IndexSettings(kind="flat", background=False))
    rows = np.random.default_rng(0).standard_normal((20, DIMENSION))
    index.add(list(range(20)), normalise_rows(rows))
    return index


def test_a_search_on_another_thread_uses_the_configured_count() -> None:
    index = an_index()
    set_search_threads(1)
    query = normalise_rows(np.ones((1, DIMENSION)))

    assert threads_seen_on_a_new_thread(lambda: index.search(query, 3)) == 1


def test_a_merge_on_another_thread_uses_the_configured_count() -> None:
    index = an_index()
    set_search_threads(1)

    assert threads_seen_on_a_new_thread(index.compact) == 1


def test_zero_leaves_each_thread_as_it_is() -> None:
    index = an_index()
    set_search_threads(0)
    query = normalise_rows(np.ones((1, DIMENSION)))

    assert threads_seen_on_a_new_thread(lambda: index.search(query, 3)) == 3
