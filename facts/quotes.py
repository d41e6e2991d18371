"""Direct quotes in straight, curly or PTB quote marks, with the speaker when one is named.

A quotation that runs over several sentences leaves one sentence with an opening mark that
never closes and another with a closing mark that never opened: the quoted words then run to the
end of the sentence, or from its start.
"""

from __future__ import annotations

import re
from typing import Literal

from facts.model import AttributionFact, QuoteFact, TextSpan
from facts.quote_words import quote_words

__all__ = ["extract_quotes", "quote_spans", "quote_words"]

Role = Literal["open", "close"]

_DOUBLE_MARK = re.compile(r"``|''|[“”\"]")
_SINGLE_PAIR = re.compile(r"(?:(?<=\s)|(?<=^)|(?<=[(\[—–-]))‘(?P<q>[^‘’]+(?:’\w[^‘’]*)*)’(?!\w)")
_OPENERS_BEFORE = " \t\n([{—–-/,:;"
_CLOSERS_AFTER = " \t\n.,;:!?)]}—–-'’"
_MIN_LONE_CHARS = 12


def extract_quotes(text: str, attributions: list[AttributionFact]) -> list[QuoteFact]:
    return [_fact(text, start, end, attributions) for start, end in quote_spans(text)]


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the quoted words, without the marks, in text order."""
    spans = _double_quote_spans(text)
    for match in _SINGLE_PAIR.finditer(text):
        start, end = match.span("q")
        if not any(start < e and s < end for s, e in spans):
            spans.append((start, end))
    return sorted(span for span in (_trimmed(text, s, e) for s, e in spans) if span[0] < span[1])


def _double_quote_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    opened_at: int | None = None
    seen_mark = False
    for match in _DOUBLE_MARK.finditer(text):
        role = _role(text, match)
        if role == "open":
            opened_at = match.end()
        elif role == "close" and opened_at is not None:
            spans.append((opened_at, match.start()))
            opened_at = None
        elif (
            role == "close"
            and not seen_mark
            and len(text[: match.start()].strip()) >= _MIN_LONE_CHARS
        ):
            spans.append((0, match.start()))
        seen_mark = True
    if opened_at is not None and len(text[opened_at:].strip()) >= _MIN_LONE_CHARS:
        spans.append((opened_at, len(text)))
    return spans


def _role(text: str, mark: re.Match[str]) -> Role | None:
    """Whether a quote mark opens or closes a quotation; None when it cannot tell."""
    if mark.group() in ("“", "``"):
        return "open"
    if mark.group() in ("”", "''"):
        return "close"
    before = text[mark.start() - 1] if mark.start() > 0 else " "
    after = text[mark.end()] if mark.end() < len(text) else " "
    if before.isdigit():
        return None  # 5'10" is a height, not a quote
    can_open = before in _OPENERS_BEFORE and not after.isspace()
    can_close = not before.isspace() and (after in _CLOSERS_AFTER or after in '“”"')
    if can_open == can_close:
        return None
    return "open" if can_open else "close"


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


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
