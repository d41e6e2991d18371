"""One person, one title, held now on one side and left behind on the other: "Former Gov.
Jane Doe" / "Gov. Jane Doe", "Jane Doe, the former governor," / "Gov. Jane Doe". A title on
one side only, another title ("former governor" / "Sen. Jane Doe" may both be true), a
"then-" title (held at the time told) and a title held over stated years say nothing."""

from __future__ import annotations

import functools
import re

from comparison.findings import quoted, reason, text_between
from comparison.lookalike import root_index
from comparison.model import Reason
from comparison.parse_tree import children
from facts.model import ClaimFacts, TextSpan
from facts.names import TITLE_ABBREVIATIONS, TITLES, same_entity

FORMER_WORDS = frozenset({"former", "ex", "ex-"})
THEN_WORDS = frozenset({"then", "then-"})
_TITLE_DEPS = frozenset({"compound", "appos"})
_FORMER = re.compile(r"\b(?:former|ex-)", re.IGNORECASE)

Titled = tuple[str, str, bool, TextSpan]  # person key, title, former, span of the title


def former_title_reasons(a: ClaimFacts, b: ClaimFacts) -> list[Reason]:
    if not (_mentions_former(a.text) or _mentions_former(b.text)):
        return []  # no former title on either side
    titled_b = titled_people(b)
    for person_a, title_a, former_a, span_a in titled_people(a):
        for person_b, title_b, former_b, span_b in titled_b:
            if title_a == title_b and former_a != former_b and same_entity(person_a, person_b):
                explanation = (
                    f"this: {quoted(span_a)}; other: {quoted(span_b)} "
                    "(a title held and a former one)"
                )
                return [reason("entity", span_a, span_b, explanation)]
    return []


@functools.lru_cache(maxsize=8192)
def _mentions_former(text: str) -> bool:
    """A quick look, once per text, before any parse is read."""
    return _FORMER.search(text) is not None


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
        if _dated(facts, index):
            continue
        former = bool(marks & FORMER_WORDS) or token.text.lower().startswith("ex-")
        first = min([index, *(c for c in children(facts, index) if c < index)])
        span = text_between(facts, facts.tokens[first].start, token.end)
        found.append((people[token.head], title, former, span))
    return found


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
