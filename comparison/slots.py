"""Whether a number or date reason gives two values to one slot of the claims.

"35-word oath" / "38-word oath" count the same noun; "published Sunday" / "published Saturday"
date the same predicate: one detail reported two ways, when both claims were published in one
news cycle. Undated claims, or claims days apart, may report two events of one kind (two
earthquakes each with its toll); a number reason between two sums of money, or a date reason
whose dates hang on different verbs (or on "said"), may set two facts side by side. The rules'
reasons are unchanged; the pair judge weighs reasons that fill one slot against the threshold
of quote reasons (``comparison.pair_judge.takes_quote_threshold``) instead of the higher one
of the other reasons.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, TypeVar

from comparison.dates import head_lemma, is_report_date
from comparison.event_verbs import same_event_verb
from comparison.model import Reason, Span
from comparison.numbers import unit_key
from facts.model import ClaimFacts, DateFact, QuantityFact, TextSpan

_LIGHT_VERBS = frozenset({"be", "have"})
NEWS_CYCLE_DAYS = 3  # publication dates this far apart may report two events of one kind
# Added to the reason types the pair judge is given when a reason fills one slot: such a pair
# is judged with the threshold of quote reasons (one detail rendered two ways).
SAME_SLOT = "same_slot"


class _Spanned(Protocol):
    @property
    def span(self) -> TextSpan: ...


Fact = TypeVar("Fact", bound=_Spanned)


def judged_types(reasons: Sequence[Reason], a: ClaimFacts, b: ClaimFacts) -> tuple[str, ...]:
    """The reasons' types, in order, and ``SAME_SLOT`` when one of them fills one slot."""
    types = tuple(dict.fromkeys(r.type for r in reasons))
    if any(same_slot(r, a, b) for r in reasons):
        return (*types, SAME_SLOT)
    return types


def same_slot(item: Reason, a: ClaimFacts, b: ClaimFacts) -> bool:
    """``item`` (a reason found on ``a`` against ``b``) sets two values in one slot of two
    claims of one news cycle."""
    if not one_news_cycle(a, b):
        return False
    if item.type == "number":
        qa, qb = _at(item.this, a.quantities), _at(item.other, b.quantities)
        return qa is not None and qb is not None and same_counted_noun(qa, qb)
    if item.type == "date":
        da, db = _at(item.this, a.dates), _at(item.other, b.dates)
        return da is not None and db is not None and same_predicate(da, a, db, b)
    return False


def one_news_cycle(a: ClaimFacts, b: ClaimFacts) -> bool:
    """Both claims are dated, less than ``NEWS_CYCLE_DAYS`` apart."""
    if a.published_at is None or b.published_at is None:
        return False
    return abs((a.published_at - b.published_at).days) < NEWS_CYCLE_DAYS


def same_counted_noun(qa: QuantityFact, qb: QuantityFact) -> bool:
    """Two counts of one named noun ("19 actions" / "23 steps" are one, by ``unit_key``)."""
    if qa.kind != "count" or qb.kind != "count" or not qa.unit or not qb.unit:
        return False
    return unit_key(qa.unit) == unit_key(qb.unit)


def same_predicate(da: DateFact, a: ClaimFacts, db: DateFact, b: ClaimFacts) -> bool:
    """Two dates of one content verb that both claims state (or of two verbs of one kind of
    event, :mod:`comparison.event_verbs`), neither a day of speaking."""
    verb, other_verb = head_lemma(a, da.head), head_lemma(b, db.head)
    if not verb or verb in _LIGHT_VERBS or not same_event_verb(verb, other_verb):
        return False
    if is_report_date(a, da) or is_report_date(b, db):
        return False
    return verb in a.content_lemmas and other_verb in b.content_lemmas


def _at(span: Span, facts: Sequence[Fact]) -> Fact | None:
    """The fact whose span is exactly ``span``."""
    for fact in facts:
        if (fact.span.start, fact.span.end) == (span.start, span.end):
            return fact
    return None
