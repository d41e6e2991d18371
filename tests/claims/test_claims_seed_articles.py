"""The claim layer on the five real saved pages and the gold pairs in ../shared/data."""

from __future__ import annotations

import json
import os
import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from claims import ExtractedArticle, extract_article, split_sentences
from claims.boilerplate import classify_lines
from claims.headline import detect_headline
from claims.lines import split_lines

REPO_ROOT = Path(__file__).resolve().parents[2]
DATA = Path(os.environ.get("CROSSCHECK_SHARED_DATA", REPO_ROOT.parent / "shared" / "data"))
SEEDS = DATA / "seed-articles"
GOLD = DATA / "gold" / "pairs-dev.jsonl"

pytestmark = [
    pytest.mark.shared,
    pytest.mark.skipif(not SEEDS.is_dir(), reason=f"shared seed data not found at {SEEDS}"),
]

# Which side of each 'unrelated_boilerplate' pair is page furniture, as its rationale says.
FURNITURE_SIDES = {"p076": "a", "p080": "a", "p083": "a", "p085": "ab"}


def seed_names() -> list[str]:
    return sorted(path.name for path in SEEDS.glob("*.txt")) if SEEDS.is_dir() else []


@cache
def seed_article(name: str) -> ExtractedArticle:
    return extract_article(text=(SEEDS / name).read_text(encoding="utf-8"))


def gold_pairs() -> list[dict[str, Any]]:
    if not GOLD.is_file():
        return []
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line]


def boilerplate_pairs() -> list[dict[str, Any]]:
    return [pair for pair in gold_pairs() if pair["label"] == "unrelated_boilerplate"]


def claim_pairs() -> list[dict[str, Any]]:
    return [pair for pair in gold_pairs() if pair["label"] != "unrelated_boilerplate"]


def occurrences(text: str, passage: str) -> list[int]:
    return [match.start() for match in re.finditer(re.escape(passage), text)]


def overlaps_a_claim(article: ExtractedArticle, start: int, end: int) -> bool:
    return any(claim.start < end and start < claim.end for claim in article.claims)


def within_a_claim(article: ExtractedArticle, start: int, end: int) -> bool:
    return any(claim.start <= start and end <= claim.end for claim in article.claims)


def covered_by_claims(article: ExtractedArticle, passage: str) -> bool:
    """Some copy of ``passage`` has each of its sentences inside one claim."""
    sentences = split_sentences(passage)
    return any(
        all(within_a_claim(article, at + s.start, at + s.end) for s in sentences)
        for at in occurrences(article.text, passage)
    )


def test_all_five_seed_pages_are_there() -> None:
    assert len(seed_names()) == 5


@pytest.mark.parametrize("name", seed_names())
def test_seed_claims_are_exact_slices(name: str) -> None:
    article = seed_article(name)
    assert article.text == (SEEDS / name).read_text(encoding="utf-8")
    assert len(article.claims) >= 20
    for claim in article.claims:
        assert article.text[claim.start : claim.end] == claim.text
        assert claim.text == claim.text.strip()
    starts = [claim.start for claim in article.claims]
    assert starts == sorted(starts)


@pytest.mark.parametrize("name", seed_names())
def test_seed_claims_survive_windows_line_endings(name: str) -> None:
    text = (SEEDS / name).read_text(encoding="utf-8").replace("\n", "\r\n")
    article = extract_article(text=text)
    assert [c.text for c in article.claims] == [c.text for c in seed_article(name).claims]
    assert all(text[c.start : c.end] == c.text for c in article.claims)


@pytest.mark.parametrize("name", seed_names())
def test_seed_headline_is_the_manifest_title_and_no_claim(name: str) -> None:
    manifest = json.loads((SEEDS / "manifest.json").read_text(encoding="utf-8"))
    expected = {entry["file"]: entry["title"] for entry in manifest["articles"]}[name]
    article = seed_article(name)
    assert article.title == expected
    assert all(expected not in claim.text for claim in article.claims)


@pytest.mark.parametrize("name", seed_names())
def test_no_seed_claim_is_furniture(name: str) -> None:
    furniture = re.compile(
        r"originally appeared|^MORE:|\(Photo by|Getty Images|Reuters\)|\bago$|…$|\.\.\.$"
        r"|Editorial Board|All [Rr]ights|your comments|Sign In|Advertisement|^By [A-Z]"
        r"|Cyber insurance|MBA|Hong Kong|Bieber|Sundance|Spotify|Thailand|ISIS|Alaska"
    )
    bad = [claim.text for claim in seed_article(name).claims if furniture.search(claim.text)]
    assert bad == []


@pytest.mark.parametrize("pair", boilerplate_pairs(), ids=lambda pair: pair["id"])
def test_gold_boilerplate_never_overlaps_a_claim(pair: dict[str, Any]) -> None:
    assert pair["id"] in FURNITURE_SIDES, "new boilerplate pair: say which side is furniture"
    for side in "ab":
        article = seed_article(pair[f"{side}_doc"])
        passage = pair[f"{side}_text"]
        spots = occurrences(article.text, passage)
        assert spots, f"{pair['id']}: {side}_text not found in {pair[f'{side}_doc']}"
        if side in FURNITURE_SIDES[pair["id"]]:
            assert not any(overlaps_a_claim(article, at, at + len(passage)) for at in spots)
        else:
            assert covered_by_claims(article, passage)


@pytest.mark.parametrize("pair", claim_pairs(), ids=lambda pair: pair["id"])
def test_gold_claim_texts_are_covered_by_claims(pair: dict[str, Any]) -> None:
    for side in "ab":
        article = seed_article(pair[f"{side}_doc"])
        assert covered_by_claims(article, pair[f"{side}_text"]), f"{side}_text is lost"


def test_gold_pairs_are_there() -> None:
    assert len(gold_pairs()) >= 30


def word_overlap(first: str, second: str) -> float:
    one, two = set(first.lower().split()), set(second.lower().split())
    return len(one & two) / len(one | two)


def test_syndicated_copy_has_nearly_the_same_claims_as_the_original() -> None:
    republished = seed_article("000_af58011bfe75b97f.txt").claims
    original = seed_article("001_75be18211868b391.txt").claims
    matched = [
        claim
        for claim in republished
        if max(word_overlap(claim.text, other.text) for other in original) >= 0.6
    ]
    assert len(republished) >= 20
    assert len(matched) >= 0.6 * len(republished)  # the copy is an earlier version


@pytest.mark.parametrize(
    ("name", "at_least"),
    [
        ("000_af58011bfe75b97f.txt", 150),
        ("003_4c1796a1330ebe88.txt", 60),
        ("004_9270bb46e5a67b77.txt", 12),
    ],
)
def test_seed_pages_shed_their_furniture_lines(name: str, at_least: int) -> None:
    text = (SEEDS / name).read_text(encoding="utf-8")
    lines = split_lines(text)
    verdicts = classify_lines(text, lines, {detect_headline(lines) or ""})
    furniture = [v for v in verdicts if v.reason is not None]
    assert len(furniture) >= at_least
