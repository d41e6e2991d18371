"""Where training sentences come from: usable sentences, BASIL triplets kept to the tune part,
the gold parts, the alike ranking and building sources from parsed facts."""

from __future__ import annotations

import json
import random
from datetime import date
from pathlib import Path

import numpy as np
import pytest

from facts.model import ClaimFacts, EntityFact, TextSpan, TokenInfo
from training.corpora import RawArticle, basil_articles, bbc_articles, is_usable_sentence
from training.gold import basil_tune_triplets, load_gold
from training.neighbours import SAME_FACT_FROM, alike_sentences
from training.prepare import source_article

SENTENCE = "The central bank raised its main interest rate by half a point on Tuesday."


@pytest.mark.parametrize(
    ("text", "usable"),
    [
        (SENTENCE, True),
        ("Too short to use.", False),
        ("BANK RAISES ITS MAIN INTEREST RATE BY HALF A POINT ON TUESDAY", False),
        ("The bank raised\nits rate by half a point on Tuesday after a long meeting.", False),
    ],
)
def test_usable_sentences_are_one_line_prose_of_ordinary_length(text: str, usable: bool) -> None:
    assert is_usable_sentence(text) is usable


def write_basil(root: Path, triplet: str, outlet: int) -> None:
    folder = root / "2012"
    folder.mkdir(parents=True, exist_ok=True)
    article = {"date": "2012-05-01", "triplet-uuid": triplet, "body-paragraphs": [[SENTENCE]]}
    (folder / f"{triplet}_{outlet}.json").write_text(json.dumps(article), encoding="utf-8")


def test_basil_articles_reads_only_the_given_triplets(tmp_path: Path) -> None:
    for triplet in ("kept", "check"):
        for outlet in (1, 2):
            write_basil(tmp_path, triplet, outlet)

    articles = basil_articles(tmp_path, {"kept"})

    assert [a.id for a in articles] == ["basil-2012/kept_1", "basil-2012/kept_2"]
    assert articles[0].sentences == (SENTENCE,)
    assert articles[0].topic != articles[1].topic  # other outlets are no unrelated partners


def test_bbc_articles_are_sampled_deterministically_and_deduplicated(tmp_path: Path) -> None:
    for category in ("business", "sport"):
        (tmp_path / category).mkdir()
        for number in range(4):
            body = f"{SENTENCE} It was change number {number} in {category} this year."
            (tmp_path / category / f"{number:03d}.txt").write_text(f"Title\n\n{body}")
    (tmp_path / "sport" / "009.txt").write_text(
        f"Title\n\n{SENTENCE} It was change number 0 in sport this year."
    )

    first = bbc_articles(tmp_path, 4, random.Random(3))
    second = bbc_articles(tmp_path, 4, random.Random(3))

    assert first == second
    assert len(first) == 4
    assert len({a.sentences for a in first}) == 4
    assert all(a.topic in {"bbc-business", "bbc-sport"} for a in first)


def test_alike_sentences_rank_by_cosine_and_leave_out_near_copies() -> None:
    vectors = {
        "a": np.array([1.0, 0.0], dtype=np.float32),
        "copy of a": np.array([0.99, 0.141], dtype=np.float32),
        "close": np.array([0.8, 0.6], dtype=np.float32),
        "far": np.array([0.0, 1.0], dtype=np.float32),
    }
    topics = {"t": [("x", text) for text in vectors]}

    ranked = alike_sentences(topics, vectors)

    assert ranked["a"] == ("close", "far")
    assert float(vectors["a"] @ vectors["copy of a"]) >= SAME_FACT_FROM


def test_sources_carry_their_mentions_and_the_article_names() -> None:
    span = TextSpan("Smith", 0, 5)
    token = TokenInfo("profits", "profit", "NOUN", "dobj", 0, 10, 17, "", True)
    parsed = [
        ClaimFacts(
            "Smith cut profits.",
            None,
            frozenset(),
            entities=(EntityFact("Smith", "smith", "PERSON", span),),
            tokens=(token,),
        ),
        ClaimFacts(
            "Jones spoke.",
            None,
            frozenset(),
            entities=(EntityFact("Jones", "jones", "PERSON", TextSpan("Jones", 0, 5)),),
        ),
    ]
    article = RawArticle("a", "bbc", "bbc-business", None, ("Smith cut profits.", "Jones spoke."))

    built = source_article(article, parsed, sources=1)

    assert len(built.sources) == 1
    source = built.sources[0]
    assert source.mentions[0].text == "Smith" and source.mentions[0].label == "PERSON"
    assert source.names == {"PERSON": ("Jones", "Smith")}
    assert source.words == ("profits",)


@pytest.mark.shared
def test_basil_tune_triplets_hold_no_check_and_no_held_out_triplet(shared: Path) -> None:
    pairs = load_gold(shared)
    check = {p.cluster for p in pairs if p.set == "basil" and p.part == "check"}
    labelled = {p.cluster for p in pairs if p.set == "basil"}

    tune = basil_tune_triplets(shared)

    assert tune and tune <= labelled
    assert not tune & check


@pytest.mark.shared
def test_gold_labels_are_mapped_to_verdicts_and_parts_kept(shared: Path) -> None:
    gold = load_gold(shared)

    assert {p.label for p in gold} == {"agree", "diverge", "unrelated"}
    assert {(p.set, p.part) for p in gold} == {
        (name, part) for name in ("basil", "ecb", "seed") for part in ("tune", "check")
    }
    assert all(p.a_date is not None for p in gold if p.set in ("basil", "seed"))


def test_gold_pairs_come_tune_first_with_dates_and_verdict_labels() -> None:
    fixture = Path(__file__).resolve().parents[1] / "evaluation" / "fixtures" / "data"

    gold = load_gold(fixture)

    assert [(p.set, p.part, p.id) for p in gold][:7] == [
        ("basil", "tune", "b1"),
        ("basil", "tune", "b2"),
        ("basil", "tune", "b3"),
        ("basil", "check", "b4"),
        ("basil", "check", "b5"),
        ("basil", "check", "b6"),
        ("ecb", "tune", "e1"),
    ]
    assert [p.id for p in gold if p.set == "seed"] == [
        "g6",
        "g7",
        "g8",
        "g1",
        "g2",
        "g3",
        "g4",
        "g5",
    ]
    by_id = {p.id: p for p in gold}
    assert (by_id["b2"].a_date, by_id["b2"].b_date) == (date(2010, 5, 3), date(2010, 5, 4))
    assert (by_id["g1"].a_date, by_id["g1"].b_date) == (date(2022, 2, 1), date(2022, 1, 21))
    assert (by_id["e1"].a_date, by_id["e1"].label) == (None, "agree")
    assert {by_id[key].label for key in ("b3", "e3", "g3", "g4")} == {"unrelated"}
    assert basil_tune_triplets(fixture) == {by_id["b1"].cluster}
