"""Whether two claims can be about the same event at all, judged from their dates."""

from __future__ import annotations

from datetime import timedelta

from facts.model import ClaimFacts

NEWS_CYCLE_DAYS = 3


def different_events(a: ClaimFacts, b: ClaimFacts) -> bool:
    """Articles days apart are about different events unless the newer one dates its claim back
    to the older one's time, or both name the same calendar date."""
    if a.published_at is None or b.published_at is None:
        return False
    if abs((a.published_at - b.published_at).days) < NEWS_CYCLE_DAYS:
        return False
    older, newer = (a, b) if a.published_at <= b.published_at else (b, a)
    horizon = (
        a.published_at + timedelta(days=1) if older is a else b.published_at + timedelta(days=1)
    )
    if any(
        fact.end is not None and fact.end <= horizon and not fact.deictic for fact in newer.dates
    ):
        return False
    return not _shared_calendar_date(a, b)


def _shared_calendar_date(a: ClaimFacts, b: ClaimFacts) -> bool:
    keys_a = {fact.key for fact in a.dates if fact.key.startswith(("d:", "y:", "m:"))}
    return any(fact.key in keys_a for fact in b.dates)
