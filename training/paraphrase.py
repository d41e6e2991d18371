"""Diverge pairs made from pairs that state one fact in two outlets' own words.

The edits of ``training.perturb`` change one detail of a sentence and pair it with itself: a
near copy, the same length, similarity near 1. Real divergences are two outlets' sentences,
framed differently, that give one detail two values; trained on near copies only, the judge
learned that low similarity means ``unrelated`` even when a reason fills one slot. Here the
same edits are made to one side of a *tune* pair labelled ``agree`` (gold tune parts and tune
audit records), and the edited side is paired with the other side: ``diverge``, kept only when
the words the edit replaced are words the other side states too (the changed detail is one
both sides report, not one only the edited side adds). Each pair keeps its source's
cross-validation group, so out-of-fold predictions never see pairs made from their own cluster.
"""

from __future__ import annotations

import difflib
import random
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from facts import ClaimFacts
from training.diverge_edits import DIVERGE_EDITS, Edit
from training.gold import GoldPair
from training.prepare import article_names, article_words, source_of
from training.source import Source

Claim = tuple[str, date | None]
_WORD = re.compile(r"[\w’']+")


@dataclass(frozen=True, slots=True)
class ParaphrasePair:
    a: str
    a_date: date | None
    b: str
    b_date: date | None
    edit: str  # the diverge edit made to b
    group: str  # the cross-validation group of the pair it was made from


def _words(text: str) -> set[str]:
    return {word.lower() for word in _WORD.findall(text)}


def edit_is_shared(original: str, edited: str, other: str) -> bool:
    """Whether the edit of ``original`` into ``edited`` changed a detail ``other`` states: every
    stretch it replaced or removed (widened to whole words) holds only words of ``other``; an
    edit that only inserts (a "not", a "may") must sit next to a word of ``other``."""
    matcher = difflib.SequenceMatcher(None, original, edited, autojunk=False)
    changes = [(i1, i2) for tag, i1, i2, _, _ in matcher.get_opcodes() if tag != "equal"]
    if not changes:
        return False
    theirs = _words(other)
    replaced = [(i1, i2) for i1, i2 in changes if i2 > i1]
    if not replaced:
        at = changes[0][0]
        near = _WORD.findall(original[:at])[-1:] + _WORD.findall(original[at:])[:1]
        return any(word.lower() in theirs for word in near)
    for start, end in replaced:
        while start > 0 and original[start - 1].isalnum():
            start -= 1
        while end < len(original) and original[end].isalnum():
            end += 1
        words = _words(original[start:end])
        if not words or not words <= theirs:
            return False
    return True


def paraphrase_pairs(
    pairs: Sequence[GoldPair],
    facts_of: Callable[[Claim], ClaimFacts],
    group_of: Callable[[GoldPair], str],
    seed: int,
    edits: dict[str, Edit] | None = None,
) -> list[ParaphrasePair]:
    """At most one diverge pair per ``agree`` pair of ``pairs`` (the others are skipped): the
    least used edit kind that changes a shared detail of one side, the side drawn at random.
    Names and words to swap in are borrowed from all the pairs' claims."""
    edits = DIVERGE_EDITS if edits is None else edits
    agreeing = [p for p in pairs if p.label == "agree"]
    claims = [claim for p in agreeing for claim in ((p.a, p.a_date), (p.b, p.b_date))]
    parsed = [facts_of(claim) for claim in claims]
    names, words = article_names(parsed), article_words(parsed)
    rng = random.Random(seed)
    used: Counter[str] = Counter()
    made: list[ParaphrasePair] = []
    for pair in agreeing:
        sides = [((pair.a, pair.a_date), (pair.b, pair.b_date))]
        sides.append((sides[0][1], sides[0][0]))
        rng.shuffle(sides)
        for (text, day), (other, other_day) in sides:
            source = source_of(facts_of((text, day)), names, words)
            found = _edit(source, other, edits, used, rng)
            if found is not None:
                kind, edited = found
                made.append(ParaphrasePair(other, other_day, edited, day, kind, group_of(pair)))
                break
    return made


def _edit(
    source: Source, other: str, edits: dict[str, Edit], used: Counter[str], rng: random.Random
) -> tuple[str, str] | None:
    kinds = sorted(edits)
    rng.shuffle(kinds)
    for kind in sorted(kinds, key=lambda name: used[name]):
        edited = edits[kind](source, rng)
        if edited is None or edited.strip() == source.text.strip():
            continue
        if edit_is_shared(source.text, edited, other):
            used[kind] += 1
            return kind, edited
    return None
