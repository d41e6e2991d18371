"""generate_pairs: one diverge, agree and unrelated pair per source, deterministic, the
original on a random side, unrelated partners from the alike ranking when given."""

from __future__ import annotations

from collections import Counter
from datetime import date

from training.perturb import SourceArticle, generate_pairs, label_counts
from training.source import Mention, Source

SENTENCES = (
    "On Monday, the company will cut 3,000 jobs, officials said.",
    "Smith said all 12 plants would stay open until 2021.",
    "“We did not expect such a sharp fall in sales,” Smith said.",
)


def article(article_id: str, topic: str = "business") -> SourceArticle:
    smith = SENTENCES[1].index("Smith")
    sources = (
        Source(SENTENCES[0]),
        Source(
            SENTENCES[1], (Mention("Smith", "PERSON", smith, smith + 5),), {"PERSON": ("Jones",)}
        ),
        Source(SENTENCES[2], words=("profit", "growth")),
    )
    return SourceArticle(article_id, "bbc", topic, date(2005, 1, 3), sources)


def test_each_source_gives_a_diverge_an_agree_and_an_unrelated_pair() -> None:
    pairs = generate_pairs([article("a1")])

    assert Counter(p.label for p in pairs) == {"diverge": 3, "agree": 3, "unrelated": 3}
    for pair in pairs:
        assert pair.a != pair.b
        assert pair.published_at == date(2005, 1, 3)
        assert pair.article_id == "a1"


def test_edited_pairs_keep_the_original_on_one_side() -> None:
    for pair in generate_pairs([article("a1")], seed=11):
        if pair.label != "unrelated":
            assert pair.a in SENTENCES or pair.b in SENTENCES


def test_the_same_seed_gives_the_same_pairs_and_another_seed_other_ones() -> None:
    first = generate_pairs([article("a1"), article("a2")], seed=1)

    assert generate_pairs([article("a1"), article("a2")], seed=1) == first
    assert generate_pairs([article("a1"), article("a2")], seed=2) != first


def test_the_original_is_not_always_on_the_same_side() -> None:
    pairs = generate_pairs([article(f"a{i}") for i in range(6)])
    sides = {pair.a in SENTENCES for pair in pairs if pair.label != "unrelated"}

    assert sides == {True, False}


def test_diverge_edits_are_spread_over_the_kinds() -> None:
    pairs = generate_pairs([article(f"a{i}") for i in range(8)])
    kinds = {p.generator.split("+")[0] for p in pairs if p.label == "diverge"}

    assert len(kinds) >= 5


def test_unrelated_partners_come_from_the_alike_ranking_when_given() -> None:
    alike = {text: ("A different sentence that reads alike.",) for text in SENTENCES}

    pairs = generate_pairs([article("a1")], neighbours=alike)
    unrelated = [p for p in pairs if p.label == "unrelated"]

    assert all("A different sentence that reads alike." in (p.a, p.b) for p in unrelated)
    assert {p.generator for p in unrelated} == {"alike_sentence"}


def test_without_a_ranking_partners_are_other_sentences_of_the_article_or_topic() -> None:
    pairs = generate_pairs([article("a1"), article("a2")])

    for pair in pairs:
        if pair.label == "unrelated":
            assert pair.generator in {"same_article", "same_topic"}
            assert pair.a in SENTENCES and pair.b in SENTENCES


def test_label_counts_groups_generators_by_label() -> None:
    counts = label_counts(generate_pairs([article("a1")]))

    assert set(counts) == {"agree", "diverge", "unrelated"}
    assert sum(counts["diverge"].values()) == 3
