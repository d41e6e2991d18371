"""The words of a quotation, normalised so that two renderings of one utterance compare word
for word: case, diacritics, punctuation, curly apostrophes, initialisms ("I.R.S." = "IRS"),
contractions ("don't" = "do not") and number words ("twelve" = "12") do not count.

Ellipses and bracketed or parenthesised editorial insertions become marker words, because they
stand for words the writer left out or replaced: ``ELLIPSIS`` and ``EDITORIAL``. Censored
words keep their asterisks ("f***ing").
"""

from __future__ import annotations

import re
from typing import NamedTuple

from facts.names import without_diacritics
from facts.numbers import TENS, UNITS

ELLIPSIS = "<...>"
EDITORIAL = "<[...]>"
MARKERS = frozenset({ELLIPSIS, EDITORIAL})


class QuoteWord(NamedTuple):
    word: str
    start: int  # character offsets of the written word inside the quoted text
    end: int


_LETTER = r"(?:[^\W_]|\[[^\W_]{1,3}\])"
_TOKEN = re.compile(
    rf"(?P<ellipsis>\.(?:\s?\.){{2,}}|…)"
    rf"|(?P<editorial>\[[^\]\[]*\](?![^\W_])|\([^()]*\))"
    rf"|(?P<percent>%)"
    rf"|(?P<word>{_LETTER}(?:{_LETTER}|\*)*(?:[.,'’\-]{_LETTER}+)*(?:\.(?!\.))?)"
)
_INITIALISM = re.compile(r"(?:[a-z]\.){2,}|(?:[a-z]\.)+[a-z]")
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}\b)")
_CONTRACTIONS = {"n't": "not", "'ve": "have", "'ll": "will", "'re": "are", "'m": "am"}
_NEGATED_STEMS = {"wo": "will", "ca": "can", "sha": "shall"}
_FUSED = {"cannot": ["can", "not"], "gonna": ["going", "to"], "wanna": ["want", "to"]}
_CLITIC = re.compile(r"^(?P<stem>.+?)(?P<clitic>n't|'ve|'ll|'re|'m|'s|'d)$")
_NUMBER_WORDS = {word: str(value) for word, value in {**UNITS, **TENS}.items()}


def quote_words(text: str) -> tuple[str, ...]:
    return tuple(token.word for token in quote_tokens(text))


def quote_tokens(text: str) -> list[QuoteWord]:
    tokens: list[QuoteWord] = []
    for match in _TOKEN.finditer(text):
        start, end = match.span()
        if match.lastgroup == "ellipsis":
            tokens.append(QuoteWord(ELLIPSIS, start, end))
        elif match.lastgroup == "editorial":
            tokens.append(QuoteWord(EDITORIAL, start, end))
        elif match.lastgroup == "percent":
            tokens.append(QuoteWord("percent", start, end))
        else:
            written = match.group()
            if written.endswith(".") and not _INITIALISM.fullmatch(_plain(written)):
                end -= 1  # a full stop, not part of the word
            tokens += [QuoteWord(word, start, end) for word in _normalise(written)]
    return tokens


def _normalise(written: str) -> list[str]:
    plain = _plain(written)
    if _INITIALISM.fullmatch(plain):
        return [plain.replace(".", "")]
    plain = _THOUSANDS.sub("", plain).rstrip(".")
    words: list[str] = []
    for piece in re.split(r"[.,\-]+", plain):
        words += _split_clitic(piece)
    return [_NUMBER_WORDS.get(word, word) for word in words if word]


def _plain(written: str) -> str:
    plain = without_diacritics(written.replace("’", "'"))
    return plain.lower().replace("[", "").replace("]", "")


def _split_clitic(piece: str) -> list[str]:
    if piece in _FUSED:
        return _FUSED[piece]
    match = _CLITIC.match(piece)
    if match is None:
        return [piece.replace("'", "")]
    stem, clitic = match.group("stem"), match.group("clitic")
    if clitic == "n't":
        stem = _NEGATED_STEMS.get(stem, stem)
    return [stem.replace("'", ""), _CONTRACTIONS.get(clitic, clitic)]
