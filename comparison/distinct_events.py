"""Two events of one kind, not one event told two ways.

A claim can say so itself, by marking the thing it shares with the other claim as another
instance ("stopped another opponent" / "stopped his opponent", "a separate attack" / "the
attack"). Or the two claims can date the act apart and, at once, place it apart ("a 6.1 quake
struck northern Iran on Monday" / "a 5.4 quake struck southern Iran on Friday") or give it
another doer or undergoer ("Cheeks was fired Saturday" / "the Sixers fired O'Brien Monday"):
one slot misreported is a divergence; two at once are far more often two quakes, two rallies,
two firings. Such pairs are unrelated, never a divergence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from comparison.cues import mentions
from comparison.event_verbs import same_event_verb
from comparison.findings import inside_quote
from comparison.lookalike import root_index, unmatched_names
from comparison.model import Reason
from comparison.parse_tree import governor
from comparison.roles import role_of
from facts.model import ClaimFacts, EntityFact
from facts.names import same_entity
from facts.regions import region_kind

# "a different rehab", "an earlier quake" set the thing against another one; "another order"
# more often adds one more to a series ("issued another executive order" may be the order
# the other claim tells), so it counts only when the claims also date the act apart.
CONTRASTING = frozenset({"separate", "different", "earlier", "previous", "prior"})
ADDING = frozenset({"another"})
INDEFINITE_ARTICLES = frozenset({"a", "an"})
_ANY_MARKER = re.compile(rf"\b(?:{'|'.join(CONTRASTING | ADDING)})\b", re.IGNORECASE)
COMPASS_POINTS = frozenset(
    {
        "northern", "southern", "eastern", "western", "central",
        "northeastern", "northwestern", "southeastern", "southwestern",
    }
)  # fmt: skip
PLACE_LABELS = frozenset({"GPE", "LOC"})
CORE_ROLES = frozenset({"subject", "object"})
DOER_LABELS = frozenset({"PERSON", "ORG"})  # "the Senate approved" / "the House passed"
AREA_WORDS = frozenset(
    {"county", "province", "region", "district", "state", "valley", "area", "borough", "parish"}
)
LOCATIVE_PREPOSITIONS = frozenset({"in", "at", "near", "outside", "inside", "across"})


def distinct_events(a: ClaimFacts, b: ClaimFacts, reasons: Sequence[Reason]) -> bool:
    """Whether the claims tell of two events of one kind; ``reasons`` are the rules' findings
    on the pair (a date reason says the two claims date the act differently)."""
    if _marks_other(a, b, CONTRASTING) or _marks_other(b, a, CONTRASTING):
        return True
    if not any(found.type == "date" for found in reasons):
        return False
    return (
        _marks_other(a, b, ADDING)
        or _marks_other(b, a, ADDING)
        or _towns_apart(a, b)
        or _regions_apart(a, b)
        or _people_apart(a, b)
    )


def _marks_other(facts: ClaimFacts, other: ClaimFacts, marks: frozenset[str]) -> bool:
    """A noun ``facts`` marks as another instance, in a slot where ``other`` has the same
    noun unmarked only ("stopped a different opponent" / "stopped his opponent"). In another
    slot the mark more often counts one more of a series that the other claim's thing belongs
    to ("the slump has claimed another coach" / "the team fired its coach")."""
    if not mentions(_ANY_MARKER, facts.text):
        return False
    marked_here, _ = _instances(facts, marks)
    marked_there, unmarked_there = _instances(other, marks)
    return bool((marked_here - marked_there) & unmarked_there)


def _instances(
    facts: ClaimFacts, marks: frozenset[str]
) -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
    """(noun, governing word) lemma pairs of the nouns marked as another instance, and of
    the others; words inside quotation marks are the speaker's, not the claim's account."""
    marked: set[tuple[str, str]] = set()
    unmarked: set[tuple[str, str]] = set()
    under = _words_under(facts)
    for index, token in enumerate(facts.tokens):
        if token.pos == "NOUN" and not inside_quote(facts, token.start):
            slot = (token.lemma, governor(facts, index))
            (marked if _marked(under.get(index, set()), marks) else unmarked).add(slot)
    return marked, unmarked


def _words_under(facts: ClaimFacts) -> dict[int, set[str]]:
    """Each token's dependents, as lower-case words."""
    under: dict[int, set[str]] = {}
    for index, token in enumerate(facts.tokens):
        if token.head != index:
            under.setdefault(token.head, set()).add(token.text.lower())
    return under


