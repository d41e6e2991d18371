"""Token alignment of a condensed claim to the claim it was cut from."""

from __future__ import annotations

from difflib import SequenceMatcher

from facts.model import ClaimFacts, TokenInfo


def is_word(token: TokenInfo) -> bool:
    return token.pos != "PUNCT" and any(ch.isalnum() for ch in token.text)


def align_tokens(short: ClaimFacts, long_: ClaimFacts) -> dict[int, int]:
    """Token index in ``short`` → token index in ``long_`` for words copied in order; content
    words left over are paired when their lemma occurs exactly once among the unpaired."""
    short_words = [i for i, t in enumerate(short.tokens) if is_word(t)]
    long_words = [i for i, t in enumerate(long_.tokens) if is_word(t)]
    matcher = SequenceMatcher(
        a=[short.tokens[i].text.casefold() for i in short_words],
        b=[long_.tokens[i].text.casefold() for i in long_words],
        autojunk=False,
    )
    pairs: dict[int, int] = {}
    for block in matcher.get_matching_blocks():
        for k in range(block.size):
            pairs[short_words[block.a + k]] = long_words[block.b + k]
    _pair_unique_lemmas(short, long_, short_words, long_words, pairs)
    return pairs


def _pair_unique_lemmas(
    short: ClaimFacts,
    long_: ClaimFacts,
    short_words: list[int],
    long_words: list[int],
    pairs: dict[int, int],
) -> None:
    taken = set(pairs.values())
    for index in short_words:
        token = short.tokens[index]
        if index in pairs or not token.is_content:
            continue
        candidates = [
            j for j in long_words if j not in taken and long_.tokens[j].lemma == token.lemma
        ]
        if len(candidates) == 1:
            pairs[index] = candidates[0]
            taken.add(candidates[0])
