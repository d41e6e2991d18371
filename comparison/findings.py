"""Building reasons from fact spans."""

from __future__ import annotations

from comparison.model import Reason, ReasonType, Span
from facts.model import TextSpan


def span_of(text_span: TextSpan) -> Span:
    return Span(text_span.text, text_span.start, text_span.end)


def reason(kind: ReasonType, this: TextSpan, other: TextSpan, explanation: str) -> Reason:
    return Reason(kind, span_of(this), span_of(other), explanation)


def quoted(span: TextSpan) -> str:
    return f"'{span.text}'"
