"""Items of one list: "televisions, phones and speakers" cut to "televisions and speakers".

Dropping an item from a list leaves the others linked to each other in the shorter text;
they were items of the same list in the longer one, so that link is no rewrite.
"""

from __future__ import annotations

from facts.model import ClaimFacts

COORDINATED_DEPS = frozenset({"conj", "appos"})


def coordinated(facts: ClaimFacts, first: str, second: str) -> bool:
    """Whether words with lemmas ``first`` and ``second`` are items of one list in ``facts``."""
    first_lists = {_list_head(facts, i) for i, t in enumerate(facts.tokens) if t.lemma == first}
    return any(
        _list_head(facts, i) in first_lists for i, t in enumerate(facts.tokens) if t.lemma == second
    )


def _list_head(facts: ClaimFacts, index: int) -> int:
    """The first item of the list the token at ``index`` belongs to (itself if none)."""
    token = facts.tokens[index]
    while token.dep in COORDINATED_DEPS and token.head != index:
        index = token.head
        token = facts.tokens[index]
    return index
