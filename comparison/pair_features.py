"""The pair judge's inputs: a fixed, symmetric vector of cheap facts about two parsed claims.

Every feature is symmetric in the two claims (min, max, shared, sums, absolute gaps; never
"a minus b"), so swapping the claims never changes the vector and hence never the verdict.
Nothing here parses or encodes: it reads the two ``ClaimFacts``, the MiniLM cosine and the
reasons the rules already found.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from collections.abc import Set as AbstractSet

import numpy as np
import numpy.typing as npt

from comparison.core_terms import core_statement
from comparison.events import different_events
from comparison.model import REASON_TYPES, Reason
from comparison.overlap import facts_overlap
from comparison.slots import same_slot
from facts.model import ClaimFacts, QuantityFact

PLAIN_ASSERTION_LEVEL = 6  # certainty of a claim with no modality marker (above "will", 5)

FeatureGroup = Callable[[ClaimFacts, ClaimFacts], tuple[float, ...]]


def _min_max(x: float, y: float) -> tuple[float, float]:
    return float(min(x, y)), float(max(x, y))


def _ratio(part: float, whole: float) -> float:
    return float(part / whole) if whole else 0.0


def _jaccard(a: AbstractSet[object], b: AbstractSet[object]) -> float:
    union = len(a | b)
    return _ratio(len(a & b), union)


def _set_features(a: Iterable[object], b: Iterable[object]) -> tuple[float, ...]:
    """Counts (min, max), shared, one-side-only (min, max) of two collections of keys."""
    keys_a, keys_b = set(a), set(b)
    return (
        *_min_max(len(keys_a), len(keys_b)),
        float(len(keys_a & keys_b)),
        *_min_max(len(keys_a - keys_b), len(keys_b - keys_a)),
    )


def _set_names(prefix: str) -> tuple[str, ...]:
    return tuple(f"{prefix}_{n}" for n in ("min", "max", "shared", "only_min", "only_max"))


def _words(facts: ClaimFacts) -> frozenset[str]:
    return frozenset(w for w in facts.content_lemmas if not any(ch.isdigit() for ch in w))


def _lemma_features(a: ClaimFacts, b: ClaimFacts) -> tuple[float, ...]:
    words_a, words_b = _words(a), _words(b)
    shared = len(words_a & words_b)
    return (
        facts_overlap(a, b),
        _jaccard(words_a, words_b),
        *_min_max(
            _ratio(len(words_a) - shared, len(words_a)), _ratio(len(words_b) - shared, len(words_b))
        ),
    )


_LEMMA_NAMES = ("lemma_overlap", "lemma_jaccard", "lemma_only_share_min", "lemma_only_share_max")


def _length_features(a: ClaimFacts, b: ClaimFacts) -> tuple[float, ...]:
    length_a, length_b = len(a.tokens) or len(a.text.split()), len(b.tokens) or len(b.text.split())
    shorter, longer = _min_max(length_a, length_b)
    return shorter, longer, _ratio(shorter, longer)


_LENGTH_NAMES = ("tokens_min", "tokens_max", "length_ratio")


def _value_key(quantity: QuantityFact) -> float:
    return float(f"{quantity.value:.6g}")


def _unfit(mine: Sequence[QuantityFact], theirs: Sequence[QuantityFact]) -> int:
    """How many of ``mine`` no quantity of ``theirs`` can match (their ranges do not meet)."""
    return sum(
        not any(q.low <= other.high and other.low <= q.high for other in theirs) for q in mine
    )


def _quantity_features(a: ClaimFacts, b: ClaimFacts) -> tuple[float, ...]:
    values = _set_features(map(_value_key, a.quantities), map(_value_key, b.quantities))
    if a.quantities and b.quantities:
        unfit = _min_max(_unfit(a.quantities, b.quantities), _unfit(b.quantities, a.quantities))
    else:
        unfit = (0.0, 0.0)
    return (*values, *unfit)


_QUANTITY_NAMES = (*_set_names("numbers"), "numbers_unfit_min", "numbers_unfit_max")


def _date_features(a: ClaimFacts, b: ClaimFacts) -> tuple[float, ...]:
    return _set_features((d.key for d in a.dates), (d.key for d in b.dates))


def _entity_features(a: ClaimFacts, b: ClaimFacts) -> tuple[float, ...]:
    keys = _set_features((e.key for e in a.entities), (e.key for e in b.entities))
    return (*keys, *_min_max(_rival_entities(a, b), _rival_entities(b, a)))


def _rival_entities(mine: ClaimFacts, theirs: ClaimFacts) -> int:
    """Entities only ``mine`` names whose type the other claim fills with another name."""
    their_keys = {e.key for e in theirs.entities}
    their_labels = {e.label for e in theirs.entities}
    return sum(e.key not in their_keys and e.label in their_labels for e in mine.entities)


_ENTITY_NAMES = (*_set_names("entities"), "entities_rival_min", "entities_rival_max")


def _quote_words(facts: ClaimFacts) -> frozenset[str]:
    return frozenset(word for quote in facts.quotes for word in quote.words)


def _quote_features(a: ClaimFacts, b: ClaimFacts) -> tuple[float, ...]:
    counts = _min_max(len(a.quotes), len(b.quotes))
    if not (a.quotes and b.quotes):
        return (*counts, 0.0, 0.0, 0.0)
    words_a, words_b = _quote_words(a), _quote_words(b)
    shared = len(words_a & words_b)
    only = _min_max(
        _ratio(len(words_a) - shared, len(words_a)), _ratio(len(words_b) - shared, len(words_b))
    )
    return (*counts, _jaccard(words_a, words_b), *only)


_QUOTE_NAMES = (
    "quotes_min",
    "quotes_max",
    "quote_word_jaccard",
    "quote_only_share_min",
    "quote_only_share_max",
)


def _negated_only_here(mine: ClaimFacts, theirs: ClaimFacts) -> int:
    """Negated predicates of ``mine`` that the other claim states without a negation."""
    their_negated = {n.head_lemma for n in theirs.negations}
    return sum(
        n.head_lemma in theirs.content_lemmas and n.head_lemma not in their_negated
        for n in mine.negations
    )


def _negation_features(a: ClaimFacts, b: ClaimFacts) -> tuple[float, ...]:
    return (
        *_min_max(len(a.negations), len(b.negations)),
        float(len(a.negations) % 2 != len(b.negations) % 2),
        *_min_max(_negated_only_here(a, b), _negated_only_here(b, a)),
    )


_NEGATION_NAMES = (
    "negations_min",
    "negations_max",
    "negation_parity_differs",
    "negated_only_here_min",
    "negated_only_here_max",
)


def _certainty(facts: ClaimFacts) -> int:
    return min((m.level for m in facts.modalities), default=PLAIN_ASSERTION_LEVEL)


def _modality_features(a: ClaimFacts, b: ClaimFacts) -> tuple[float, ...]:
    return (
        *_min_max(len(a.modalities), len(b.modalities)),
        float(abs(_certainty(a) - _certainty(b))),
    )


_MODALITY_NAMES = ("modalities_min", "modalities_max", "certainty_gap")


def _quantifier_features(a: ClaimFacts, b: ClaimFacts) -> tuple[float, ...]:
    kinds_a = {q.noun: q.kind for q in a.quantifiers}
    kinds_b = {q.noun: q.kind for q in b.quantifiers}
    clashes = sum(kinds_b[noun] != kind for noun, kind in kinds_a.items() if noun in kinds_b)
    return (*_min_max(len(a.quantifiers), len(b.quantifiers)), float(clashes))


_QUANTIFIER_NAMES = ("quantifiers_min", "quantifiers_max", "quantifier_clashes")


def _attribution_features(a: ClaimFacts, b: ClaimFacts) -> tuple[float, ...]:
    return _set_features((s.key for s in a.attributions), (s.key for s in b.attributions))


def _arc_features(a: ClaimFacts, b: ClaimFacts) -> tuple[float, ...]:
    shared = len(a.arcs & b.arcs)
    return (
        float(shared),
        _jaccard(a.arcs, b.arcs),
        _ratio(shared, min(len(a.arcs), len(b.arcs))),
    )


_ARC_NAMES = ("arcs_shared", "arcs_jaccard", "arcs_overlap")


def _core_features(a: ClaimFacts, b: ClaimFacts) -> tuple[float, ...]:
    """How much of each claim's main statement (predicate, subject, object) the other holds."""
    core_a, core_b = core_statement(a), core_statement(b)
    return (
        *_min_max(
            _ratio(len(core_a.lemmas & b.content_lemmas), len(core_a.lemmas)),
            _ratio(len(core_b.lemmas & a.content_lemmas), len(core_b.lemmas)),
        ),
        float((core_a.predicate in b.content_lemmas) + (core_b.predicate in a.content_lemmas)),
    )


