"""Rule-based sentence splitting that keeps exact character offsets.

Line breaks are hard boundaries. Inside a line a boundary is a sentence-ending mark,
any closing quotes or brackets glued to it, whitespace, then something that can open a
sentence. Abbreviations, initials and numbers decide the doubtful full stops.
"""

from __future__ import annotations

import re

from claims.abbreviations import (
    AMBIGUOUS,
    BEFORE_NUMBERS,
    SENTENCE_STARTERS,
    TITLES,
    is_dotted_acronym,
    is_initial,
)
from claims.lines import split_lines, trim_span, word_count

MIN_SENTENCE_WORDS = 4

_BOUNDARY = re.compile(r"(?P<mark>\.{2,}|…|[.!?]+)(?P<close>[”’\"')\]»]*)\s+(?=\S)")
_OPENING_PUNCTUATION = "“‘\"'([«¡¿–—"
_LOOKAHEAD = 60  # characters after a boundary enough to read the next word
_NEXT_WORD = re.compile(r"[“‘\"'(\[]*([\w’'-]+)")
_LEADING_MARKER = re.compile(r"[•·▪►▸●◦*\-–—]\s+")


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Trimmed sentence spans of ``text[start:end]``; fragments join their neighbour."""
    stop = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    for line in split_lines(text[start:stop]):
        if not line.blank:
            spans.extend(_line_sentences(text, start + line.start, start + line.end))
    return spans


def _line_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    raw: list[tuple[int, int]] = []
    position = start
    for match in _BOUNDARY.finditer(text, start, end):
        if _is_sentence_end(text, match, start):
            raw.append(_clean_span(text, position, match.end("close")))
            position = match.end()
    raw.append(_clean_span(text, position, end))
    return _merge_fragments(text, [span for span in raw if span[0] < span[1]])


def _clean_span(text: str, start: int, end: int) -> tuple[int, int]:
    start, end = trim_span(text, start, end)
    marker = _LEADING_MARKER.match(text, start, end)
    if marker:
        start, end = trim_span(text, marker.end(), end)
    return start, end


def _is_sentence_end(text: str, match: re.Match[str], line_start: int) -> bool:
    following = text[match.end() : match.end() + _LOOKAHEAD]
    if not _opens_sentence(following[:1]):
        return False
    if match.group("mark") != "." or match.group("close"):
        return True
    token_start = _token_start(text, line_start, match.start())
    token = text[token_start : match.start()].lstrip(_OPENING_PUNCTUATION)
    at_line_start = token_start == line_start
    return _full_stop_ends_sentence(token, following, at_line_start=at_line_start)


def _token_start(text: str, line_start: int, position: int) -> int:
    """Where the whitespace-free token that ends at ``position`` starts."""
    while position > line_start and not text[position - 1].isspace():
        position -= 1
    return position


def _opens_sentence(character: str) -> bool:
    return character.isupper() or character.isdigit() or character in _OPENING_PUNCTUATION


def _full_stop_ends_sentence(token: str, following: str, *, at_line_start: bool) -> bool:
    lowered = token.lower()
    next_word = _NEXT_WORD.match(following)
    word = next_word.group(1) if next_word else ""
    if lowered in TITLES:
        return False
    if lowered in BEFORE_NUMBERS and word[:1].isdigit():
        return False
    if token.isdigit() and at_line_start:
        return False
    if lowered in AMBIGUOUS or is_dotted_acronym(token) or is_initial(token):
        return word.lower() in SENTENCE_STARTERS
    return True


def _merge_fragments(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join sentences shorter than MIN_SENTENCE_WORDS to the previous (or next) one."""
    if len(spans) < 2:
        return spans
    merged: list[tuple[int, int]] = []
    carried: int | None = None  # start of leading fragments waiting for a sentence
    for start, end in spans:
        start = start if carried is None else carried
        carried = None
        if word_count(text[start:end]) >= MIN_SENTENCE_WORDS:
            merged.append((start, end))
        elif merged:
            merged[-1] = (merged[-1][0], end)
        else:
            carried = start
    if carried is not None:
        merged.append((carried, spans[-1][1]))
    return merged
