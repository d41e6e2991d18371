"""Quote extraction: balanced and unbalanced marks of every kind, and normalised quote words."""

from __future__ import annotations

import pytest
from spacy.language import Language

from facts import parse_claim
from facts.quote_words import EDITORIAL, ELLIPSIS, quote_tokens, quote_words
from facts.quotes import quote_spans


def quoted(text: str) -> list[str]:
    return [text[start:end] for start, end in quote_spans(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“The harbour stays shut,” she said.", ["The harbour stays shut,"]),
        ('She said: "The harbour stays shut."', ["The harbour stays shut."]),
        ("She said: ``The harbour stays shut.''", ["The harbour stays shut."]),
        ("He called it ‘a long winter’ for fishermen.", ["a long winter"]),
    ],
)
def test_balanced_marks(text: str, expected: list[str]) -> None:
    assert quoted(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "“We will rebuild every pier before the summer season.",
            ["We will rebuild every pier before the summer season."],
        ),
        (
            '"We will rebuild every pier before the summer season.',
            ["We will rebuild every pier before the summer season."],
        ),
        (
            "Nobody will lose a job over this, not one person.”",
            ["Nobody will lose a job over this, not one person."],
        ),
        (
            'Nobody will lose a job over this, not one person."',
            ["Nobody will lose a job over this, not one person."],
        ),
    ],
)
def test_quotation_running_over_several_sentences(text: str, expected: list[str]) -> None:
    assert quoted(text) == expected


def test_straight_opening_closed_by_curly_mark_and_the_next_quote_kept_apart() -> None:
    text = '"We said ‘no deal’ to them,” Reyes told "Morning Desk" viewers.'
    assert quoted(text) == ["We said ‘no deal’ to them,", "Morning Desk"]


def test_curly_opening_closed_by_straight_mark() -> None:
    assert quoted('“Prices will fall by spring," the broker said.') == [
        "Prices will fall by spring,"
    ]


def test_straight_mark_glued_to_a_comma_or_colon_opens() -> None:
    assert quoted('He said,"The vote is final," and left.') == ["The vote is final,"]
    assert quoted('Her reply:"No comment on the vote."') == ["No comment on the vote."]


def test_inch_mark_is_not_a_closing_quote() -> None:
    assert quoted("The new goalkeeper stands 6'4\" tall.") == []


def test_short_lone_mark_is_not_a_quote() -> None:
    assert quoted("No, never.”") == []
    assert quoted("“Not yet.") == []


def test_speaker_of_a_lone_closing_quote(nlp: Language) -> None:
    facts = parse_claim(
        nlp, 'The ferry will run again next week," said Harbour Master Ines Roy.', None
    )
    (quote,) = facts.quotes
    assert quote.text == "The ferry will run again next week,"
    assert quote.speaker_key.endswith("roy")


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("We don’t know", "we do not know"),
        ("They won't sign", "they will not sign"),
        ("It can't wait", "it cannot wait"),
        ("The I.R.S. agreed", "the IRS agreed"),
        ("twelve ships", "12 ships"),
        ("a 10% cut", "a 10 percent cut"),
        ("1,500 jobs", "1500 jobs"),
        ("Café owners", "cafe owners"),
        ("a well-run port", "a well run port"),
    ],
)
def test_quote_words_ignore_writing_conventions(first: str, second: str) -> None:
    assert quote_words(first) == quote_words(second)


@pytest.mark.parametrize(
    ("first", "second"),
    [("the pier", "the piers"), ("we can go", "we could go"), ("seventeen", "70")],
)
def test_quote_words_keep_real_differences(first: str, second: str) -> None:
    assert quote_words(first) != quote_words(second)


def test_ellipsis_and_brackets_become_markers() -> None:
    assert quote_words("we need ... the [city's] support") == (
        "we",
        "need",
        ELLIPSIS,
        "the",
        EDITORIAL,
        "support",
    )
    assert quote_words("wait…and see") == ("wait", ELLIPSIS, "and", "see")


def test_bracketed_letters_inside_a_word_are_part_of_it() -> None:
    assert quote_words("[W]e agreed") == ("we", "agreed")
    assert quote_words("the neighbor[s] agreed") == ("the", "neighbors", "agreed")


def test_token_offsets_leave_out_the_full_stop() -> None:
    text = "Ask the U.S. navy."
    assert [text[t.start : t.end] for t in quote_tokens(text)] == ["Ask", "the", "U.S.", "navy"]
