"""Whether a stretch of one claim is copied word for word from the other.

Two words that sit in the same run of copied words stand in the same relation in both
texts, whatever the parser makes of them; a link between them is no rewrite.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from facts.model import ClaimFacts, TextSpan, TokenInfo

_WORD = re.compile(r"\w+")


def words_of(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def copied_verbatim(stretch: str, other: ClaimFacts) -> bool:
    """Whether ``stretch``'s words appear, in order and adjacent, in ``other``'s text."""
    needle = words_of(stretch)
    if not needle:
        return False
    return contains_run(words_of(other.text), needle)


def copied_content_words(stretch: TextSpan, facts: ClaimFacts, other: ClaimFacts) -> bool:
    """Whether the content words of ``facts`` inside ``stretch`` appear, in order and adjacent,
    among ``other``'s content words outside brackets: "make way for car park" in "make way for
    a car park", "Green was found" in "Green (pictured in court) was found"."""
    needle = [
        t.lemma for t in facts.tokens if t.is_content and stretch.start <= t.start < stretch.end
    ]
    if len(needle) < 2:
        return False
    return contains_run([t.lemma for t in _outside_brackets(other.tokens) if t.is_content], needle)


def contains_run(haystack: Sequence[str], needle: Sequence[str]) -> bool:
    """Whether ``needle`` occurs in ``haystack`` as adjacent items, in order."""
    width = len(needle)
    return any(
        list(haystack[i : i + width]) == list(needle) for i in range(len(haystack) - width + 1)
    )


def _outside_brackets(tokens: Sequence[TokenInfo]) -> list[TokenInfo]:
    kept: list[TokenInfo] = []
    depth = 0
    for token in tokens:
        if token.text == "(":
            depth += 1
        elif token.text == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            kept.append(token)
    return kept
