"""Reason spans as the editor's highlight (``comparison/spans.py``): stray punctuation,
articles and dangling prepositions at the edges go; the differing words, the quotation marks,
an abbreviation's period and a span that is only a function word stay."""

from __future__ import annotations

import pytest

from comparison.model import Reason, Span
from comparison.spans import tidied, tidy

SENTENCE = "John Smith, a Republican from Ohio, voted for the bill in the Senate."


def span_of(words: str) -> Span:
    start = SENTENCE.index(words)
    return Span(words, start, start + len(words))


@pytest.mark.parametrize(
    ("raw", "kept"),
    [
        (", a Republican from", "Republican"),
        ("a Republican from Ohio,", "Republican from Ohio"),
        ("the Senate.", "Senate."),
        ("the bill in", "bill"),
        # nothing to drop
        ("Republican", "Republican"),
        ("for", "for"),
        ("for the bill", "for the bill"),
    ],
)
def test_edges_are_tidied_and_offsets_follow(raw: str, kept: str) -> None:
    span = tidy(span_of(raw))

    assert span.text == kept
    assert SENTENCE[span.start : span.end] == kept


def test_a_span_is_never_tidied_to_nothing() -> None:
    assert tidy(span_of(", a ")).text == "a"
    assert tidy(span_of(", ")) == span_of(", ")


def test_quotation_marks_stay() -> None:
    text = 'He said "we will never back down" on Monday.'
    start = text.index('"we')
    span = Span('"we will never back down"', start, start + 25)

    assert tidy(span) == span


def test_every_reason_is_tidied_on_both_sides() -> None:
    raw = Reason("entity", span_of(", a Republican from"), span_of("the Senate."), "why")

    [found] = tidied([raw])

    assert (found.this.text, found.other.text) == ("Republican", "Senate.")
    assert found.type == "entity" and found.explanation == "why"
