"""Walking a claim's dependency parse, up and down."""

from __future__ import annotations

from facts.model import ClaimFacts


def governs(facts: ClaimFacts, head: int, index: int, steps: int) -> bool:
    """Whether token ``index`` lies under token ``head`` at most ``steps - 1`` arcs up."""
    current = index
    for _ in range(steps):
        if current == head:
            return True
        if not 0 <= current < len(facts.tokens):
            return False
        parent = facts.tokens[current].head
        if parent == current:
            return False
        current = parent
    return False


def children(facts: ClaimFacts, index: int) -> list[int]:
    """The indices of the tokens that hang directly on token ``index``."""
    return [i for i, token in enumerate(facts.tokens) if token.head == index and i != index]


def governor(facts: ClaimFacts, index: int) -> str:
    """The lemma of the word token ``index`` fills a slot of, looking through a preposition
    ("checked into rehab" → "check"); "" for the root."""
    head = facts.tokens[index].head
    if head == index:
        return ""
    if facts.tokens[head].pos == "ADP" and facts.tokens[head].head != head:
        head = facts.tokens[head].head
    return facts.tokens[head].lemma
