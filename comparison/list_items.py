"""Which item of a list a figure belongs to: "killed 12 people in Texas, eight in Oklahoma and
five in Kansas" gives each state its own figure, so "killed nine people in Oklahoma" is set
against the eight, not the twelve. An item is the stretch from its figure to the next figure of
the same kind, a few words at most; its own words are the nouns no other item (nor the words
before the list) has. An item with no words of its own is never ruled out.
"""

from __future__ import annotations

from collections.abc import Sequence

from facts.model import ClaimFacts, QuantityFact, TokenInfo

_ITEM_WORD_POS = frozenset({"NOUN", "PROPN"})
_ITEM_REACH = 5  # tokens after a figure that can name its item ("eight in Oklahoma, ...")


def names_another_item(
    q: QuantityFact, facts: ClaimFacts, other_q: QuantityFact, other: ClaimFacts
) -> bool:
    """``facts`` lists ``q`` among other figures of its kind, and the words around ``other_q``
    in the other claim name another item's own words and none of ``q``'s."""
    items = _item_words(facts, q.kind)
    if len(items) < 2:
        return False
    mine = items.get(q.span.start, frozenset())
    if not mine:
        return False  # an item with no words of its own may be the one the other claim means
    theirs = _words_around(other_q, other)
    others = [words for start, words in items.items() if start != q.span.start]
    return not mine & theirs and any(words & theirs for words in others)


def _item_words(facts: ClaimFacts, kind: str) -> dict[int, frozenset[str]]:
    """Each figure of ``kind`` (by where it starts) with its item's own words."""
    figures = sorted((q for q in facts.quantities if q.kind == kind), key=lambda q: q.span.start)
    if len(figures) < 2:
        return {}
    units = {q.unit for q in facts.quantities}
    stretches = _stretches(figures, facts.tokens)
    words = {
        start: {t.lemma for t in _tokens_in(facts.tokens, start, end) if _item_word(t, units)}
        for start, end in stretches
    }
    lead = {t.lemma for t in _tokens_in(facts.tokens, 0, figures[0].span.start)}
    return {
        start: frozenset(own - lead - set().union(*(w for s, w in words.items() if s != start)))
        for start, own in words.items()
    }


def _words_around(q: QuantityFact, facts: ClaimFacts) -> frozenset[str]:
    """The nouns of ``q``'s item when its claim lists several figures of its kind, else of the
    whole claim."""
    figures = sorted((x for x in facts.quantities if x.kind == q.kind), key=lambda x: x.span.start)
    units = {x.unit for x in facts.quantities}
    if len(figures) < 2:
        return frozenset(t.lemma for t in facts.tokens if _item_word(t, units))
    for start, end in _stretches(figures, facts.tokens):
        if start == q.span.start:
            return frozenset(
                t.lemma for t in _tokens_in(facts.tokens, start, end) if _item_word(t, units)
            )
    return frozenset()


def _stretches(
    figures: Sequence[QuantityFact], tokens: Sequence[TokenInfo]
) -> list[tuple[int, int]]:
    """Each figure's item: up to the next figure, and no further than a few words past the
    figure (", according to a study published ..." says nothing of the item)."""
    text_end = tokens[-1].end if tokens else 0
    ends = [q.span.start for q in figures[1:]] + [text_end]
    return [
        (q.span.start, min(end, _reach_end(q, tokens)))
        for q, end in zip(figures, ends, strict=True)
    ]


def _reach_end(q: QuantityFact, tokens: Sequence[TokenInfo]) -> int:
    """Where the last token that can still name the figure's item ends."""
    after = [t for t in tokens if t.start >= q.span.end]
    return after[min(len(after), _ITEM_REACH) - 1].end if after else q.span.end


def _tokens_in(tokens: Sequence[TokenInfo], start: int, end: int) -> list[TokenInfo]:
    return [t for t in tokens if start <= t.start < end]


def _item_word(token: TokenInfo, units: set[str]) -> bool:
    return token.is_content and token.pos in _ITEM_WORD_POS and token.lemma not in units
