"""Quote divergences: two renderings of one utterance whose quoted words differ.

Fires on changed, added or dropped words inside the shared stretch and on a changed last or
first word; stays silent on punctuation, case, spelling, contractions, truncation, ellipses,
bracketed insertions, different passages and paraphrase outside quote marks.
"""

from __future__ import annotations

import pytest

from comparison import ClaimComparator
from comparison.quote_alignment import differing_stretch
from comparison.quote_variants import same_rendering
from facts.quote_words import quote_words
from tests.comparison.conftest import compare, reason_types


def stretch_words(first: str, second: str) -> tuple[str, str] | None:
    a, b = quote_words(first), quote_words(second)
    stretch = differing_stretch(a, b)
    if stretch is None:
        return None
    return (
        " ".join(a[stretch.a_from : stretch.a_to]),
        " ".join(b[stretch.b_from : stretch.b_to]),
    )


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        (
            "the council never asked the fishermen what they needed",
            "the council never asked the dockers what they needed",
            ("fishermen", "dockers"),
        ),
        (
            "we have a plan for the harbour and we will keep to it",
            "we have a plan for the harbour and we intend to keep to it",
            ("will", "intend to"),
        ),
        (
            "I was speaking about the new ferry operator",
            "I was speaking about the new ferry operators",
            ("operator", "operators"),
        ),
        (
            "Old docks, old cranes. Oh, not the old crews. New crews.",
            "Old docks, old cranes. Not the old crews. New crews.",
            ("oh", ""),
        ),
        (
            "our members are not going to accept a single cut",
            "our members are not going to accept any single cut",
            ("a", "any"),
        ),
        (
            "now it looks like al-Qaddafi is going to beat the rebels",
            "now it looks like Assad is going to beat the rebels",
            ("al qaddafi", "assad"),
        ),
    ],
)
def test_differing_words_inside_one_quote(
    first: str, second: str, expected: tuple[str, str]
) -> None:
    assert stretch_words(first, second) == expected


def test_short_quote_with_one_word_changed() -> None:
    long = "and then we are going to close the refinery for good"
    assert stretch_words("close that refinery", long) == ("that", "the")
    assert stretch_words("close the refinery", long) is None
    assert stretch_words("the refinery", "a refinery for good") is None  # two words: too thin


def test_short_quote_of_function_words_is_not_compared() -> None:
    assert stretch_words("going to the", "we are going at the end") is None


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("We will rebuild the pier, and quickly.", "we will rebuild the pier -- and quickly"),
        ("“We Will Rebuild The Pier”", '"we will rebuild the pier"'),
        ("the pier will be rebuilt by the autumn", "the pier will be rebuilt"),
        ("the pier will be rebuilt by the autumn", "will be rebuilt by the autumn"),
        ("the pier will be rebuilt by the autumn, she said", "be rebuilt by the autumn"),
        (
            "So if that is the case the pier will be rebuilt",
            "if that is the case the pier will be rebuilt",
        ),
        (
            "our members ... will not accept the cuts",
            "our members, all 900 of them, will not accept the cuts",
        ),
        ("[The union] will not accept the cuts at all", "they will not accept the cuts at all"),
        ("the colour of the new harbour wall", "the color of the new harbor wall"),
        ("I told Sergei the deal was over for good", "I told Sergey the deal was over for good"),
        (
            "now it looks like al-Qaddafi is going to beat the rebels",
            "now it looks like Gadhafi is going to beat the rebels",
        ),
        ("we met el-Sisi in Cairo before the vote", "we met Sisi in Cairo before the vote"),
        ("how it affects our work force and our town", "how it affects our workforce and our town"),
        ("it's the best deal we've ever had", "it is the best deal we have ever had"),
        (
            "the union's leaders will not accept the cuts",
            "the union leaders will not accept the cuts",
        ),
        ("we will not pay for that f***ing bridge", "we will not pay for that fucking bridge"),
        ("we asked what she did (with the money) and why", "we asked what she did and why"),
        (
            "encourages all Internet Explorer customers to deploy this update",
            "encourages all IE customers to deploy this update",
        ),
        (
            "we have asked the Federal Bureau of Investigation to look into it",
            "we have asked the FBI to look into it",
        ),
    ],
)
def test_same_words_written_differently(first: str, second: str) -> None:
    assert stretch_words(first, second) is None


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (
            "There will be no new statement on the talks, but the door stays open.",
            "We are not commenting on details of the talks, but the door stays open.",
        ),
        (
            "the ferry is late again and nobody knows why",
            "the price of fuel keeps rising every week",
        ),
        (
            "we will win the vote in the council next month",
            "the vote in the council was a disgrace to all of us who care",
        ),
    ],
)
def test_different_passages_are_not_compared(first: str, second: str) -> None:
    assert stretch_words(first, second) is None


