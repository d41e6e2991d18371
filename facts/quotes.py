"""Direct quotes in straight, curly or PTB quote marks, with the speaker when one is named."""

from __future__ import annotations

import re

from facts.model import AttributionFact, QuoteFact, TextSpan
from facts.names import fold

_PAIRS = [
    re.compile(r"“(?P<q>[^“”]+)”"),
    re.compile(r"(?<![\w])\"(?P<q>[^\"]+)\""),
    re.compile(r"``\s*(?P<q>.+?)\s*''"),
    re.compile(r"(?:(?<=\s)|(?<=^)|(?<=[(\[—–-]))‘(?P<q>[^‘’]+(?:’\w[^‘’]*)*)’(?![\w])"),
]
_OPEN_ONLY = re.compile(r"“(?P<q>[^“”]{12,})$")
_CLOSE_ONLY = re.compile(r"^(?P<q>[^“”]{12,})”")


def quote_words(text: str) -> tuple[str, ...]:
    return tuple(fold(text).split())


def extract_quotes(text: str, attributions: list[AttributionFact]) -> list[QuoteFact]:
    spans = _quote_spans(text)
    return [_fact(text, start, end, attributions) for start, end in spans]


def _quote_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for pattern in _PAIRS:
        for match in pattern.finditer(text):
            start, end = match.span("q")
            if not any(start < e and s < end for s, e in spans):
                spans.append((start, end))
    for pattern in (_OPEN_ONLY, _CLOSE_ONLY):
        lone = pattern.search(text)
        if lone and not any(lone.start("q") < e and s < lone.end("q") for s, e in spans):
            spans.append(lone.span("q"))
    return sorted(spans)


def _fact(text: str, start: int, end: int, attributions: list[AttributionFact]) -> QuoteFact:
    quoted = text[start:end]
    speaker = _nearest_speaker(start, end, attributions)
    return QuoteFact(quoted, quote_words(quoted), speaker, TextSpan(quoted, start, end))


def _nearest_speaker(start: int, end: int, attributions: list[AttributionFact]) -> str:
    outside = [a for a in attributions if a.span.end <= start or a.span.start >= end]
    if not outside:
        return ""
    nearest = min(outside, key=lambda a: min(abs(a.span.start - end), abs(start - a.span.end)))
    return "" if nearest.is_pronoun else nearest.key