_CORE_NAMES = ("core_shared_min", "core_shared_max", "predicates_shared")


def _event_features(a: ClaimFacts, b: ClaimFacts) -> tuple[float, ...]:
    return (float(different_events(a, b)),)


FACT_GROUPS: tuple[tuple[tuple[str, ...], FeatureGroup], ...] = (
    (_LEMMA_NAMES, _lemma_features),
    (_LENGTH_NAMES, _length_features),
    (_QUANTITY_NAMES, _quantity_features),
    (_set_names("dates"), _date_features),
    (_ENTITY_NAMES, _entity_features),
    (_QUOTE_NAMES, _quote_features),
    (_NEGATION_NAMES, _negation_features),
    (_MODALITY_NAMES, _modality_features),
    (_QUANTIFIER_NAMES, _quantifier_features),
    (_set_names("speakers"), _attribution_features),
    (_ARC_NAMES, _arc_features),
    (_CORE_NAMES, _core_features),
    (("different_events",), _event_features),
)

_REASON_NAMES = tuple(f"reason_{kind}" for kind in REASON_TYPES)
_SIGNAL_NAMES = ("similarity", "reason_count", "any_reason", "similarity_if_reason")
# A number or date reason that gives two values to one slot of two claims of one news cycle
# (``comparison.slots``): one detail reported two ways, however differently the rest is framed.
_SLOT_NAMES = ("reason_same_slot",)

