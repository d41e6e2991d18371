"""Sentence splitting: abbreviations, numbers, quotes, line breaks and exact offsets."""

from __future__ import annotations

import random

import pytest

from claims import split_sentences


def sentences(text: str) -> list[str]:
    return [claim.text for claim in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The mayor met Dr. Alvarez and Gov. Pike on Monday. The talks went well.",
            ["The mayor met Dr. Alvarez and Gov. Pike on Monday.", "The talks went well."],
        ),
        (
            "Sen. Ortiz and Mr. Bloom toured St. Paul with Prof. Kim yesterday afternoon.",
            ["Sen. Ortiz and Mr. Bloom toured St. Paul with Prof. Kim yesterday afternoon."],
        ),
        (
            "The U.S. Navy and the U.K. government signed the deal at the U.N. headquarters.",
            ["The U.S. Navy and the U.K. government signed the deal at the U.N. headquarters."],
        ),
        (
            "The goods were shipped to the U.S. After that, prices fell across the region.",
            ["The goods were shipped to the U.S.", "After that, prices fell across the region."],
        ),
        (
            "The vote is set for Jan. 12 and the count for Sept. 3 in the capital city.",
            ["The vote is set for Jan. 12 and the count for Sept. 3 in the capital city."],
        ),
        (
            "Widgets Inc. reported at 9 a.m. Tuesday, ahead of rival Gadget Corp. shares.",
            ["Widgets Inc. reported at 9 a.m. Tuesday, ahead of rival Gadget Corp. shares."],
        ),
        (
            "The council met at 7 p.m. The budget vote was delayed again by a week.",
            ["The council met at 7 p.m.", "The budget vote was delayed again by a week."],
        ),
        (
            "Author J. R. Tolland wrote the report with Anna K. Moss last spring.",
            ["Author J. R. Tolland wrote the report with Anna K. Moss last spring."],
        ),
        (
            "The ship No. 7 berthed. Output grew 3.5 percent to 1,000 tons, or $2.75 million.",
            ["The ship No. 7 berthed.", "Output grew 3.5 percent to 1,000 tons, or $2.75 million."],
        ),
    ],
)
def test_abbreviations_numbers_and_initials(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "“We will rebuild the bridge,” said the engineer. Work starts in June next year.",
            ["“We will rebuild the bridge,” said the engineer.", "Work starts in June next year."],
        ),
        (
            "She said the plan “is ready to go.” The board still has to approve it formally.",
            ["She said the plan “is ready to go.”", "The board still has to approve it formally."],
        ),
        (
            "“Is the dam safe? Nobody has checked it for years,” the farmer told reporters.",
            ["“Is the dam safe?", "Nobody has checked it for years,” the farmer told reporters."],
        ),
        (
            'He said: "The port will close." Then the crowd quietly left the square.',
            ['He said: "The port will close."', "Then the crowd quietly left the square."],
        ),
        (
            "The river rose (the highest in decades.) Farmers moved their herds uphill overnight.",
            [
                "The river rose (the highest in decades.)",
                "Farmers moved their herds uphill overnight.",
            ],
        ),
    ],
)
def test_quotes_and_brackets_stay_with_their_sentence(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_ellipsis_ends_a_sentence_only_before_a_capital() -> None:
    text = "The long talks stalled again… Officials blamed the weather. It was … odd, they said."
    assert sentences(text) == [
        "The long talks stalled again…",
        "Officials blamed the weather.",
        "It was … odd, they said.",
    ]


def test_em_dashes_do_not_split() -> None:
    text = "The lake — the largest in the region — froze early this winter, residents said."
    assert sentences(text) == [text]


def test_line_breaks_are_hard_boundaries() -> None:
    text = "The first line has no full stop\nThe second line continues the story here."
    assert sentences(text) == [
        "The first line has no full stop",
        "The second line continues the story here.",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "No. The minister refused to answer questions about the budget.",
            ["No. The minister refused to answer questions about the budget."],
        ),
        (
            "The minister refused to answer any questions. She walked out. Reporters stayed.",
            ["The minister refused to answer any questions. She walked out. Reporters stayed."],
        ),
        (
            "The minister refused to answer any questions. Reporters waited outside all day.",
            [
                "The minister refused to answer any questions.",
                "Reporters waited outside all day.",
            ],
        ),
        ("Too short.", ["Too short."]),
    ],
)
def test_short_fragments_join_a_neighbour(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_leading_dialogue_dash_is_not_part_of_the_sentence() -> None:
    assert sentences("– We will not give up on this plan, the minister said.") == [
        "We will not give up on this plan, the minister said."
    ]


@pytest.mark.parametrize("text", ["", "   ", "\n\n\t", "\u00a0\u00a0"])
def test_empty_and_blank_texts_have_no_sentences(text: str) -> None:
    assert split_sentences(text) == []


_PIECES = [
    "The U.S. said",
    "Dr. Lee",
    "3.5%",
    "1,000",
    "“quoted words,”",
    "said X.",
    "Then",
    "— a dash —",
    "(in brackets.)",
    "Feb. 1",
    "a.m.",
    "…",
    "?",
    "!",
    "\n",
    "\r\n",
    "\n\n",
    "\u00a0",
    "  ",
    "words here",
    "The end.",
    "’",
    "”",
]


@pytest.mark.parametrize("seed", range(200))
def test_offsets_are_exact_for_random_texts(seed: int) -> None:
    generator = random.Random(seed)
    text = " ".join(generator.choice(_PIECES) for _ in range(generator.randint(0, 60)))
    previous_end = 0
    for claim in split_sentences(text):
        assert text[claim.start : claim.end] == claim.text
        assert claim.text and claim.text == claim.text.strip()
        assert "\n" not in claim.text and "\r" not in claim.text
        assert claim.start >= previous_end
        previous_end = claim.end
