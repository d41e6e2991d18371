"""Dates of the same event compared as intervals: precision may differ, the time frame may not."""

from __future__ import annotations

from datetime import date

from comparison.attribution import other_speakers
from comparison.calendar_days import calendar_compatible, calendar_span
from comparison.event_verbs import same_event_verb
from comparison.findings import quoted, reason
from comparison.model import Reason
from facts.model import ClaimFacts, DateFact
from facts.verb_forms import is_speech_verb

_WINDOW_SLACK_DAYS = 2


def date_reasons(a: ClaimFacts, b: ClaimFacts) -> list[Reason]:
    reasons: list[Reason] = []
    for da in a.dates:
        candidates = [db for db in b.dates if _aligned(da, a, db, b)]
        if not candidates or any(compatible_dates(da, db) for db in candidates):
            continue
        db = next((c for c in candidates if _same_verb(da, a, c, b)), candidates[0])
        if _belongs_to_another(da, a, db, b):
            continue
        explanation = f"this: {quoted(da.span)}{_when(da)}; other: {quoted(db.span)}{_when(db)}"
        reasons.append(reason("date", da.span, db.span, explanation))
    return reasons


def _when(fact: DateFact) -> str:
    if fact.start is None or fact.end is None:
        return ""
    if fact.start == fact.end:
        return f" ({fact.start.isoformat()})"
    return f" ({fact.start.isoformat()} to {fact.end.isoformat()})"


def head_lemma(facts: ClaimFacts, index: int) -> str:
    if 0 <= index < len(facts.tokens):
        return facts.tokens[index].lemma
    return ""


def is_report_date(facts: ClaimFacts, fact: DateFact) -> bool:
    """A day the statement was made ("said Monday"), not when the reported event happens."""
    if fact.precision != "day" or fact.deadline:
        return False
    if not 0 <= fact.head < len(facts.tokens):
        return False
    return is_speech_verb(facts.tokens[fact.head].text)  # "said" keeps no lemma when stored


def _aligned(da: DateFact, a: ClaimFacts, db: DateFact, b: ClaimFacts) -> bool:
    reported = is_report_date(a, da)
    if reported != is_report_date(b, db):
        return False
    if reported and other_speakers(a, b):
        return False  # "the lawyer said Monday" / "the chairman said Tuesday": two statements
    if _across_news_cycles(a, b) and da.deictic != db.deictic:
        return False
    if _same_verb(da, a, db, b):
        return True
    return _near_aligned_quantity(da, a, db, b) or _shared_neighbours(da, a, db, b)


def _belongs_to_another(da: DateFact, a: ClaimFacts, db: DateFact, b: ClaimFacts) -> bool:
    """``db`` is the date of another of this claim's dates: one this claim gives too, or one
    whose verb is ``db``'s while ``da``'s is not ("elected in 2010, resigned on Monday" against
    "resigned on Tuesday" sets Monday, not 2010, against Tuesday)."""
    others = [other for other in a.dates if other is not da and _aligned(other, a, db, b)]
    if any(compatible_dates(other, db) for other in others):
        return True
    return not _same_verb(da, a, db, b) and any(_same_verb(o, a, db, b) for o in others)


def _same_verb(da: DateFact, a: ClaimFacts, db: DateFact, b: ClaimFacts) -> bool:
    head_a, head_b = head_lemma(a, da.head), head_lemma(b, db.head)
    return (
        bool(head_a and head_b) and head_a not in ("be", "have") and same_event_verb(head_a, head_b)
    )


def _across_news_cycles(a: ClaimFacts, b: ClaimFacts) -> bool:
    if a.published_at is None or b.published_at is None:
        return False
    return abs((a.published_at - b.published_at).days) >= 3


def _near_aligned_quantity(da: DateFact, a: ClaimFacts, db: DateFact, b: ClaimFacts) -> bool:
    units_a = {
        q.unit for q in a.quantities if q.kind == "count" and _near(q.span.end, da.span.start, 80)
    }
    units_b = {
        q.unit for q in b.quantities if q.kind == "count" and _near(q.span.end, db.span.start, 80)
    }
    if not units_a or not units_b:
        return False
    return bool(units_a & units_b) or "" in units_a | units_b


def _near(first: int, second: int, limit: int) -> bool:
    return abs(first - second) <= limit


def _neighbour_lemmas(facts: ClaimFacts, fact: DateFact) -> set[str]:
    tokens = facts.tokens
    inside = [i for i, t in enumerate(tokens) if fact.span.start <= t.start < fact.span.end]
    if not inside:
        return set()
    lo, hi = max(0, inside[0] - 3), min(len(tokens), inside[-1] + 4)
    return {
        t.lemma
        for t in tokens[lo:hi]
        if t.is_content and t.pos != "PROPN" and not (fact.span.start <= t.start < fact.span.end)
    }


def _shared_neighbours(da: DateFact, a: ClaimFacts, db: DateFact, b: ClaimFacts) -> bool:
    return bool(_neighbour_lemmas(a, da) & _neighbour_lemmas(b, db))


def compatible_dates(da: DateFact, db: DateFact) -> bool:
    if da.start is None or da.end is None or db.start is None or db.end is None:
        return _unanchored_compatible(da, db)
    if da.end < db.start or db.end < da.start:
        return False
    if _contains(da, db) or _contains(db, da):
        return _precision_difference(da, db)
    return False


def _unanchored_compatible(da: DateFact, db: DateFact) -> bool:
    """Without the article's date: month-based dates by month and day, others by their key."""
    span_a, span_b = calendar_span(da), calendar_span(db)
    if span_a is not None and span_b is not None:
        return calendar_compatible(span_a, span_b)
    return da.key == db.key or da.key[:2] != db.key[:2]


def _contains(outer: DateFact, inner: DateFact) -> bool:
    assert outer.start and outer.end and inner.start and inner.end
    return outer.start <= inner.start and inner.end <= outer.end


def _precision_difference(da: DateFact, db: DateFact) -> bool:
    """A day inside a window, or a window inside a calendar unit, is only added precision."""
    if da.precision != "span" or db.precision != "span":
        return True
    assert da.start and da.end and db.start and db.end
    return _days_apart(da.start, db.start) <= _WINDOW_SLACK_DAYS and (
        _days_apart(da.end, db.end) <= _WINDOW_SLACK_DAYS
    )


def _days_apart(first: date, second: date) -> int:
    return abs((first - second).days)