def _marked(words: set[str], marks: frozenset[str]) -> bool:
    """ "a separate attack", "an earlier quake" (an article and a contrasting word), or
    "another opponent" (a mark that is its own article), from a noun's dependents."""
    found = words & marks
    return bool(found & ADDING) or (bool(found) and bool(words & INDEFINITE_ARTICLES))


def _towns_apart(a: ClaimFacts, b: ClaimFacts) -> bool:
    """Each claim places the act ("in Portland", "at a school in Ohio") somewhere of one
    scale (two towns, two states, two countries) that the other never names."""
    scales_a = {region_kind(place.key) for place in _locations(unmatched_names(a, b), a)}
    scales_b = {region_kind(place.key) for place in _locations(unmatched_names(b, a), b)}
    return bool(scales_a & scales_b)


def _locations(entities: list[EntityFact], facts: ClaimFacts) -> list[EntityFact]:
    """The places named as where something is or happens, not a dateline, an owner
    ("Russia's interference") or an origin ("from Zambia")."""
    found = []
    for place in _places(entities):
        if set(place.key.split()) & AREA_WORDS:
            continue  # "Barnstable County" may hold the other claim's town
        index = root_index(place, facts)
        if index is None or facts.tokens[index].dep != "pobj":
            continue
        if facts.tokens[facts.tokens[index].head].lemma in LOCATIVE_PREPOSITIONS:
            found.append(place)
    return found


def _people_apart(a: ClaimFacts, b: ClaimFacts) -> bool:
    """One act, a different person or body doing it or undergoing it on each side ("Cheeks
    was fired" / "the Sixers fired O'Brien", "the Senate approved" / "the House passed"),
    whoever else either claim names."""
    slots_b = _person_slots(b)
    return any(
        same_event_verb(verb_a, verb_b)
        and role_a == role_b
        and not any(same_entity(x, y) for x in people_a for y in people_b)
        for (verb_a, role_a), people_a in _person_slots(a).items()
        for (verb_b, role_b), people_b in slots_b.items()
    )


def _person_slots(facts: ClaimFacts) -> dict[tuple[str, str], list[str]]:
    """(verb lemma, core role) → the people and bodies named as its subject or object."""
    slots: dict[tuple[str, str], list[str]] = {}
    for person in facts.entities:
        index = root_index(person, facts) if person.label in DOER_LABELS else None
        if index is None:
            continue
        token = facts.tokens[index]
        role = role_of(facts, token)
        if role in CORE_ROLES:
            verb = facts.tokens[token.head]
            if verb.dep == "agent":
                verb = facts.tokens[verb.head]
            slots.setdefault((verb.lemma, role), []).append(person.key)
    return slots


def _regions_apart(a: ClaimFacts, b: ClaimFacts) -> bool:
    """One place, a different part of it on each side ("northern Iran" / "southern Iran")."""
    parts_a, parts_b = _compass_parts(a), _compass_parts(b)
    return any(key in parts_b and parts_a[key].isdisjoint(parts_b[key]) for key in parts_a)


def _compass_parts(facts: ClaimFacts) -> dict[str, set[str]]:
    parts: dict[str, set[str]] = {}
    for place in _places(list(facts.entities)):
        points = {
            token.lemma
            for token in facts.tokens
            if token.dep == "amod"
            and token.lemma in COMPASS_POINTS
            and place.span.start <= facts.tokens[token.head].start < place.span.end
        }
        if points:
            parts.setdefault(place.key, set()).update(points)
    return parts


def _places(entities: list[EntityFact]) -> list[EntityFact]:
    return [entity for entity in entities if entity.label in PLACE_LABELS]