FEATURE_NAMES: tuple[str, ...] = (
    *_SIGNAL_NAMES,
    *_REASON_NAMES,
    *_SLOT_NAMES,
    *(name for names, _ in FACT_GROUPS for name in names),
)


def _signal_features(similarity: float, reasons: Sequence[Reason]) -> tuple[float, ...]:
    fired = float(bool(reasons))
    types = {reason.type for reason in reasons}
    indicators = tuple(float(kind in types) for kind in REASON_TYPES)
    return (similarity, float(len(types)), fired, similarity * fired, *indicators)


def _slot_features(a: ClaimFacts, b: ClaimFacts, reasons: Sequence[Reason]) -> tuple[float, ...]:
    return (float(any(same_slot(reason, a, b) for reason in reasons)),)


def pair_features(
    a: ClaimFacts, b: ClaimFacts, similarity: float, reasons: Sequence[Reason]
) -> npt.NDArray[np.float32]:
    """The features of one pair, in the order of ``FEATURE_NAMES`` (float32)."""
    values = [*_signal_features(similarity, reasons), *_slot_features(a, b, reasons)]
    for names, group in FACT_GROUPS:
        found = group(a, b)
        if len(found) != len(names):
            raise AssertionError(f"{group.__name__} gave {len(found)} values for {names}")
        values.extend(found)
    return np.asarray(values, dtype=np.float32)
