"""Adjacent differences share one covering span on each side (gold span convention)."""

from __future__ import annotations

import dataclasses

from comparison.model import Reason, Span

_ADJACENT_GAP = 45


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
