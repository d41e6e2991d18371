"""One person, one title, held now on one side and left behind on the other: "Former Gov.
Jane Doe" / "Gov. Jane Doe", "Jane Doe, the former governor," / "Gov. Jane Doe". A title on
one side only, another title ("former governor" / "Sen. Jane Doe" may both be true), a
"then-" title (held at the time told), a title held over stated years, in a tenure ("under
President Trump") or told through a past act ("the chief justice who wrote ..."), and a person
a claim titles both ways say nothing."""

from __future__ import annotations

import re

from comparison.cues import mentions
from comparison.findings import quoted, reason, text_between
from comparison.lookalike import root_index
from comparison.model import Reason
from comparison.parse_tree import children
from facts.model import ClaimFacts, TextSpan
from facts.names import TITLE_ABBREVIATIONS, TITLES, same_entity

FORMER_WORDS = frozenset({"former", "ex", "ex-"})
THEN_WORDS = frozenset({"then", "then-"})
TENURE_WORDS = frozenset({"under", "during", "since"})
_TITLE_DEPS = frozenset({"compound", "appos"})
_FORMER = re.compile(r"\b(?:former|ex-)", re.IGNORECASE)

Titled = tuple[str, str, bool, TextSpan]  # person key, title, former, span of the title


def former_title_reasons(a: ClaimFacts, b: ClaimFacts) -> list[Reason]:
    if not (mentions(_FORMER, a.text) or mentions(_FORMER, b.text)):
        return []  # no former title on either side
    titled_b = _held_one_way(titled_people(b))
    for (person_a, title_a), (former_a, span_a) in _held_one_way(titled_people(a)).items():
        for (person_b, title_b), (former_b, span_b) in titled_b.items():
            if title_a == title_b and former_a != former_b and same_entity(person_a, person_b):
                explanation = (
                    f"this: {quoted(span_a)}; other: {quoted(span_b)} "
                    "(a title held and a former one)"
                )
                return [reason("entity", span_a, span_b, explanation)]
    return []


def _held_one_way(found: list[Titled]) -> dict[tuple[str, str], tuple[bool, TextSpan]]:
    """(person, title) → (former, span), for the titles a claim gives one way only: a claim
    that says both "former President Trump" and "President Trump" tells his tenure too."""
    ways: dict[tuple[str, str], dict[bool, TextSpan]] = {}
    for person, title, former, span in found:
        ways.setdefault((person, title), {}).setdefault(former, span)
    return {key: next(iter(seen.items())) for key, seen in ways.items() if len(seen) == 1}


def titled_people(facts: ClaimFacts) -> list[Titled]:
    """Each named person's titles: "Gov." before the name, "the governor" beside it."""
    people = {}
    for person in facts.entities:
        root = root_index(person, facts) if person.label == "PERSON" else None
        if root is not None:
            people[root] = person.key
    found = []
    for index, token in enumerate(facts.tokens):
        if token.head not in people or token.dep not in _TITLE_DEPS:
            continue
        title = _title(token.text)
        marks = {facts.tokens[c].text.lower() for c in children(facts, index)}
        if title is None or marks & THEN_WORDS or _after_then(facts, index):
            continue
        if _dated(facts, index) or _in_tenure(facts, token.head) or _described(facts, index):
            continue
        former = bool(marks & FORMER_WORDS) or _former_before(facts, index, token.head)
        first = min([index, *(c for c in children(facts, index) if c < index)])
        span = text_between(facts, facts.tokens[first].start, token.end)
        found.append((people[token.head], title, former, span))
    return found


def _former_before(facts: ClaimFacts, title: int, person: int) -> bool:
    """ "former" or "ex-" anywhere in the words before the title that hang on it, on the
    name or on each other, however the parser hung them ("Former Minneapolis police
    officer Derek Chauvin": "Former" hangs on "Minneapolis")."""
    if facts.tokens[title].text.lower().startswith("ex-"):
        return True
    phrase = {title, person}
    index = title - 1
    while index >= 0 and facts.tokens[index].head in phrase | {index + 1}:
        if facts.tokens[index].text.lower() in FORMER_WORDS:
            return True
        phrase.add(index)
        index -= 1
    return any(facts.tokens[c].text.lower() in FORMER_WORDS for c in children(facts, person))


def _described(facts: ClaimFacts, title: int) -> bool:
    """ "Roger Taney, the chief justice who wrote the Dred Scott decision": a title told
    through what its holder did says nothing of now."""
    return any(facts.tokens[c].dep in ("relcl", "acl") for c in children(facts, title))


def _in_tenure(facts: ClaimFacts, person: int) -> bool:
    """ "an official under President Trump": the title names the time of the tenure."""
    head = facts.tokens[person].head
    return facts.tokens[person].dep == "pobj" and facts.tokens[head].text.lower() in TENURE_WORDS


def _after_then(facts: ClaimFacts, index: int) -> bool:
    """ "then-Gov.", however the tokenizer cut it ("Then", "-", "Gov.")."""
    before = "".join(t.text for t in facts.tokens[max(0, index - 2) : index]).lower()
    return facts.tokens[index].text.lower().startswith("then-") or before.endswith(
        ("then", "then-")
    )


def _dated(facts: ClaimFacts, index: int) -> bool:
    """A title held over a stated time ("Mexico's president from 2000 to 2006") says itself
    when it was held: it is no claim about now."""
    near = children(facts, index)
    near += [g for c in near for g in children(facts, c)]
    return any(facts.tokens[i].ent_type == "DATE" or facts.tokens[i].pos == "NUM" for i in near)


def _title(word: str) -> str | None:
    bare = word.lower().removeprefix("ex-").rstrip(".")
    full = TITLE_ABBREVIATIONS.get(bare, bare)
    return full if bare in TITLES or full in TITLES else None
