"""A condensed copy that keeps a modifier but drops the noun it modified.

"fake crowd noise" cut to "fake crowd", or "a county championship winner" cut to "a county
championship": the kept words now name something else. Names after a title ("prime
minister David Cameron" → "prime minister") and time words are left alone.
"""

from __future__ import annotations

from comparison.alignment import align_tokens
from comparison.findings import quoted, token_span
from facts.model import ClaimFacts, TextSpan, TokenInfo
from facts.quantities import TIME_UNITS

MODIFIER_DEPS = frozenset({"compound", "amod", "poss"})
TIMES_OF_DAY = frozenset({"morning", "afternoon", "evening", "night"})
# "crew members" → "crew", "police officers" → "police": the same people
GROUP_HEADS = frozenset({"member", "officer", "official", "people", "personnel", "staff"})


def orphaned_modifier(
    short: ClaimFacts, long_: ClaimFacts
) -> tuple[TextSpan, TextSpan, str] | None:
    """(kept word in ``short``, dropped noun in ``long_``, explanation), or None."""
    found = _orphan(short, long_)
    if found is None:
        return None
    kept, dropped = found
    return kept, dropped, f"{quoted(kept)} modifies {quoted(dropped)} there, which is left out"


def _orphan(short: ClaimFacts, long_: ClaimFacts) -> tuple[TextSpan, TextSpan] | None:
    pairs = align_tokens(short, long_)
    kept = set(pairs.values())
    for index, source in sorted(pairs.items()):
        token = long_.tokens[source]
        head = long_.tokens[token.head]
        if not short.tokens[index].is_content or token.head in kept:
            continue
        if short.tokens[index].head not in pairs:
            continue  # it now modifies a word of its own, not one of the other text's
        if token.dep in MODIFIER_DEPS and _is_common_noun(head):
            return token_span(short, short.tokens[index]), token_span(long_, head)
    return None


def _is_common_noun(token: TokenInfo) -> bool:
    return (
        token.pos == "NOUN"
        and token.is_content
        and token.lemma not in TIME_UNITS
        and token.lemma not in TIMES_OF_DAY
        and token.lemma not in GROUP_HEADS
    )
