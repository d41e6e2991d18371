"""Positive evidence that two claims state one fact.

Two claims state the same fact when every figure, date, time of day, name and quotation of
each is matched by an equal one of the other (figures compared in one unit, times in one zone,
names as entities, in the same role), both say it with the same negations, certainty and
quantifiers, nobody is named as its source on one side and someone else on the other, and the
words outside those facts are the same words in the same roles (subject, object). A rewrite of
a figure ("30,000" / "thirty thousand"), a unit ("1,000 feet" / "about 305 meters"), a time
zone ("7 p.m. ET" / "4 p.m. PT"), a spelling of a name ("Zelenskyy" / "Zelensky") or a first
name or title added is the same fact; an extra clause, figure or word, another predicate or a
swap of roles is not shown to be. A pair shown to state one fact is ``agree`` whatever the
verdict judge says.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from typing import TypeVar

from comparison.clock_times import ClockTime, clock_times
from comparison.measures import measures_in_one_unit
from comparison.numbers import unit_key
from comparison.opposites import opposite_words
from comparison.roles import role_of
from comparison.time_relations import RELATION_WORDS
from facts.model import ClaimFacts, DateFact, QuantityFact, TextSpan, TokenInfo
from facts.names import same_entity

# Words the content-word list leaves out that still change what is said: "almost won",
# "said" against "denied", "easily".
_ALSO_COMPARED = frozenset({"ADV", "VERB", "ADJ"})

Fact = TypeVar("Fact")


def states_same_fact(a: ClaimFacts, b: ClaimFacts) -> bool:
    return (
        _same_figures(a, b)
        and _each_matched(a.dates, b.dates, _same_date)
        and _each_matched(_times(a.text), _times(b.text), _same_moment)
        and _each_matched(_entity_roles(a), _entity_roles(b), _same_name)
        and sorted(q.words for q in a.quotes) == sorted(q.words for q in b.quotes)
        and _same_stance(a, b)
        and _same_sources(a, b)
        and _words_outside_facts(a) == _words_outside_facts(b)
    )


def _each_matched(
    mine: Sequence[Fact], theirs: Sequence[Fact], same: Callable[[Fact, Fact], bool]
) -> bool:
    """Every fact of each side has an equal one on the other side."""
    return all(any(same(x, y) for y in theirs) for x in mine) and all(
        any(same(x, y) for x in mine) for y in theirs
    )


def _same_figures(a: ClaimFacts, b: ClaimFacts) -> bool:
    quantities_a, quantities_b = measures_in_one_unit(a, b)
    return _each_matched(quantities_a, quantities_b, _same_figure)


def _same_figure(x: QuantityFact, y: QuantityFact) -> bool:
    """One kind, one counted thing (when both name it), and ranges that meet."""
    same_unit = not (x.unit and y.unit) or unit_key(x.unit) == unit_key(y.unit)
    return x.kind == y.kind and same_unit and x.low <= y.high and y.low <= x.high


@functools.lru_cache(maxsize=4096)
def _times(text: str) -> tuple[ClockTime, ...]:
    """The claim's times of day, found once per text (each comparison asks three times)."""
    return tuple(clock_times(text))


def _same_moment(x: ClockTime, y: ClockTime) -> bool:
    """One time of day, in one zone ("7 p.m. ET" / "4 p.m. PT"), or both unzoned."""
    return x.minutes == y.minutes and x.zoned == y.zoned


def _same_date(x: DateFact, y: DateFact) -> bool:
    if x.key == y.key:
        return True
    return x.start is not None and (x.start, x.end) == (y.start, y.end)


def _same_name(x: tuple[str, str], y: tuple[str, str]) -> bool:
    """The same entity in the same role ("Russia accused Ukraine" is not "Ukraine accused
    Russia")."""
    return x[1] == y[1] and same_entity(x[0], y[0])


def _same_stance(a: ClaimFacts, b: ClaimFacts) -> bool:
    return (
        {n.head_lemma for n in a.negations} == {n.head_lemma for n in b.negations}
        and {m.level for m in a.modalities} == {m.level for m in b.modalities}
        and {(q.kind, q.noun) for q in a.quantifiers} == {(q.kind, q.noun) for q in b.quantifiers}
    )


def _same_sources(a: ClaimFacts, b: ClaimFacts) -> bool:
    """The same speakers, or a source named on one side only."""
    speakers_a = [s.key for s in a.attributions]
    speakers_b = [s.key for s in b.attributions]
    if not (speakers_a and speakers_b):
        return True
    return _each_matched(speakers_a, speakers_b, _same_speaker)


def _same_speaker(x: str, y: str) -> bool:
    return x == y or same_entity(x, y)


def _words_outside_facts(facts: ClaimFacts) -> frozenset[tuple[str, str]]:
    """Words outside the facts, each with its role: who does what to whom. A title
    written before a name ("Sen." Mark Kelly) belongs to the name."""
    spans = _fact_spans(facts)
    names = [e.span for e in facts.entities]
    return frozenset(
        (token.lemma.casefold(), role_of(facts, token))
        for token in facts.tokens
        if (token.is_content or token.pos in _ALSO_COMPARED or _polar(token))
        and not _inside(token.start, spans)
        and not (token.dep == "compound" and _inside(_head_start(facts, token), names))
    )


def _polar(token: TokenInfo) -> bool:
    """A function word whose swap reverses what is said: "for" / "against", "before" /
    "after" ("by" and "of" change with the voice, so they are not read)."""
    word = token.lemma.casefold()
    return word in opposite_words() or word in RELATION_WORDS


def _inside(position: int, spans: Sequence[TextSpan]) -> bool:
    return any(span.start <= position < span.end for span in spans)


def _entity_roles(facts: ClaimFacts) -> list[tuple[str, str]]:
    """Each name's key with the role of the word that heads it in the claim; a time zone
    ("ET") read as a name is part of its time of day."""
    times = [t.span for t in _times(facts.text)]
    named: list[tuple[str, str]] = []
    for entity in facts.entities:
        if _inside(entity.span.start, times):
            continue
        inside = [t for t in facts.tokens if entity.span.start <= t.start < entity.span.end]
        starts = {t.start for t in inside}
        heads = [t for t in inside if _head_start(facts, t) not in starts]
        named.append((entity.key, role_of(facts, heads[0]) if heads else ""))
    return named


def _head_start(facts: ClaimFacts, token: TokenInfo) -> int:
    return facts.tokens[token.head].start if 0 <= token.head < len(facts.tokens) else -1


def _fact_spans(facts: ClaimFacts) -> list[TextSpan]:
    return [
        *(q.span for q in facts.quantities),
        *(d.span for d in facts.dates),
        *(e.span for e in facts.entities),
        *(t.span for t in _times(facts.text)),
    ]
