"""Find an article's headline in a saved page: a repeated headline-like line, else the first."""

from __future__ import annotations

from collections import Counter

from claims.furniture import furniture_reason
from claims.lines import Line, is_prose, word_count

_MIN_WORDS = 4
_MAX_WORDS = 25


def normalise(text: str) -> str:
    """Collapse runs of whitespace (no-break spaces included) to one space."""
    return " ".join(text.split())


def detect_headline(lines: list[Line]) -> str | None:
    """The line most likely to be the headline, or None for a text that has none."""
    candidates = [line for line in lines if _could_be_headline(line.text)]
    counts = Counter(normalise(line.text) for line in lines if not line.blank)
    repeated = [line for line in candidates if counts[normalise(line.text)] > 1]
    if repeated:
        return repeated[0].text
    body_start = next((line.index for line in lines if is_prose(line.text)), len(lines))
    leading = [line for line in candidates if line.index < body_start]
    return leading[0].text if leading else None


def _could_be_headline(text: str) -> bool:
    if not _MIN_WORDS <= word_count(text) <= _MAX_WORDS or text.endswith("."):
        return False
    if text[0].islower():
        return False
    return furniture_reason(text) in (None, "header")
