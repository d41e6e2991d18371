"""Where two renderings of one quotation differ, word for word.

Two word sequences render one utterance when most words of their common stretch line up. Inside
that stretch every change counts, unless it is only a way of writing the same words or an ellipsis
or bracketed insertion stands in for the other side's words. Renderings too short to show that
most words line up still render one utterance when one small change inside is all that differs.
Outside the stretch, one side going on where the other stops is a truncation, not a difference;
a short substitution where both stop ("the radical environmentalist" / "the radical
environmentalists") is one.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import Match, SequenceMatcher

from spacy.lang.en.stop_words import STOP_WORDS

from comparison.quote_variants import same_rendering
from facts.quote_words import MARKERS

_MIN_MATCHED_WORDS = 5
_MIN_RATIO = 0.6
_STRICT_MIN_MATCHED_WORDS = 8
_STRICT_MIN_RATIO = 0.7
_MIN_LONGEST_RUN = 4
_MAX_EDGE_WORDS = 3
_MAX_STRAY_BLOCK = 2
_MIN_STRAY_GAP = 3
_MAX_CLUSTER_GAP = 3
_SHORT_QUOTE_WORDS = (3, 4)
_MIN_EDIT_KEPT_WORDS = 3
_MAX_WHOLE_EDIT_WORDS = 2
_DISCOURSE_WORDS = frozenset({"and", "but", "so", "oh", "well", "now", "then", "because", "or"})


@dataclass(frozen=True, slots=True)
class Stretch:
    """Word index ranges [from, to) on each side; one range may be empty (an insertion)."""

    a_from: int
    a_to: int
    b_from: int
    b_to: int


def differing_stretch(
    a: Sequence[str],
    b: Sequence[str],
    strict: bool = False,
    bounded: tuple[bool, bool] = (True, True),
) -> Stretch | None:
    """The main differing stretch of two renderings of one quote; None when they agree or when
    they are not renderings of one quote. ``strict`` asks for more shared words; ``bounded``
    says whether both renderings start an utterance, and whether both end one: only there can
    a substitution at the edge be told from a different cut."""
    blocks = _core_blocks(a, b)
    if not blocks:
        return None
    inner = _inner_gaps(blocks)
    if _different_surroundings(a, b, blocks):
        return None
    if not (
        _same_utterance(a, b, blocks, inner, strict)
        or _short_swap(a, b, blocks, inner)
        or (not strict and _one_inner_edit(a, b, blocks, inner))
        or (not strict and bounded == (True, True) and _whole_but_one_edit(a, b, blocks, inner))
    ):
        return None
    gaps = inner + _edge_substitutions(a, b, blocks, bounded)
    real = [
        gap
        for gap in gaps
        if not same_rendering(a[gap.a_from : gap.a_to], b[gap.b_from : gap.b_to])
    ]
    return _largest_cluster(real) if real else None


def _core_blocks(a: Sequence[str], b: Sequence[str]) -> list[Match]:
    """Matching blocks, without stray function words matched at either edge."""
    matcher = SequenceMatcher(a=a, b=b, autojunk=False)
    blocks = [block for block in matcher.get_matching_blocks() if block.size]
    while len(blocks) > 1 and blocks[0][:2] != (0, 0) and _stray(a, blocks[0], blocks[1]):
        blocks = blocks[1:]
    while len(blocks) > 1 and not _at_ends(a, b, blocks[-1]) and _stray(a, blocks[-1], blocks[-2]):
        blocks = blocks[:-1]
    return blocks


def _at_ends(a: Sequence[str], b: Sequence[str], block: Match) -> bool:
    return block.a + block.size == len(a) and block.b + block.size == len(b)


def _stray(a: Sequence[str], block: Match, neighbour: Match) -> bool:
    """One or two function words matched at the edge, far from the rest."""
    words = a[block.a : block.a + block.size]
    first, second = sorted((block, neighbour), key=lambda m: m.a)
    gap = max(second.a - first.a - first.size, second.b - first.b - first.size)
    return (
        gap >= _MIN_STRAY_GAP
        and block.size <= _MAX_STRAY_BLOCK
        and all(word in STOP_WORDS for word in words)
    )


def _inner_gaps(blocks: list[Match]) -> list[Stretch]:
    gaps: list[Stretch] = []
    for left, right in itertools.pairwise(blocks):
        gap = Stretch(left.a + left.size, right.a, left.b + left.size, right.b)
        if gap.a_from < gap.a_to or gap.b_from < gap.b_to:
            gaps.append(gap)
    return gaps


def _same_utterance(
    a: Sequence[str], b: Sequence[str], blocks: list[Match], inner: list[Stretch], strict: bool
) -> bool:
    matched = sum(block.size for block in blocks)
    window_a = blocks[-1].a + blocks[-1].size - blocks[0].a
    window_b = blocks[-1].b + blocks[-1].size - blocks[0].b
    for gap in inner:  # words an ellipsis or bracket stands for do not widen the window
        if MARKERS & {*a[gap.a_from : gap.a_to]}:
            window_b -= gap.b_to - gap.b_from
        if MARKERS & {*b[gap.b_from : gap.b_to]}:
            window_a -= gap.a_to - gap.a_from
    min_words, min_ratio = (
        (_STRICT_MIN_MATCHED_WORDS, _STRICT_MIN_RATIO)
        if strict
        else (_MIN_MATCHED_WORDS, _MIN_RATIO)
    )
    longest = max(block.size for block in blocks)
    return (
        matched >= min_words
        and longest >= _MIN_LONGEST_RUN
        and matched >= min_ratio * max(window_a, window_b)
    )


def _short_swap(
    a: Sequence[str], b: Sequence[str], blocks: list[Match], inner: list[Stretch]
) -> bool:
    """A quote of three or four words that a longer rendering repeats with one word changed
    ("impeach that ..." / "impeach the ..."), at least two of the kept words being content words."""
    short_len = min(len(a), len(b))
    if short_len not in _SHORT_QUOTE_WORDS or len(inner) != 1:
        return False
    gap = inner[0]
    if gap.a_to - gap.a_from != 1 or gap.b_to - gap.b_from != 1:
        return False
    short_is_a = len(a) == short_len
    first, last = blocks[0], blocks[-1]
    starts_at_0 = (first.a if short_is_a else first.b) == 0
    ends_at_len = (last.a if short_is_a else last.b) + last.size == short_len
    kept = [a[block.a + i] for block in blocks for i in range(block.size)]
    content = [word for word in kept if word not in STOP_WORDS and word.isalpha()]
    return starts_at_0 and ends_at_len and len(kept) == short_len - 1 and len(content) >= 2


def _one_inner_edit(
    a: Sequence[str], b: Sequence[str], blocks: list[Match], inner: list[Stretch]
) -> bool:
    """Two short renderings identical but for one small change inside them ("a disaster for
    working families" / "a disaster for American families"); either may be cut shorter at its
    ends, but neither goes on with words of its own there."""
    if len(inner) != 1:
        return False
    gap = inner[0]
    if max(gap.a_to - gap.a_from, gap.b_to - gap.b_from) > _MAX_EDGE_WORDS:
        return False
    if any(a_words and b_words for a_words, b_words in _edges(a, b, blocks)):
        return False
    kept = [a[block.a + i] for block in blocks for i in range(block.size)]
    content = [word for word in kept if word not in STOP_WORDS and word.isalpha()]
    return len(kept) >= _MIN_EDIT_KEPT_WORDS and len(content) >= 2


def _whole_but_one_edit(
    a: Sequence[str], b: Sequence[str], blocks: list[Match], inner: list[Stretch]
) -> bool:
    """Two whole utterances, each from its first word to its last, the same but for one or two
    function words inside ("We will not back down," / "We will never back down,"): even when
    every word kept is a function word too, nothing else is left to tell them apart. A changed
    content word ("a very good meeting" / "a great meeting") needs content words kept around
    it (``_one_inner_edit``)."""
    if len(inner) != 1 or any(a_words or b_words for a_words, b_words in _edges(a, b, blocks)):
        return False
    gap = inner[0]
    changed = [*a[gap.a_from : gap.a_to], *b[gap.b_from : gap.b_to]]
    if len(changed) > _MAX_WHOLE_EDIT_WORDS or not all(word in STOP_WORDS for word in changed):
        return False
    return sum(block.size for block in blocks) >= _MIN_EDIT_KEPT_WORDS


def _different_surroundings(a: Sequence[str], b: Sequence[str], blocks: list[Match]) -> bool:
    """Both renderings go on with different words, more than a few, before or after the shared
    stretch: two texts that share a phrase, not one utterance."""
    return any(
        min(len(a_words), len(b_words)) > 0 and max(len(a_words), len(b_words)) > _MAX_EDGE_WORDS
        for a_words, b_words in _edges(a, b, blocks)
    )


def _edges(
    a: Sequence[str], b: Sequence[str], blocks: list[Match]
) -> list[tuple[Sequence[str], Sequence[str]]]:
    first, last = blocks[0], blocks[-1]
    return [
        (a[: first.a], b[: first.b]),
        (a[last.a + last.size :], b[last.b + last.size :]),
    ]


def _edge_substitutions(
    a: Sequence[str], b: Sequence[str], blocks: list[Match], bounded: tuple[bool, bool]
) -> list[Stretch]:
    """Words in place of other words where both renderings start, or both stop."""
    first, last = blocks[0], blocks[-1]
    edges = [
        Stretch(0, first.a, 0, first.b),
        Stretch(last.a + last.size, len(a), last.b + last.size, len(b)),
    ]
    return [
        edge
        for edge, comparable in zip(edges, bounded, strict=True)
        if comparable and _real_substitution(a, b, edge)
    ]


def _real_substitution(a: Sequence[str], b: Sequence[str], edge: Stretch) -> bool:
    a_words, b_words = a[edge.a_from : edge.a_to], b[edge.b_from : edge.b_to]
    sizes_ok = all(0 < len(words) <= _MAX_EDGE_WORDS for words in (a_words, b_words))
    discourse_only = all(word in _DISCOURSE_WORDS for word in (*a_words, *b_words))
    return sizes_ok and not discourse_only


def _largest_cluster(gaps: list[Stretch]) -> Stretch:
    """Nearby gaps merged; the cluster with most changed words (the first on a tie)."""
    gaps = sorted(gaps, key=lambda gap: (gap.a_from, gap.b_from))
    clusters = [gaps[0]]
    for gap in gaps[1:]:
        previous = clusters[-1]
        if (
            gap.a_from - previous.a_to <= _MAX_CLUSTER_GAP
            and gap.b_from - previous.b_to <= _MAX_CLUSTER_GAP
        ):
            clusters[-1] = Stretch(previous.a_from, gap.a_to, previous.b_from, gap.b_to)
        else:
            clusters.append(gap)
    return max(clusters, key=lambda c: (c.a_to - c.a_from + c.b_to - c.b_from, -c.a_from))
