"""Two ranks for one thing: "the first woman to lead the agency" / "the second woman to lead
the agency", "the fifth coach fired this season" / "the fourth coach", "won a third term" /
"won a fourth term". The ordinals must rank the same noun (or the same verb: "finished
second" / "finished third") in the same relation; a rank on one side only says nothing."""

from __future__ import annotations

import re

from comparison.cues import mentions
from comparison.findings import quoted, reason, text_between
from comparison.model import Reason
from comparison.parse_tree import governor
from facts.model import ClaimFacts, TextSpan

_ORDINALS = (
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
    "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
    "seventeenth", "eighteenth", "nineteenth", "twentieth",
)  # fmt: skip
ORDINAL_WORDS = {word: rank for rank, word in enumerate(_ORDINALS, start=1)}
_NUMBERED = re.compile(r"^(\d+)(?:st|nd|rd|th)$")
_ANY_RANK = re.compile(rf"\b(?:{'|'.join(_ORDINALS)}|\d+(?:st|nd|rd|th))\b", re.IGNORECASE)

Rank = tuple[str, str, int, TextSpan]  # ranked word's lemma, its head's lemma, rank, span


def ordinal_reasons(a: ClaimFacts, b: ClaimFacts) -> list[Reason]:
    """A thing ranked on both sides, with no rank in common ("first-degree murder and
    second-degree murder" / "first-degree murder" share one)."""
    if not (mentions(_ANY_RANK, a.text) and mentions(_ANY_RANK, b.text)):
        return []
    ranked_a, ranked_b = _by_slot(ranks(a)), _by_slot(ranks(b))
    for slot, found_a in ranked_a.items():
        found_b = ranked_b.get(slot, {})
        if found_b and not found_a.keys() & found_b.keys():
            span_a, span_b = next(iter(found_a.values())), next(iter(found_b.values()))
            explanation = f"this: {quoted(span_a)}; other: {quoted(span_b)} (another rank)"
            return [reason("number", span_a, span_b, explanation)]
    return []


def _by_slot(found: list[Rank]) -> dict[tuple[str, str], dict[int, TextSpan]]:
    slots: dict[tuple[str, str], dict[int, TextSpan]] = {}
    for ranked, above, rank, span in found:
        slots.setdefault((ranked, above), {}).setdefault(rank, span)
    return slots


def ranks(facts: ClaimFacts) -> list[Rank]:
    """Each ordinal of the claim with the word it ranks and the word that one hangs on,
    through a preposition ("in the seventh round" hangs on the verb before "in")."""
    found = []
    for token in facts.tokens:
        rank = rank_of(token.text) if _may_rank(token.text) else None
        if rank is None or token.head < 0 or facts.tokens[token.head] is token:
            continue
        ranked = facts.tokens[token.head]
        span = text_between(facts, min(token.start, ranked.start), max(token.end, ranked.end))
        found.append((ranked.lemma, governor(facts, token.head), rank, span))
    return found


def _may_rank(word: str) -> bool:
    return word[:1].isdigit() or word.lower() in ORDINAL_WORDS


def rank_of(word: str) -> int | None:
    lower = word.lower()
    if lower in ORDINAL_WORDS:
        return ORDINAL_WORDS[lower]
    numbered = _NUMBERED.match(lower)
    return int(numbered.group(1)) if numbered else None
