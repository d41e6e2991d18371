"""The reporting frame of a quotation both claims render word for word adds no fact.

A neutral reporting verb ("added" for "said") and the words hanging on it ("with a smile") are
tolerated in a near-copy; the speaker, a stance verb ("denied"), a name and any change inside
the quotation still make the claims diverge.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from comparison import ClaimComparator
from comparison.reporting_frame import frames_same_quotes, quotes_rendered
from facts import parse_claim
from tests.comparison.conftest import compare, reason_types

SAID = "“We will reopen the bridge to lorries in the spring,” John Kerry said."


@pytest.mark.parametrize(
    "other",
    [
        "She added: “We will reopen the bridge to lorries in the spring.”",
        "“We will reopen the bridge to lorries in the spring,” she said with a broad smile.",
        "She then told reporters: “We will reopen the bridge to lorries in the spring.”",
    ],
)
def test_a_neutral_frame_around_the_same_quote_agrees(
    comparator: ClaimComparator, other: str
) -> None:
    assert "entity" not in reason_types(compare(comparator, SAID, other))


@pytest.mark.parametrize(
    ("other", "expected"),
    [
        ("She denied: “We will reopen the bridge to lorries in the spring.”", "negation"),
        ("She added: “We will reopen the bridge to vans in the spring.”", "quote"),
        ("Nancy Pelosi added: “We will reopen the bridge to lorries in spring.”", "attribution"),
    ],
)
def test_a_stance_verb_another_speaker_or_a_changed_quote_still_diverges(
    comparator: ClaimComparator, other: str, expected: str
) -> None:
    assert expected in reason_types(compare(comparator, SAID, other))


def test_only_words_outside_the_quote_that_hang_on_the_verb_are_frame(nlp: Language) -> None:
    short = parse_claim(nlp, "Kerr added with a grin: “The bridge will reopen.”", None)
    long_ = parse_claim(nlp, "“The bridge will reopen,” Ana Ruiz said on Tuesday.", None)
    by_text = {token.text: token for token in short.tokens}
    assert quotes_rendered(short, long_)
    assert frames_same_quotes(by_text["added"], short, long_)
    assert frames_same_quotes(by_text["grin"], short, long_)
    assert not frames_same_quotes(by_text["Kerr"], short, long_)  # the speaker, a name
    assert not frames_same_quotes(by_text["bridge"], short, long_)  # inside the quotation


def test_a_frame_needs_the_quote_rendered_word_for_word(nlp: Language) -> None:
    short = parse_claim(nlp, "She added: “The bridge will reopen soon.”", None)
    long_ = parse_claim(nlp, "“The bridge will reopen,” Ana Ruiz said.", None)
    unquoted = parse_claim(nlp, "Ana Ruiz said the bridge will reopen soon.", None)
    added = next(token for token in short.tokens if token.text == "added")
    assert not quotes_rendered(short, long_)
    assert not frames_same_quotes(added, short, long_)
    assert not frames_same_quotes(added, short, unquoted)
