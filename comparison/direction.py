"""The direction of a change said of the same thing: "shares rose" vs "shares fell"."""

from __future__ import annotations

from comparison.findings import reason, text_between
from comparison.model import Reason
from facts.model import ClaimFacts, TextSpan

_DIRECTIONS = {
    "up": 1,
    "rise": 1,
    "gain": 1,
    "rally": 1,
    "climb": 1,
    "jump": 1,
    "surge": 1,
    "soar": 1,
    "strong": 1,
    "positive": 1,
    "increase": 1,
    "down": -1,
    "fall": -1,
    "drop": -1,
    "decline": -1,
    "slip": -1,
    "lose": -1,
    "weak": -1,
    "plunge": -1,
    "tumble": -1,
    "slump": -1,
    "decrease": -1,
    "negative": -1,
    "flat": 0,
    "unchanged": 0,
}
_REACH = 2


def direction_reasons(a: ClaimFacts, b: ClaimFacts) -> list[Reason]:
    moves_b = _moves(b)
    for subject, (direction, span_a) in _moves(a).items():
        if subject in moves_b and moves_b[subject][0] != direction:
            span_b = moves_b[subject][1]
            explanation = f"this: '{span_a.text}'; other: '{span_b.text}' (opposite moves)"
            return [reason("number", span_a, span_b, explanation)]
    return []


def _moves(facts: ClaimFacts) -> dict[str, tuple[int, TextSpan]]:
    """First stated direction for each subject noun."""
    moves: dict[str, tuple[int, TextSpan]] = {}
    tokens = facts.tokens
    for index, token in enumerate(tokens):
        if token.pos not in ("NOUN", "PROPN") or token.lemma in moves or not token.is_content:
            continue
        for follower in tokens[index + 1 : index + 1 + _REACH]:
            word = follower.lemma if follower.lemma in _DIRECTIONS else follower.text.lower()
            if word in _DIRECTIONS:
                span = text_between(facts, token.start, follower.end)
                moves[token.lemma] = (_DIRECTIONS[word], span)
                break
    return moves
