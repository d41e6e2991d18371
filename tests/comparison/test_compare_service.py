"""The comparator as the service uses it: judge hook, overlap helper, caching, threads."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest
from spacy.language import Language

from comparison import ClaimComparator, ClaimInput, content_overlap
from tests.comparison.conftest import compare

pytestmark = pytest.mark.slow


class FixedJudge:
    def __init__(self, probability: float) -> None:
        self.probability = probability
        self.calls = 0

    def contradiction_probability(self, premise: str, hypothesis: str) -> float:
        self.calls += 1
        return self.probability


A = "The museum reopened its east wing to visitors after the renovation."
B = "The museum has reopened its east wing to visitors after the long renovation."


def test_judge_is_consulted_only_without_structured_difference(nlp: Language) -> None:
    judge = FixedJudge(0.95)
    comparator = ClaimComparator(nlp, judge=judge)
    assert compare(comparator, A, B).verdict == "diverge"
    assert judge.calls > 0
    calls = judge.calls
    compare(comparator, "The museum sold 40 paintings.", "The museum sold 90 paintings.")
    assert judge.calls == calls


def test_low_judge_probability_keeps_agreement(nlp: Language) -> None:
    assert compare(ClaimComparator(nlp, judge=FixedJudge(0.1)), A, B).verdict == "agree"


def test_content_overlap() -> None:
    assert content_overlap(A, B) > 0.7
    assert content_overlap(A, "Wheat prices rose sharply after the drought.") < 0.2


def test_cache_is_bounded(nlp: Language) -> None:
    comparator = ClaimComparator(nlp, cache_size=3)
    for n in range(6):
        comparator.facts(ClaimInput(f"The team won {n} games."))
    assert comparator.cached_claims() == 3


def test_concurrent_comparisons_match_sequential_ones(comparator: ClaimComparator) -> None:
    pairs = [
        (f"The port handled {n} ships in the coming days.", f"The port handled {n + 5} ships.")
        for n in range(20)
    ]
    expected = [compare(comparator, a, b) for a, b in pairs]
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda pair: compare(comparator, *pair), pairs))
    assert results == expected
