"""The claim comparator: agree, diverge (with typed reasons and spans) or unrelated."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from datetime import date

from spacy.language import Language

from comparison.attribution import attribution_reasons
from comparison.clock_times import clock_time_reasons
from comparison.dates import date_reasons
from comparison.direction import direction_reasons
from comparison.directives import directive_reasons
from comparison.distinct_events import distinct_events
from comparison.events import different_events
from comparison.former_titles import former_title_reasons
from comparison.hedges import hedge_reasons
from comparison.judging import judge_reason
from comparison.kinship import kinship_reasons
from comparison.modality import modality_reasons
from comparison.model import ClaimInput, Comparison, NliJudge, Reason, Verdict
from comparison.multipliers import multiplier_reasons
from comparison.negation import negation_reasons
from comparison.numbers import aligned_quantity_heads, number_reasons
from comparison.opposites import opposite_reasons
from comparison.ordinals import ordinal_reasons
from comparison.orientation import flipped, in_canonical_order
from comparison.overlap import facts_overlap
from comparison.pair_features import pair_features
from comparison.pair_judge import PairJudge
from comparison.places import rival_place_reasons
from comparison.quantifiers import quantifier_reasons
from comparison.quotes import quote_reasons
from comparison.same_fact import states_same_fact
from comparison.slots import judged_types
from comparison.spans import merge_adjacent, tidied
from comparison.substitution import substitution_reasons
from comparison.tallies import tally_reasons
from comparison.time_relations import time_relation_reasons
from comparison.verbatim import words_of
from facts import ClaimFacts, parse_claim, parse_claims
from storage.lru_cache import LruCache

NOTHING_SHARED_BELOW = 0.1
UNRELATED_BELOW = 0.2
ATTRIBUTION_FROM = 0.45
JUDGE_FROM = 0.5


class ClaimComparator:
    """Compares two claims. The rules name typed reasons; the verdict judge, when given and
    when the pair's similarity is known, decides between them and the other verdicts (a
    divergence always needs the rules' reasons). Thread-safe; parsed facts are kept in a
    bounded LRU cache."""

    def __init__(
        self,
        nlp: Language,
        judge: NliJudge | None = None,
        cache_size: int = 4096,
        pair_judge: PairJudge | None = None,
    ) -> None:
        self._nlp = nlp
        self._judge = judge
        self._pair_judge = pair_judge
        self._cache: LruCache[ClaimFacts] = LruCache(cache_size)
        self._parse_lock = threading.Lock()

    def facts(self, claim: ClaimInput) -> ClaimFacts:
        key = (claim.text, claim.published_at)
        cached = self._cache.get(key)
        if cached is None:
            cached = self._parse(claim.text, claim.published_at)
            self._cache.put(key, cached)
        return cached

    def prime(self, claims: Sequence[ClaimInput]) -> None:
        """Parse the claims not cached yet in one batch, ahead of comparing them."""
        missing = list(
            dict.fromkeys(
                (claim.text, claim.published_at)
                for claim in claims
                if self._cache.get((claim.text, claim.published_at)) is None
            )
        )
        if not missing:
            return
        for key, facts in zip(missing, self._parse_many(missing), strict=True):
            self._cache.put(key, facts)

    def parse(self, claims: Sequence[ClaimInput]) -> list[ClaimFacts]:
        """Parse the claims in one batch, cached or not, without caching them."""
        return self._parse_many([(claim.text, claim.published_at) for claim in claims])

    def cached(self, claim: ClaimInput) -> ClaimFacts | None:
        """The claim's facts if they are cached; never parses."""
        return self._cache.get((claim.text, claim.published_at))

    def remember(self, claim: ClaimInput, facts: ClaimFacts) -> None:
        """Cache facts parsed elsewhere (stored ones) as the claim's."""
        self._cache.put((claim.text, claim.published_at), facts)

    def cached_claims(self) -> int:
        return len(self._cache)

    def _parse_many(self, claims: list[tuple[str, date | None]]) -> list[ClaimFacts]:
        with self._parse_lock:
            return parse_claims(self._nlp, claims)

    def _parse(self, text: str, published_at: date | None) -> ClaimFacts:
        with self._parse_lock:
            return parse_claim(self._nlp, text, published_at)

    def compare(self, a: ClaimInput, b: ClaimInput, similarity: float | None = None) -> Comparison:
        """The verdict on two claims; the same verdict whichever is given first. ``similarity``
        (the cosine of their embeddings) lets the verdict judge weigh the pair."""
        if in_canonical_order(a, b):
            return self._compare_in_order(a, b, similarity)
        return flipped(self._compare_in_order(b, a, similarity))

    def _compare_in_order(
        self, a: ClaimInput, b: ClaimInput, similarity: float | None
    ) -> Comparison:
        fa, fb = self.facts(a), self.facts(b)
        if different_events(fa, fb):
            return Comparison("unrelated")
        overlap = facts_overlap(fa, fb)
        if overlap < NOTHING_SHARED_BELOW:
            return Comparison("unrelated")
        reasons = find_reasons(fa, fb, overlap)
        if distinct_events(fa, fb, reasons):
            return Comparison("unrelated")
        if not reasons and (words_of(fa.text) == words_of(fb.text) or states_same_fact(fa, fb)):
            return Comparison("agree")  # shown to state one fact, whatever a judge says
        if self._judge is not None and not reasons and overlap >= JUDGE_FROM:
            judged = judge_reason(self._judge, fa, fb)
            reasons = [judged] if judged is not None else []
        if self._pair_judge is not None and similarity is not None:
            verdict = self._pair_judge.verdict(
                pair_features(fa, fb, similarity, reasons), judged_types(reasons, fa, fb)
            )
        else:
            verdict = rule_verdict(reasons, overlap)
        if verdict != "diverge":
            return Comparison(verdict)
        return Comparison("diverge", tuple(tidied(merge_adjacent(reasons, fa.text, fb.text))))


def rule_verdict(reasons: Sequence[Reason], overlap: float) -> Verdict:
    """The verdict from the rules alone, when no pair judge or no similarity is at hand."""
    if reasons:
        return "diverge"
    return "unrelated" if overlap < UNRELATED_BELOW else "agree"


def find_reasons(a: ClaimFacts, b: ClaimFacts, overlap: float) -> list[Reason]:
    reasons = (
        number_reasons(a, b)
        or ordinal_reasons(a, b)
        or multiplier_reasons(a, b)
        or tally_reasons(a, b)
    )
    reasons += date_reasons(a, b) or clock_time_reasons(a, b) or time_relation_reasons(a, b)
    reasons += quantifier_reasons(a, b)
    reasons += negation_reasons(a, b) or opposite_reasons(a, b)
    reasons += (
        modality_reasons(a, b, aligned_quantity_heads(a, b))
        or hedge_reasons(a, b)
        or directive_reasons(a, b)
    )
    reasons += quote_reasons(a, b)
    if not any(r.type == "number" for r in reasons):
        reasons += direction_reasons(a, b)
    if overlap >= ATTRIBUTION_FROM:
        reasons += attribution_reasons(a, b)
    reasons += rival_place_reasons(a, b) or former_title_reasons(a, b) or kinship_reasons(a, b)
    if not reasons:
        reasons += substitution_reasons(a, b)
    return _one_per_type(reasons)


def _one_per_type(reasons: list[Reason]) -> list[Reason]:
    seen: set[str] = set()
    kept: list[Reason] = []
    for item in reasons:
        if item.type not in seen:
            seen.add(item.type)
            kept.append(item)
    return kept
