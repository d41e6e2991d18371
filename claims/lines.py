"""Lines of a text with their offsets, and the shape tests every other rule builds on."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_LINE_BREAK = re.compile(r"\r\n|[\n\r\x0b\x0c\x85\u2028\u2029]")
_WORD = re.compile(r"[^\W_](?:[\w'’.&-]*[^\W_])?")
_CLOSERS = "”’\"')]»›"
_SENTENCE_END = ".!?…"
_LOWER_WORD = re.compile(r"\b[a-z][a-z'’-]+\b")


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a text, trimmed: ``source[start:end] == text`` (empty for a blank line)."""

    index: int
    start: int
    end: int
    text: str

    @property
    def blank(self) -> bool:
        return not self.text


def split_lines(text: str) -> list[Line]:
    """Every line of ``text`` (blank ones included), trimmed of surrounding whitespace."""
    lines: list[Line] = []
    position = 0
    for match in _LINE_BREAK.finditer(text):
        lines.append(_trimmed_line(text, len(lines), position, match.start()))
        position = match.end()
    lines.append(_trimmed_line(text, len(lines), position, len(text)))
    return lines


def _trimmed_line(text: str, index: int, start: int, end: int) -> Line:
    start, end = trim_span(text, start, end)
    return Line(index=index, start=start, end=end, text=text[start:end])


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Narrow ``start:end`` so that it neither starts nor ends with whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def word_set(words: str) -> frozenset[str]:
    """A set of words written as one space-separated string (for keyword lists)."""
    return frozenset(words.split())


def words(text: str) -> list[str]:
    """The words of ``text`` (tokens with a letter or digit; punctuation dropped)."""
    return _WORD.findall(text)


@lru_cache(maxsize=4096)
def word_count(text: str) -> int:
    """How many words ``text`` has (cached: every rule asks about the same lines)."""
    return len(words(text))


def ends_like_sentence(text: str) -> bool:
    """True when ``text`` ends with . ! ? or an ellipsis, closing quotes and brackets aside."""
    core = text.rstrip().rstrip(_CLOSERS).rstrip()
    return bool(core) and core[-1] in _SENTENCE_END


def has_lowercase_word(text: str) -> bool:
    """True when some word is written in lower case (headers and menus are often not)."""
    return _LOWER_WORD.search(text) is not None


def is_prose(text: str) -> bool:
    """A line that reads like running text: several words ending like a sentence."""
    return word_count(text) >= 6 and ends_like_sentence(text) and has_lowercase_word(text)


def introduces_quote(text: str) -> bool:
    """A sentence leading into a quoted passage: 'The minister said in a statement:'."""
    return text.endswith(":") and word_count(text) >= 8 and has_lowercase_word(text)


def is_headline_shaped(text: str, max_words: int = 20) -> bool:
    """A short line that does not end like a sentence: headlines, headers, labels, menus."""
    if not text or ends_like_sentence(text) or introduces_quote(text):
        return False
    return word_count(text) <= max_words
