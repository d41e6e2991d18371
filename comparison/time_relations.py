"""An act placed in time against another event, on different sides of it: "resigned before
the vote" / "resigned after the vote", "called 911 during the shooting" / "called 911 before
the shooting". The two claims must tie the same act to the same event; "shortly before" and
"ahead of" are still before, "following" is after and "amid" is during."""

from __future__ import annotations

import re
from dataclasses import dataclass

from comparison.cues import mentions
from comparison.event_verbs import same_event_verb
from comparison.findings import quoted, reason, text_between
from comparison.model import Reason
from comparison.parse_tree import children
from facts.model import ClaimFacts, TextSpan

RELATION_WORDS = {
    "before": "before",
    "after": "after",
    "following": "after",
    "during": "during",
    "amid": "during",
    "while": "during",
}
RELATION_PHRASES = {("ahead", "of"): "before", ("prior", "to"): "before"}
_PHRASE_HEADS = frozenset(head for head, _ in RELATION_PHRASES)
_ANY_RELATION = re.compile(rf"\b(?:{'|'.join([*RELATION_WORDS, *_PHRASE_HEADS])})\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class TimeRelation:
    act: str  # lemma of the word the relation is told of ("resign")
    event: str  # lemma of the event it is told against ("vote")
    relation: str  # "before", "after" or "during"
    span: TextSpan  # "before the vote"


def time_relation_reasons(a: ClaimFacts, b: ClaimFacts) -> list[Reason]:
    if not (mentions(_ANY_RELATION, a.text) and mentions(_ANY_RELATION, b.text)):
        return []
    relations_b = time_relations(b)
    for ra in time_relations(a):
        for rb in relations_b:
            if ra.relation != rb.relation and _same_tie(ra, rb):
                explanation = (
                    f"this: {quoted(ra.span)} ({ra.relation}); other: {quoted(rb.span)} "
                    f"({rb.relation})"
                )
                return [reason("date", ra.span, rb.span, explanation)]
    return []


def _same_tie(ra: TimeRelation, rb: TimeRelation) -> bool:
    return same_event_verb(ra.act, rb.act) and same_event_verb(ra.event, rb.event)


def time_relations(facts: ClaimFacts) -> list[TimeRelation]:
    """Each act the claim ties to another event by a relation word."""
    found = []
    for index, token in enumerate(facts.tokens):
        tie = _tie(facts, index)
        if tie is not None:
            act, event, relation = tie
            span = text_between(facts, token.start, facts.tokens[event].end)
            found.append(
                TimeRelation(facts.tokens[act].lemma, facts.tokens[event].lemma, relation, span)
            )
    return found


def _tie(facts: ClaimFacts, index: int) -> tuple[int, int, str] | None:
    """(act, event, relation) token indices when token ``index`` relates an act to an event:
    "resigned before the vote" (a preposition), "fled before he was charged" (a clause),
    "left ahead of the vote" (a phrase)."""
    token = facts.tokens[index]
    word = token.text.lower()
    if word not in RELATION_WORDS and word not in _PHRASE_HEADS:
        return None
    if word in RELATION_WORDS and token.dep == "prep":
        event = _object(facts, index)
        return None if event is None else (token.head, event, RELATION_WORDS[word])
    if word in RELATION_WORDS and token.dep == "mark":
        clause = token.head
        if facts.tokens[clause].dep != "advcl":
            return None
        return facts.tokens[clause].head, clause, RELATION_WORDS[word]
    if word not in _PHRASE_HEADS:
        return None
    for preposition in children(facts, index):
        relation = RELATION_PHRASES.get((word, facts.tokens[preposition].text.lower()))
        event = _object(facts, preposition)
        if relation is not None and event is not None:
            return token.head, event, relation
    return None


def _object(facts: ClaimFacts, preposition: int) -> int | None:
    objects = [i for i in children(facts, preposition) if facts.tokens[i].dep == "pobj"]
    return objects[0] if objects else None
