"""The entry point: plain text and HTML in, headline and claims with exact offsets out."""

from __future__ import annotations

import json
import os
import random
import time
from pathlib import Path

import pytest

import claims.html
from claims import Claim, extract_article
from claims.html import html_to_text

BODY = [
    "The city council approved a new budget on Tuesday after a six-hour debate.",
    "The plan raises spending on schools by 4.5% and cuts road repairs by $2 million.",
    "“This is a fair budget for every district,” Mayor Ana Lopez told reporters.",
]
HEADLINE = "Council passes budget after marathon debate"

PAGE = f"""<!doctype html>
<html><head><title>{HEADLINE} | Example News</title>
<script>var tracking = "The tracker loaded a script on every page view today.";</script>
</head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/local">Local news from the
whole region and beyond, updated every hour.</a></li></ul></nav></header>
<main><article>
<h1>{HEADLINE}</h1>
<p class="byline">By Sam Reed</p>
<p>{BODY[0]}</p>
<figure><img src="x.jpg"><figcaption>Council members vote on Tuesday night.</figcaption></figure>
<p>{BODY[1]}</p>
<p>{BODY[2]}</p>
</article></main>
<aside><h2>Most read</h2><p>A bakery opened downtown and drew long queues on its first day.</p>
</aside>
<footer><p>Copyright 2024 Example News. The newsroom is independent of advertisers.</p></footer>
</body></html>"""


def assert_exact(text: str, found: list[Claim]) -> None:
    for claim in found:
        assert text[claim.start : claim.end] == claim.text
        assert claim.text == claim.text.strip()


def test_plain_text_is_kept_unchanged_and_claims_are_slices() -> None:
    text = f"{HEADLINE}\n\n" + "\n\n".join(BODY) + "\n"
    article = extract_article(text=text)
    assert article.text == text
    assert article.title == HEADLINE
    assert [claim.text for claim in article.claims] == BODY
    assert_exact(text, article.claims)


def test_given_title_wins_and_is_never_a_claim() -> None:
    text = "\n".join([HEADLINE, *BODY])
    article = extract_article(text=text, title="Budget approved")
    assert article.title == "Budget approved"
    assert [claim.text for claim in article.claims] == BODY


def test_text_without_a_headline_has_no_title() -> None:
    assert extract_article(text="\n".join(BODY)).title is None


def test_crlf_and_no_break_spaces() -> None:
    text = f"{HEADLINE}\r\n\r\n" + "\r\n\r\n".join(BODY).replace(" by ", "\u00a0by\u00a0")
    article = extract_article(text=text)
    assert article.title == HEADLINE
    assert len(article.claims) == 3
    assert "\u00a0by\u00a0" in article.claims[1].text
    assert_exact(text, article.claims)


@pytest.mark.parametrize("text", ["", "   \n\t\n", "Menu\nHome\nSports", "• One\n• Two"])
def test_texts_without_claims(text: str) -> None:
    article = extract_article(text=text)
    assert article.text == text
    assert article.claims == []


@pytest.mark.parametrize("separator", ["\n\n", " "])
def test_very_long_text_is_handled_quickly_and_exactly(separator: str) -> None:
    text = separator.join(BODY * 2000)
    started = time.perf_counter()
    article = extract_article(text=text)
    assert time.perf_counter() - started < 3.0  # linear: a quadratic scan takes minutes
    assert len(article.claims) == 6000
    assert_exact(text, article.claims[-10:])


PAGE_LINES = [
    *BODY,
    HEADLINE,
    "",
    "• Home",
    "By Sam Reed, Example News",
    "March 3, 2021, 8:05 PM",
    "PHOTO: Council members vote on Tuesday night. (Ana Ruiz/Reuters)",
    "Related Stories",
    "A bakery opened downtown and drew long queues on its first day...",
    "2 hours ago",
    "\u00a0",
    "\t",
]


@pytest.mark.parametrize("seed", range(100))
def test_random_pages_give_exact_offsets(seed: int) -> None:
    generator = random.Random(seed)
    lines = [generator.choice(PAGE_LINES) for _ in range(generator.randint(0, 40))]
    text = generator.choice(["\n", "\r\n", "\n\n"]).join(lines)
    article = extract_article(text=text)
    assert article.text == text
    assert_exact(text, article.claims)
    assert all(claim.text != HEADLINE for claim in article.claims)


@pytest.mark.parametrize("arguments", [{}, {"text": "a", "html": "<p>a</p>"}])
def test_exactly_one_input_is_required(arguments: dict[str, str]) -> None:
    with pytest.raises(ValueError, match="exactly one"):
        extract_article(**arguments)


def check_page_text(text: str, title: str | None) -> None:
    assert title is not None and title.startswith(HEADLINE)
    for sentence in BODY:
        assert f"\n\n{sentence}" in f"\n\n{text}"
    for furniture in ("tracker", "Local news", "bakery", "Copyright"):
        assert furniture not in text


def test_html_with_the_built_in_reader(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(claims.html, "_load_trafilatura", lambda: None)
    check_page_text(*html_to_text(PAGE))


def test_html_with_trafilatura() -> None:
    pytest.importorskip("trafilatura", reason="cannot import trafilatura", exc_type=ImportError)
    check_page_text(*html_to_text(PAGE))


def test_html_article_claims() -> None:
    article = extract_article(html=PAGE)
    assert article.title is not None and article.title.startswith(HEADLINE)
    assert [claim.text for claim in article.claims] == BODY
    assert_exact(article.text, article.claims)


@pytest.mark.parametrize(
    "page",
    ["", "<<<>>>", "<html>", "<p>unclosed <b>bold <i>text", "\x00\x01binary\xff", "<p>" * 5000],
)
def test_odd_html_never_crashes(page: str) -> None:
    article = extract_article(html=page)
    assert_exact(article.text, article.claims)


REPO_ROOT = Path(__file__).resolve().parents[2]
DATA = Path(os.environ.get("CROSSCHECK_SHARED_DATA", REPO_ROOT.parent / "shared" / "data"))
BASIL = DATA / "corpora" / "basil"


@pytest.mark.shared
@pytest.mark.skipif(not BASIL.is_dir(), reason=f"BASIL corpus not found at {BASIL}")
def test_real_news_is_not_over_filtered() -> None:
    from claims import split_sentences

    paths = sorted(BASIL.glob("articles/*/*.json"))[::3]
    assert len(paths) >= 50
    lost_shares = []
    for path in paths:
        record = json.loads(path.read_text(encoding="utf-8"))
        text = "\n".join(" ".join(paragraph) for paragraph in record["body-paragraphs"])
        found = extract_article(text=text).claims
        sentences = [s for s in split_sentences(text) if len(s.text.split()) >= 6]
        lost = [s for s in sentences if not any(c.start <= s.start < c.end for c in found)]
        lost_shares.append(len(lost) / max(1, len(sentences)))
    assert max(lost_shares) <= 0.15
    assert sum(lost_shares) / len(lost_shares) <= 0.02
