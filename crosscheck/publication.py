"""An article's publication date as the comparator reads it."""

from __future__ import annotations

from datetime import date, datetime


def publication_date(published_at: str | None) -> date | None:
    """The date of an ISO 8601 ``published_at``; None when absent or unreadable."""
    if not published_at:
        return None
    try:
        return datetime.fromisoformat(published_at).date()
    except ValueError:
        return None
