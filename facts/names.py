"""Folding name variants: diacritics, transliterations and common aliases map to one key."""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher

_ALIASES = {
    "us": "us",
    "usa": "us",
    "united states": "us",
    "united states of america": "us",
    "america": "us",
    "washington": "us",
    "uk": "uk",
    "britain": "uk",
    "great britain": "uk",
    "united kingdom": "uk",
    "eu": "eu",
    "european union": "eu",
    "un": "un",
    "united nations": "un",
    "kiev": "kyiv",
    "russian federation": "russia",
    "moscow": "russia",
    "kremlin": "russia",
    "organization for security and cooperation in europe": "osce",
    "north atlantic treaty organization": "nato",
    "russian": "russia",
    "russians": "russia",
    "ukrainian": "ukraine",
    "ukrainians": "ukraine",
    "american": "us",
    "americans": "us",
    "british": "uk",
    "hungarian": "hungary",
    "european": "europe",
    "chinese": "china",
    "german": "germany",
    "french": "france",
    "belarusian": "belarus",
    "israeli": "israel",
    "iranian": "iran",
    "syrian": "syria",
}
_FIRST_NAMES = {
    "sergey": "sergei",
    "victor": "viktor",
    "anthony": "antony",
    "vladimir": "vladimir",
    "volodymyr": "volodymyr",
    "joseph": "joe",
}
_SURNAME_RULES = [
    (re.compile(r"(?<=[a-z])(yy|iy|ii|yi)$"), "y"),
    (re.compile(r"ks"), "x"),
    (re.compile(r"(?<=[a-z])ff$"), "v"),
    (re.compile(r"(?<=[a-z])ov$"), "ov"),
]
_DROP_WORDS = {"the", "mr", "mrs", "ms", "dr", "president", "prime", "minister", "secretary"}


def fold(text: str) -> str:
    """Lower case, no diacritics, no punctuation, single spaces."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    plain = re.sub(r"[’']s\b", "", plain.lower())
    plain = re.sub(r"(?<=\b[a-z])\.", "", plain)
    plain = re.sub(r"[^a-z0-9 ]+", " ", plain)
    return " ".join(plain.split())


def _fold_token(token: str) -> str:
    token = _FIRST_NAMES.get(token, token)
    for pattern, replacement in _SURNAME_RULES:
        token = pattern.sub(replacement, token)
    return token


def entity_key(text: str) -> str:
    """The key two spellings of one name share ("Orbán" and "Orban", "U.S." and "United States")."""
    folded = fold(text)
    if folded in _ALIASES:
        return _ALIASES[folded]
    words = [w for w in folded.split() if w not in _DROP_WORDS] or folded.split()
    joined = " ".join(words)
    if joined in _ALIASES:
        return _ALIASES[joined]
    return " ".join(_fold_token(word) for word in words)


def acronym(key: str) -> str:
    words = [w for w in key.split() if w not in ("of", "for", "and", "in", "the")]
    return (
        "".join(word if word in ("us", "uk", "eu") else word[0] for word in words)
        if len(words) > 1
        else ""
    )


def similar_token(a: str, b: str) -> bool:
    if a == b:
        return True
    if min(len(a), len(b)) < 5:
        return False
    return SequenceMatcher(a=a, b=b).ratio() >= 0.8


def same_entity(a: str, b: str) -> bool:
    """Whether two entity keys name the same thing, tolerant of first names and transliteration."""
    if not a or not b:
        return False
    if a == b or acronym(a) == b or acronym(b) == a:
        return True
    words_a, words_b = a.split(), b.split()
    if words_a[-1] == words_b[-1] or similar_token(words_a[-1], words_b[-1]):
        return True
    shorter, longer = sorted((words_a, words_b), key=len)
    return all(any(similar_token(s, w) for w in longer) for s in shorter)
