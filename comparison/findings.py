"""Building reasons from fact spans."""

from __future__ import annotations

from comparison.model import Reason, ReasonType, Span
from facts.model import ClaimFacts, TextSpan, TokenInfo


def span_of(text_span: TextSpan) -> Span:
    return Span(text_span.text, text_span.start, text_span.end)


def reason(kind: ReasonType, this: TextSpan, other: TextSpan, explanation: str) -> Reason:
    return Reason(kind, span_of(this), span_of(other), explanation)


def text_between(facts: ClaimFacts, start: int, end: int) -> TextSpan:
    """The claim's text from character ``start`` to ``end``, as a span."""
    return TextSpan(facts.text[start:end], start, end)


def token_span(facts: ClaimFacts, token: TokenInfo) -> TextSpan:
    return text_between(facts, token.start, token.end)


def quoted(span: TextSpan) -> str:
    return f"'{span.text}'"


def inside_quote(facts: ClaimFacts, offset: int) -> bool:
    """Whether character ``offset`` of the claim lies inside one of its quotations."""
    return any(quote.span.start <= offset < quote.span.end for quote in facts.quotes)