def test_changed_first_or_last_word_only_counts_where_both_renderings_start_or_end() -> None:
    a, b = (
        quote_words("would close the harbour as we know it"),
        quote_words("closing the harbour as we know it"),
    )
    assert differing_stretch(a, b, bounded=(False, True)) is None
    assert differing_stretch(a, b, bounded=(True, True)) is not None
    c, d = (
        quote_words("we reject the plan of the council"),
        quote_words("we reject the plan of the mayor"),
    )
    assert differing_stretch(c, d, bounded=(True, False)) is None


def test_scattered_short_matches_are_not_one_utterance() -> None:
    assert (
        stretch_words(
            "the mayor said he knew I would say that",
            "and he said I knew you would say that",
        )
        is None
    )


def test_function_words_matched_at_the_edge_do_not_anchor_a_fragment() -> None:
    assert (
        stretch_words(
            "no word on the talks at all, but lines to the port stay open for all ships",
            "the lines to the port stay open for all ships",
        )
        is None
    )


def test_joined_words_and_markers_count_as_the_same_rendering() -> None:
    assert same_rendering(("work", "force"), ("workforce",))
    assert same_rendering(("<...>",), ("all", "of", "them"))
    assert not same_rendering(("pews",), ("pew",))
    assert not same_rendering(("four",), ("for",))


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Sen. Alvarez asked for the vote", "Senator Alvarez asked for the vote"),
        ("Gov. Hale and Lt. Gov. Brandt sign", "Governor Hale and Lieutenant Gov. Brandt sign"),
        ("we thank Gen. Okafor for his service", "we thank General Okafor for his service"),
    ],
)
def test_title_abbreviated_in_house_style_is_the_same_rendering(first: str, second: str) -> None:
    assert stretch_words(first, second) is None


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        ("Sen. Alvarez asked for a vote", "Rep. Alvarez asked for a vote", ("sen", "rep")),
        ("we thank Gen. Okafor for it", "we thank Col. Okafor for it", ("gen", "col")),
        ("the senator asked for a vote", "the governor asked for a vote", ("senator", "governor")),
    ],
)
def test_another_title_is_still_a_different_word(
    first: str, second: str, expected: tuple[str, str]
) -> None:
    assert stretch_words(first, second) == expected


def test_quote_diverges_with_spans_on_the_differing_words(comparator: ClaimComparator) -> None:
    result = compare(
        comparator,
        "“I was speaking about the new ferry operator,” Mayor Ana Ruiz said.",
        '"I was speaking about the new ferry operators," Ruiz said on Tuesday.',
    )
    (reason,) = result.reasons
    assert reason.type == "quote"
    assert reason.this.text == "ferry operator"
    assert reason.other.text == "ferry operators"


def test_quote_spanning_sentences_with_straight_marks(comparator: ClaimComparator) -> None:
    result = compare(
        comparator,
        'If the tide is high then you will be able to cross the bay on foot."',
        'So if the tide is high you will have to cross the bay on foot."',
    )
    assert "quote" in reason_types(result)
    quote = next(r for r in result.reasons if r.type == "quote")
    assert "able" in quote.this.text and "have" in quote.other.text


def test_unmarked_first_person_sentence_is_compared_with_a_quote(
    comparator: ClaimComparator,
) -> None:
    result = compare(
        comparator,
        "But I am talking about the way the council handles the budget in this town.",
        "But I am talking about the way the council manages the budget in this town, and it"
        " shows.”",
    )
    quote = next(r for r in result.reasons if r.type == "quote")
    assert "handles" in quote.this.text and "manages" in quote.other.text


