"""Page furniture: single-line rules, sidebars, teaser lists and photo captions."""

from __future__ import annotations

import pytest

from claims import extract_article
from claims.furniture import furniture_reason


@pytest.mark.parametrize(
    "line",
    [
        "• Home",
        "  - Local Weather",
        "- Advertisement -",
        "By Maria Lopez and Tom O'Hara, Reuters",
        "By Staff Writer | News Desk",
        "March 3, 2021, 8:05 PM",
        "Mar 3, 2021, 8:05 AM | Updated: Apr 9, 2021, 1:15 pm",
        "Wednesday, 3 March 2021",
        "5 hours ago",
        "(Photo by Ana Ruiz/AFP via Getty Images)",
        "The harbour at dawn as fishing boats return to port after the storm...",
        "READ MORE: City council approves the new harbour budget",
        "MORE: Storm floods coastal towns",
        "Harbour reopens after storm originally appeared on example.com",
        "Source link",
        "Previous Article Storm hits the coast",
        "Copyright 2021 Example Media. All rights reserved.",
        "© 2021 Example Media Group",
        "This story has been updated with new figures.",
        "Please keep your comments civil. Read our community guidelines.",
        "Have an account? Sign in",
        "Skip to main content",
        "Home > News > Local > Harbour reopens",
        "Harbour reopens after storm",
        "‘A long night’",
        "WEATHER ALERTS",
        "Share",
    ],
)
def test_furniture_lines(line: str) -> None:
    assert furniture_reason(line.strip()) is not None


@pytest.mark.parametrize(
    "line",
    [
        "The harbour reopened on Monday after the storm damaged three piers, officials said.",
        "By the end of the week, crews had cleared most of the debris from the harbour.",
        "“We lost everything,” said fisherman Ali Demir, who has worked the port for 30 years.",
        "– We will rebuild the piers before summer, the mayor told the council on Monday.",
        "The mayor said in a statement released late on Monday evening:",
        "Damage is estimated at $4.5 million, according to the U.S. Coast Guard.",
        "PHOTO: Fishing boats return to the harbour in Portsmouth, March 2, 2021.",
    ],
)
def test_article_lines_are_not_furniture(line: str) -> None:
    assert furniture_reason(line) is None


ARTICLE_LINES = [
    "The harbour reopened on Monday after the storm damaged three piers, officials said.",
    "Crews worked through the weekend to clear debris from the main channel.",
    "The port authority said repairs to the piers would cost about $4.5 million.",
]


def claims_of(text: str) -> list[str]:
    return [claim.text for claim in extract_article(text=text).claims]


def test_sidebar_heading_ends_the_article_body() -> None:
    page = "\n\n".join(
        [
            *ARTICLE_LINES,
            "More Stories",
            "A new bakery opened downtown and drew long queues on its first day.",
            "The city zoo welcomed two red panda cubs born earlier this spring.",
        ]
    )
    assert claims_of(page) == ARTICLE_LINES


def test_sidebar_heading_before_the_article_does_not_cut_it() -> None:
    page = "\n".join(["• Home", "Trending", "• Sports", "", *ARTICLE_LINES])
    assert claims_of(page) == ARTICLE_LINES


def test_end_notes_end_the_body() -> None:
    for note in ("© 2021 Example Media. All rights reserved.", "Jump to comments"):
        page = "\n\n".join([*ARTICLE_LINES, note, "We welcome comments from all our readers."])
        assert claims_of(page) == ARTICLE_LINES


def test_teaser_list_without_a_heading_is_dropped() -> None:
    teasers = [
        "Bakery draws crowds",
        "",
        "A new bakery opened downtown and drew long queues on its first day.",
        "3 hours ago",
        "Zoo welcomes red pandas",
        "The city zoo welcomed two red panda cubs born earlier this spring.",
        "By Jane Roe",
    ]
    page = "\n".join([*ARTICLE_LINES, "", *teasers])
    assert claims_of(page) == ARTICLE_LINES


def test_repeated_headline_in_the_body_is_not_a_claim() -> None:
    headline = "Harbour reopens after storm damages three piers"
    page = "\n\n".join([headline, ARTICLE_LINES[0], headline, *ARTICLE_LINES[1:]])
    article = extract_article(text=page)
    assert article.title == headline
    assert [claim.text for claim in article.claims] == ARTICLE_LINES


def test_caption_credit_and_duplicate_copy_are_left_out() -> None:
    caption = "PHOTO: Fishing boats return to the harbour in Portsmouth, March 2, 2021."
    credit = "(Ana Ruiz/Reuters)"
    page = "\n\n".join([ARTICLE_LINES[0], f"{caption} {credit}{caption} {credit}"])
    article = extract_article(text=page)
    assert [claim.text for claim in article.claims] == [ARTICLE_LINES[0], caption]
    photo = article.claims[1]
    assert article.text.index(caption) == photo.start


def test_long_caption_keeps_its_sentences_but_not_the_credit_or_teaser_copy() -> None:
    full = (
        "PORTSMOUTH, ENGLAND - MARCH 2: Fishing boats return to the harbour after the storm "
        "on March 2, 2021 in Portsmouth, England. The storm damaged three piers."
    )
    page = "\n".join(
        [
            "PORTSMOUTH, ENGLAND - MARCH 2: Fishing boats return to the harb...",
            f"{full} (Photo by Ana Ruiz/Getty Images)",
            "(Photo by Ana Ruiz/Getty Images)",
            "",
            *ARTICLE_LINES,
        ]
    )
    claims = claims_of(page)
    assert claims[:2] == [
        "PORTSMOUTH, ENGLAND - MARCH 2: Fishing boats return to the harbour after the storm "
        "on March 2, 2021 in Portsmouth, England.",
        "The storm damaged three piers.",
    ]
    assert claims[2:] == ARTICLE_LINES


def test_byline_timestamp_and_promo_lines_around_the_body() -> None:
    page = "\n".join(
        [
            "Skip to Content",
            "Harbour reopens after storm damages three piers",
            "By Maria Lopez, Reuters",
            "March 3, 2021, 8:05 PM",
            ARTICLE_LINES[0],
            "READ MORE: Council approves harbour budget after long debate",
            *ARTICLE_LINES[1:],
        ]
    )
    assert claims_of(page) == ARTICLE_LINES
