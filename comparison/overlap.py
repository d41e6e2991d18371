"""How much two claims talk about the same things, measured on content words."""

from __future__ import annotations

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
_WORD = re.compile(r"[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ.'’-]*")


def _crude_stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def text_content_words(text: str) -> frozenset[str]:
    words = (entity_key(w) for w in _WORD.findall(text))
    return frozenset(_crude_stem(w) for w in words if w and w not in _STOP and len(w) > 1)


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
