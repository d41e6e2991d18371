"""Whether a stretch of one claim is copied word for word from the other.

Two words that sit in the same run of copied words stand in the same relation in both
texts, whatever the parser makes of them; a link between them is no rewrite.
"""

from __future__ import annotations

import re

from facts.model import ClaimFacts

_WORD = re.compile(r"\w+")


def words_of(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def copied_verbatim(stretch: str, other: ClaimFacts) -> bool:
    """Whether ``stretch``'s words appear, in order and adjacent, in ``other``'s text."""
    needle = words_of(stretch)
    if not needle:
        return False
    haystack = words_of(other.text)
    width = len(needle)
    return any(haystack[i : i + width] == needle for i in range(len(haystack) - width + 1))
