"""Tiny, engine-independent text helpers used to prepare evaluation pairs.

They only pick candidate sentences; all verdicts and similarities come from the API.
"""

from __future__ import annotations

import re

_SENTENCE_END = re.compile(r"(?<!\b[A-Za-z])([.!?]+[\"'”’)]*)\s+")
_WORD = re.compile(r"[a-z0-9]+")
_STOPWORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "by",
        "for",
        "from",
        "has",
        "have",
        "he",
        "her",
        "his",
        "in",
        "is",
        "it",
        "its",
        "of",
        "on",
        "or",
        "she",
        "that",
        "the",
        "their",
        "they",
        "this",
        "to",
        "was",
        "were",
        "will",
        "with",
    ]
)


def split_sentences(text: str) -> list[str]:
    """Sentences (or lines) of ``text``, stripped, empty ones dropped."""
    one_per_line = _SENTENCE_END.sub("\\1\n", text)
    return [line.strip() for line in one_per_line.splitlines() if line.strip()]


def content_words(text: str) -> set[str]:
    """Lower-cased word tokens minus common function words."""
    return {word for word in _WORD.findall(text.lower()) if word not in _STOPWORDS}


def lexical_overlap(query: str, candidate: str) -> float:
    """Share of the query's content words found in the candidate (0..1)."""
    query_words = content_words(query)
    if not query_words:
        return 0.0
    return len(query_words & content_words(candidate)) / len(query_words)


def best_matching_sentences(query: str, sentences: list[str], count: int) -> list[str]:
    """The ``count`` sentences sharing most words with ``query``, kept in document order."""
    ranked = sorted(
        range(len(sentences)),
        key=lambda index: (-lexical_overlap(query, sentences[index]), index),
    )
    chosen = sorted(ranked[:count])
    return [sentences[index] for index in chosen]
