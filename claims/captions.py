"""Photo captions inside a line: drop the credit in parentheses and any duplicated copy.

Saved pages often render a caption as ``PHOTO: text. (Credit via Reuters)PHOTO: text.
(Credit via Reuters)``. The caption itself is editorial and holds claims; the credit and
the repeated copy do not. Nothing is cut out of the text: we only choose sub-spans.
"""

from __future__ import annotations

import re

from claims.lines import Line, trim_span

# A credit follows a sentence end and closes the caption (end of line or a new copy).
_CREDIT = re.compile(
    r"(?<=[.!?”’\"])\s*\((?P<credit>[^()]{2,160})\)(?=\s*$|\s*[A-Z“\"])",
)
_CREDIT_WORDS = re.compile(
    r"photo|image|getty|reuters|\bAP\b|AFP|EPA|pool|\bvia\b|courtesy|credit|shutterstock"
    r"|press service|file|reporting by|editing by",
    re.IGNORECASE,
)


def names_a_source(text: str) -> bool:
    """True when ``text`` reads like a photo or wire credit ('Jane Doe/Getty Images')."""
    return _CREDIT_WORDS.search(text) is not None


def caption_pieces(text: str, line: Line) -> list[tuple[int, int]]:
    """The spans of ``line`` worth reading: credits and repeated caption copies left out."""
    pieces: list[tuple[int, int]] = []
    seen: set[str] = set()
    position = line.start
    for credit in _credits(line):
        _add_piece(text, pieces, seen, position, line.start + credit.start())
        position = line.start + credit.end()
    _add_piece(text, pieces, seen, position, line.end)
    return pieces


def _credits(line: Line) -> list[re.Match[str]]:
    return [match for match in _CREDIT.finditer(line.text) if names_a_source(match.group("credit"))]


def _add_piece(
    text: str, pieces: list[tuple[int, int]], seen: set[str], start: int, end: int
) -> None:
    start, end = trim_span(text, start, end)
    copy = " ".join(text[start:end].split())
    if copy and copy not in seen:
        seen.add(copy)
        pieces.append((start, end))
