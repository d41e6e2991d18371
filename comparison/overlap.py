"""How much two claims talk about the same things, measured on content words."""

from __future__ import annotations

import functools
import re

from facts.model import ClaimFacts
from facts.names import entity_key

_STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "with",
        "from",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "has",
        "have",
        "had",
        "do",
        "does",
        "did",
        "not",
        "no",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "he",
        "she",
        "they",
        "we",
        "i",
        "you",
        "his",
        "her",
        "their",
        "our",
        "your",
        "them",
        "him",
        "us",
        "who",
        "whom",
        "which",
        "what",
        "when",
        "where",
        "why",
        "how",
        "than",
        "then",
        "there",
        "here",
        "also",
        "said",
        "says",
        "say",
        "saying",
        "told",
        "tell",
        "would",
        "will",
        "could",
        "may",
        "might",
        "can",
        "should",
        "about",
        "after",
        "before",
        "over",
        "into",
        "out",
        "up",
        "down",
        "more",
        "most",
        "very",
        "just",
        "so",
        "such",
        "only",
        "some",
        "any",
        "all",
        "each",
        "both",
        "other",
        "another",
        "own",
        "same",
        "few",
        "many",
        "much",
        "said",
        "according",
        "while",
        "during",
        "since",
        "until",
        "if",
        "because",
        "though",
        "although",
        "whether",
        "not",
    ]
)
WORD_CACHE_SIZE = 1 << 17
TEXT_CACHE_SIZE = 1 << 15
_WORD = re.compile(r"[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ.'’-]*")


def _crude_stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


@functools.lru_cache(maxsize=WORD_CACHE_SIZE)
def _content_word(word: str) -> str | None:
    """The key a word is compared by, or None for a stop word: worked out once per process
    for each distinct word (a check compares thousands of candidate texts of few words)."""
    key = entity_key(word)
    if not key or key in _STOP or len(key) <= 1:
        return None
    return _crude_stem(key)


@functools.lru_cache(maxsize=TEXT_CACHE_SIZE)
def text_content_words(text: str) -> frozenset[str]:
    """Content words of a text, cached per process: stored claims come back as candidates
    check after check."""
    keys = (_content_word(word) for word in _WORD.findall(text))
    return frozenset(key for key in keys if key is not None)


def overlap_coefficient(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def content_overlap(a_text: str, b_text: str) -> float:
    """Share of the shorter text's content words that the other text also has (0..1), no parser."""
    return overlap_coefficient(text_content_words(a_text), text_content_words(b_text))


def _words(facts: ClaimFacts) -> frozenset[str]:
    return frozenset(w for w in facts.content_lemmas if not any(ch.isdigit() for ch in w))


def facts_overlap(a: ClaimFacts, b: ClaimFacts) -> float:
    """Overlap of lemmatised content words (numbers left out: they are compared on their own)."""
    return overlap_coefficient(_words(a), _words(b))
