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
    items = _item_nouns(facts, q.kind)
    if not items:
        return False
    own = _own_words(items, facts)
    mine = own.get(q.span.start, frozenset())
    if not mine:
        return False  # an item with no words of its own may be the one the other claim means
    theirs = _words_around(other_q, other)
    return not mine & theirs and any(
        words & theirs for start, words in own.items() if start != q.span.start
    )


def _item_nouns(facts: ClaimFacts, kind: str) -> dict[int, frozenset[str]]:
    """The nouns of each figure's item (by where the figure starts), when the claim lists two
    or more figures of ``kind``; else nothing."""
    figures = sorted((q for q in facts.quantities if q.kind == kind), key=lambda q: q.span.start)
    if len(figures) < 2:
        return {}
    return {
        start: _nouns(facts, _tokens_in(facts.tokens, start, end))
        for start, end in _stretches(figures, facts.tokens)
    }


def _words_around(q: QuantityFact, facts: ClaimFacts) -> frozenset[str]:
    """The nouns of ``q``'s item when its claim lists several figures of its kind, else of the
    whole claim."""
    items = _item_nouns(facts, q.kind)
    if items:
        return items.get(q.span.start, frozenset())
    return _nouns(facts, facts.tokens)


def _own_words(items: dict[int, frozenset[str]], facts: ClaimFacts) -> dict[int, frozenset[str]]:
    """Each item's nouns that no other item, nor the words before the list, has."""
    lead = {t.lemma for t in _tokens_in(facts.tokens, 0, min(items))}
    return {
        start: words - lead - frozenset().union(*(w for s, w in items.items() if s != start))
        for start, words in items.items()
    }


def _nouns(facts: ClaimFacts, tokens: Sequence[TokenInfo]) -> frozenset[str]:
    units = {q.unit for q in facts.quantities}
    return frozenset(
        t.lemma for t in tokens if t.is_content and t.pos in _ITEM_WORD_POS and t.lemma not in units
    )


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