def test_unmarked_first_person_sentence_needs_many_shared_words(
    comparator: ClaimComparator,
) -> None:
    result = compare(
        comparator,
        "We expect the budget to pass in March.",
        "“We expect the budget to fail,” the council leader said.",
    )
    assert "quote" not in reason_types(result)


def test_paraphrase_outside_quote_marks_is_not_a_quote_divergence(
    comparator: ClaimComparator,
) -> None:
    result = compare(
        comparator,
        "The harbour master said the new pier will be finished before the summer season starts.",
        "“The new pier will be ready before the summer season starts,” the harbour master said.",
    )
    assert "quote" not in reason_types(result)


def test_quote_with_ellipsis_agrees(comparator: ClaimComparator) -> None:
    result = compare(
        comparator,
        "“If you vote for this plan, you will get a new school, a new clinic ... and a new bridge,”"
        " Ruiz said.",
        "“If you vote for this plan, you will get a new school, a new clinic, better roads for"
        " everyone, and a new bridge,” Ruiz said.",
    )
    assert result.verdict == "agree"


def test_quotes_of_different_speakers_are_not_compared(comparator: ClaimComparator) -> None:
    result = compare(
        comparator,
        "“We will not accept these cuts to the ferry service,” union leader Tom Hale said.",
        "“We will not accept these cuts to the bus service,” Mayor Ana Ruiz said.",
    )
    assert "quote" not in reason_types(result)


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        (
            "a disaster for working families",
            "a disaster for American families",
            ("working", "american"),
        ),
        (
            "We are deeply troubled by this decision,",
            "deeply disturbed by this decision.",
            ("troubled", "disturbed"),
        ),
        (
            "the council will fight every closure",
            "the council will not fight every closure",
            ("", "not"),
        ),
    ],
)
def test_short_renderings_with_one_change_inside(
    first: str, second: str, expected: tuple[str, str]
) -> None:
    assert stretch_words(first, second) == expected


def test_initials_that_spell_other_words_are_a_change() -> None:
    assert stretch_words(
        "we have asked the FBI to look into it", "we have asked the CIA to look into it"
    ) == ("fbi", "cia")
    assert stretch_words(
        "encourages all IE customers to deploy this update",
        "encourages all Internet customers to deploy this update",
    ) == ("ie", "internet")


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("a great day for the city", "a sad day for the country"),  # two changes: two quotes
        ("It was a very good meeting", "It was a great meeting"),  # one content word kept
        ("going to the harbour", "going to the station"),  # change at the edge, not inside
        ("a disaster for working families", "for working families and their children"),
    ],
)
def test_short_renderings_that_do_not_show_one_utterance(first: str, second: str) -> None:
    assert stretch_words(first, second) is None


def test_whole_utterances_apart_by_one_function_word() -> None:
    a, b = quote_words("We will not back down,"), quote_words("We will never back down,")
    stretch = differing_stretch(a, b, bounded=(True, True))
    assert stretch is not None
    assert (a[stretch.a_from : stretch.a_to], b[stretch.b_from : stretch.b_to]) == (
        ("not",),
        ("never",),
    )
    # cut at either end, the words kept are too few and too common to show one utterance
    assert differing_stretch(a, b, bounded=(False, True)) is None
    assert differing_stretch(a, b, bounded=(True, False)) is None
    # two words kept are not enough, and a word added at the end is a cut, not a change
    assert differing_stretch(quote_words("We will win,"), quote_words("We will lose,")) is None
    assert (
        differing_stretch(
            quote_words("We will not back down,"), quote_words("We will not back down now,")
        )
        is None
    )


def test_misquoted_function_word_diverges(comparator: ClaimComparator) -> None:
    result = compare(
        comparator,
        "“We will not back down,” Johnson said on Monday.",
        "“We will never back down,” Johnson said on Monday.",
    )
    assert result.verdict == "diverge"
    assert reason_types(result) == {"quote"}
    contracted = compare(
        comparator,
        "“We will not back down,” Johnson said on Monday.",
        "“We won't back down,” Johnson said on Monday.",
    )
    assert contracted.verdict != "diverge"
