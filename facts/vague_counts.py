"""Counts given in words, not figures: "dozens of arrests", "a handful of", "twice".

Each word stands for the range of counts a writer would use it for; "dozens" is roughly 24 to
150, disjoint from "more than 200" but not from "more than 30". A scale word after it
multiplies the range ("several hundred", "a few thousand").
"""

from __future__ import annotations

import math
import re

from spacy.tokens import Doc, Token

from facts.model import QuantityFact, QuantityKind, TextSpan
from facts.numbers import CURRENCY_WORDS

# Ranges the word allows, both ends included. An "of" after the word is read with it.
VAGUE_RANGES: dict[str, tuple[float, float]] = {
    "a couple of": (2, 3),
    "a few": (2, 7),
    "a handful of": (2, 10),
    "several": (3, 15),
    "dozens": (24, 150),
    "scores of": (40, 400),
    "hundreds": (200, 1_999),
    "thousands": (2_000, 50_000),
    "tens of thousands": (20_000, 199_999),
    "hundreds of thousands": (200_000, 1_999_999),
    "millions": (2e6, 5e7),
    "tens of millions": (2e7, 2e8),
    "hundreds of millions": (2e8, 2e9),
    "billions": (2e9, 5e10),
    "tens of billions": (2e10, 2e11),
    "hundreds of billions": (2e11, 2e12),
    "twice": (2, 2),
}
_SCALE_AFTER = {"dozen": 12, "hundred": 100, "thousand": 1_000, "million": 1e6, "billion": 1e9}
# Only these may take a scale word after them ("several hundred", not "dozens hundred").
_SCALABLE = {"a few", "several", "a couple of"}
_PHRASE = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(VAGUE_RANGES, key=len)[::-1])
_VAGUE_RE = re.compile(
    rf"(?<![\w-])(?P<word>{_PHRASE})(?:\s+(?P<scale>{'|'.join(_SCALE_AFTER)})\b)?(?:\s+of\b)?"
    rf"(?![\w-])",
    re.I,
)
# A hedge or a part-of-the-total word changes what the word allows; such counts are left out.
_HEDGE_BEFORE = re.compile(
    r"\b(?:more\s+than|over|or|at\s+least|up\s+to|fewer\s+than|less\s+than|nearly|almost|about"
    r"|around|under|quite|the\s+first|the\s+last|every)\s+$",
    re.I,
)
_PART_AFTER = re.compile(r"\s+(?:more|other|additional|further|fewer|less)\b", re.I)
# "twice as many", "several times larger": a ratio, not a count.
_MULTIPLIER_AFTER = re.compile(
    r"\s+(?:as|the|that|what|its|their|his|her|more|less|higher|lower|larger|bigger"
    r"|smaller|greater|faster|slower)\b|\s+\w+er\s+than\b",
    re.I,
)
# Nouns of money ("millions of dollars", "thousands of dlrs"); not a word that is money only
# after a scale word ("marks").
_MONEY_NOUNS = {"dollar", "euro", "pound", "yen", "rupee"} | {
    form for form, word in CURRENCY_WORDS.items() if not word.scaled_only and " " not in form
}
_NOUN_REACH = 4  # tokens after the word searched for the counted noun


def extract_vague_counts(doc: Doc) -> list[QuantityFact]:
    found: list[QuantityFact] = []
    for match in _VAGUE_RE.finditer(doc.text):
        fact = _vague_fact(doc, match)
        if fact is not None:
            found.append(fact)
    return found


def is_vague_count(fact: QuantityFact) -> bool:
    """Whether ``fact`` was read from count words rather than a figure."""
    return _VAGUE_RE.fullmatch(fact.number_span.text) is not None


def _vague_fact(doc: Doc, match: re.Match[str]) -> QuantityFact | None:
    text = doc.text
    start, end = match.span()
    if _HEDGE_BEFORE.search(text[max(0, start - 20) : start]) or _PART_AFTER.match(text[end:]):
        return None
    allowed = _range(match)
    if allowed is None:
        return None
    low, high = allowed
    if match.group("word").lower() == "twice":
        if _MULTIPLIER_AFTER.match(text[end:]):
            return None
        return _fact(doc, match, low, high, "time", end, -1)
    noun = _counted_noun(doc, end)
    if noun is None:
        return None if _needs_noun(match) else _fact(doc, match, low, high, "", end, -1)
    noun_end = noun.idx + len(noun.text)
    unit = noun.lemma_.lower()
    if unit in _SCALE_AFTER:
        return None  # "dozens of thousands": a figure this module does not read
    if unit == "time" and _MULTIPLIER_AFTER.match(text[noun_end:]):
        return None
    return _fact(doc, match, low, high, unit, noun_end, _verb_side(noun).i)


def _needs_noun(match: re.Match[str]) -> bool:
    """ "Dozens were hurt" counts on its own; "a few", "several" and "a couple of" need a noun."""
    return match.group("word").lower().startswith(("a ", "several"))


def _range(match: re.Match[str]) -> tuple[float, float] | None:
    """The counts the words allow; None for a scale word after a word that takes none."""
    word = re.sub(r"\s+", " ", match.group("word").lower())
    low, high = VAGUE_RANGES[word]
    scale = match.group("scale")
    if scale is None:
        return low, high
    if word not in _SCALABLE:
        return None
    factor = _SCALE_AFTER[scale.lower()]
    return low * factor, high * factor


def _fact(
    doc: Doc, match: re.Match[str], low: float, high: float, unit: str, end: int, head: int
) -> QuantityFact:
    kind: QuantityKind = "count"
    if unit in _MONEY_NOUNS:
        kind, unit = "money", "$"
    start = match.start()
    return QuantityFact(
        value=math.sqrt(low * high),
        low=low,
        high=high,
        bound="exact" if low == high else "range",
        kind=kind,
        unit=unit,
        span=TextSpan(doc.text[start:end], start, end),
        number_span=TextSpan(match.group(), start, match.end()),
        head=head if head >= 0 else _first_token(doc, start),
    )


def _counted_noun(doc: Doc, end: int) -> Token | None:
    after = [token for token in doc if token.idx >= end][:_NOUN_REACH]
    for token in after:
        if token.pos_ in ("NOUN", "PROPN"):
            return _compound_head(token)
        if token.pos_ not in ("ADJ", "DET", "NUM") and token.lower_ not in ("of", "the"):
            return None
    return None


def _first_token(doc: Doc, start: int) -> int:
    """The count word itself ("Dozens of them fled"): the verb governs it."""
    at = [token.i for token in doc if token.idx >= start]
    return at[0] if at else -1


def _compound_head(token: Token) -> Token:
    """ "a few council members": the counted noun is "members", not "council"."""
    while token.dep_ == "compound" and token.head.i > token.i:
        token = token.head
    return token


def _verb_side(noun: Token) -> Token:
    """ "hundreds of protesters gathered": the verb governs "hundreds", not "protesters"."""
    preposition = noun.head
    return preposition.head if preposition.lower_ == "of" and noun.dep_ == "pobj" else noun
