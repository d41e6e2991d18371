"""Word-level alignment of two claims (content lemmas), used for substitutions and fallbacks."""

from __future__ import annotations

from collections.abc import Sequence
from difflib import SequenceMatcher

from comparison.findings import text_between
from facts.model import ClaimFacts, TextSpan, TokenInfo


def lemma_sequence(facts: ClaimFacts) -> list[str]:
    return [t.lemma for t in facts.tokens if not _is_punct(t)]


def word_tokens(facts: ClaimFacts) -> list[TokenInfo]:
    return [t for t in facts.tokens if not _is_punct(t)]


def _is_punct(token: TokenInfo) -> bool:
    return token.pos == "PUNCT" or not any(ch.isalnum() for ch in token.text)


def opcodes(a: ClaimFacts, b: ClaimFacts) -> Sequence[tuple[str, int, int, int, int]]:
    matcher = SequenceMatcher(a=lemma_sequence(a), b=lemma_sequence(b), autojunk=False)
    return matcher.get_opcodes()


def tokens_span(facts: ClaimFacts, tokens: list[TokenInfo]) -> TextSpan:
    return text_between(facts, tokens[0].start, tokens[-1].end)


def first_difference(a: ClaimFacts, b: ClaimFacts) -> tuple[TextSpan, TextSpan] | None:
    words_a, words_b = word_tokens(a), word_tokens(b)
    for tag, i1, i2, j1, j2 in opcodes(a, b):
        if tag == "equal":
            continue
        part_a = words_a[max(0, i1 - 1) : max(i2, i1 + 1)] or words_a[-1:]
        part_b = words_b[max(0, j1 - 1) : max(j2, j1 + 1)] or words_b[-1:]
        if part_a and part_b:
            return tokens_span(a, part_a), tokens_span(b, part_b)
    return None


def extractive_coverage(a: ClaimFacts, b: ClaimFacts, min_block: int = 3) -> float:
    """Share of the shorter claim's words that sit in runs of ``min_block``+ words copied from
    the other: near 1 for a condensed copy, low for a headline-style rewrite."""
    words_a = [t.text.lower() for t in word_tokens(a)]
    words_b = [t.text.lower() for t in word_tokens(b)]
    short, long_ = (words_a, words_b) if len(words_a) <= len(words_b) else (words_b, words_a)
    if not short:
        return 0.0
    matcher = SequenceMatcher(a=short, b=long_, autojunk=False)
    copied = sum(block.size for block in matcher.get_matching_blocks() if block.size >= min_block)
    return copied / len(short)
