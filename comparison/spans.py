"""Adjacent differences share one covering span on each side (gold span convention), and
every span is tidied at its edges for the editor's highlight."""

from __future__ import annotations

import dataclasses

from comparison.model import Reason, Span

_ADJACENT_GAP = 45
_EDGE_MARKS = " \t\n,;:-\u2013\u2014"  # not quotation marks, not the period of "Wash."
_LEADING_WORDS = frozenset({"the", "a", "an"})
_TRAILING_WORDS = frozenset(
    {"the", "a", "an", "from", "of", "in", "on", "at", "to", "by", "and", "or"}
)


def merge_adjacent(reasons: list[Reason], text_a: str, text_b: str) -> list[Reason]:
    clusters: list[list[Reason]] = []
    for item in reasons:
        home = next((c for c in clusters if any(_adjacent(item, other) for other in c)), None)
        if home is None:
            clusters.append([item])
        else:
            home.append(item)
    merged: list[Reason] = []
    for cluster in clusters:
        this = _cover(text_a, [r.this for r in cluster])
        other = _cover(text_b, [r.other for r in cluster])
        merged.extend(dataclasses.replace(r, this=this, other=other) for r in cluster)
    return merged


def _adjacent(x: Reason, y: Reason) -> bool:
    return _close(x.this, y.this) and _close(x.other, y.other)


def _close(x: Span, y: Span) -> bool:
    return max(x.start, y.start) - min(x.end, y.end) <= _ADJACENT_GAP


def _cover(text: str, spans: list[Span]) -> Span:
    start, end = min(s.start for s in spans), max(s.end for s in spans)
    return Span(text[start:end], start, end)


def tidied(reasons: list[Reason]) -> list[Reason]:
    """The reasons with each span's stray edges dropped: ", a Republican from" → "Republican",
    "The Republican-" → "Republican". A span is never tidied away."""
    return [dataclasses.replace(r, this=tidy(r.this), other=tidy(r.other)) for r in reasons]


def tidy(span: Span) -> Span:
    text, start, end = span.text, 0, len(span.text)
    while True:
        before = (start, end)
        while start < end and text[start] in _EDGE_MARKS:
            start += 1
        while end > start and text[end - 1] in _EDGE_MARKS:
            end -= 1
        start = _past_leading_word(text, start, end)
        end = _before_trailing_word(text, start, end)
        if (start, end) == before:
            break
    if start >= end:
        return span
    return Span(text[start:end], span.start + start, span.start + end)


def _past_leading_word(text: str, start: int, end: int) -> int:
    gap = text.find(" ", start, end)
    if gap > start and text[start:gap].lower() in _LEADING_WORDS:
        return gap + 1
    return start


def _before_trailing_word(text: str, start: int, end: int) -> int:
    gap = text.rfind(" ", start, end)
    if gap >= start and text[gap + 1 : end].lower() in _TRAILING_WORDS:
        return gap
    return end
