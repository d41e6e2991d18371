from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from evaluation.datasets import (
    load_equate_pairs,
    load_falke_pairs,
    load_fnc1_sample,
    load_gold_pairs,
    load_seed_articles,
    load_summary_rows,
    parse_annotated_spans,
    parse_error_types,
)
from evaluation.gold_sets import load_basil_pairs, load_ecb_pairs


def test_seed_articles_carry_manifest_metadata(fixture_data: Path) -> None:
    articles = load_seed_articles(fixture_data)

    first = articles["000_a.txt"]
    assert (first.id, first.source, first.published_at) == (
        "000_a",
        "Outlet A",
        "2022-02-01T10:17:00-05:00",
    )
    assert first.text.startswith("Home | World | Politics\n")


def test_gold_pairs_get_both_documents_dates(fixture_data: Path) -> None:
    pairs = load_gold_pairs(fixture_data, load_seed_articles(fixture_data))

    diverging = pairs[1]
    assert [pair.label for pair in pairs] == [
        "agree",
        "diverge",
        "different_event",
        "unrelated_boilerplate",
        "unrelated_boilerplate",
        "agree",
        "diverge",
        "different_event",
    ]
    assert diverging.types == ("number", "date")
    assert (diverging.a_span, diverging.b_span) == ("More than 30,000", "could reach 30,000")
    assert (diverging.a_published_at, diverging.b_published_at) == (
        "2022-02-01T10:17:00-05:00",
        "2022-01-21",
    )


def test_gold_pairs_carry_their_seed_pair_cluster_and_part(fixture_data: Path) -> None:
    pairs = load_gold_pairs(fixture_data, load_seed_articles(fixture_data))

    assert {(pair.cluster, pair.part) for pair in pairs[:5]} == {("000_a.txt+001_b.txt", "check")}
    assert {(pair.cluster, pair.part) for pair in pairs[5:]} == {("000_a.txt+002_c.txt", "tune")}


def test_furniture_is_side_a_and_side_b_only_when_both_are(fixture_data: Path) -> None:
    pairs = load_gold_pairs(fixture_data, load_seed_articles(fixture_data))

    assert pairs[0].furniture_texts() == []
    assert pairs[3].furniture_texts() == [("000_a.txt", "February 1, 2022, 10:17 AM")]
    assert pairs[4].furniture_texts() == [
        ("000_a.txt", "Home | World | Politics"),
        ("001_b.txt", "Top Stories: Moscow blackout"),
    ]


def test_basil_pairs_are_dated_by_their_articles_and_split_by_triplet(fixture_data: Path) -> None:
    pairs = load_basil_pairs(fixture_data)

    assert [pair.label for pair in pairs[:3]] == ["agree", "diverge", "unrelated"]
    assert (pairs[1].a_published_at, pairs[1].b_published_at) == ("2010-05-03", "2010-05-04")
    assert pairs[1].a_doc.endswith("000000000001_1.json")
    assert (pairs[1].types, pairs[1].a_span, pairs[1].b_span) == (
        ("number",),
        "12 people",
        "15 people",
    )
    assert [(pair.cluster[:8], pair.part) for pair in pairs] == [
        ("11111111", "tune"),
        ("11111111", "tune"),
        ("11111111", "tune"),
        ("22222222", "check"),
        ("22222222", "check"),
        ("22222222", "check"),
    ]


def test_ecb_pairs_are_undated_and_split_by_topic(fixture_data: Path) -> None:
    pairs = load_ecb_pairs(fixture_data)

    assert [(pair.id, pair.cluster, pair.part) for pair in pairs[2:4]] == [
        ("e3", "1", "tune"),
        ("e4", "3", "check"),
    ]
    assert {(pair.a_published_at, pair.b_published_at) for pair in pairs} == {(None, None)}
    assert pairs[4].label == "diverge"
    assert (pairs[4].a_span, pairs[4].b_span) == ("$5,000", "$50,000")


def test_falke_triples_become_an_agree_and_a_diverge_pair(fixture_data: Path) -> None:
    pairs = load_falke_pairs(fixture_data)

    assert [(pair.label, pair.hypothesis) for pair in pairs[:2]] == [
        ("agree", "the club signed 3 players ."),
        ("diverge", "the club signed 5 players ."),
    ]
    assert {pair.premise for pair in pairs[:2]} == {"the club signed 3 players on monday ."}
    assert len(pairs) == 4


def test_equate_keeps_only_the_requested_label(fixture_data: Path) -> None:
    news = load_equate_pairs(fixture_data, "NewsNLI", "entailment")
    reddit = load_equate_pairs(fixture_data, "RedditNLI", "contradiction")

    assert [pair.id for pair in news] == ["NewsNLI-1", "NewsNLI-2"]
    assert {pair.label for pair in news} == {"agree"}
    assert [pair.id for pair in reddit] == ["RedditNLI-0", "RedditNLI-2"]
    assert {pair.label for pair in reddit} == {"diverge"}


def test_equate_neutral_has_no_verdict_mapping(fixture_data: Path) -> None:
    with pytest.raises(KeyError):
        load_equate_pairs(fixture_data, "NewsNLI", "neutral")


def test_fnc1_sample_is_fixed_balanced_and_uses_best_body_sentences(fixture_data: Path) -> None:
    sample = load_fnc1_sample(fixture_data, per_stance=2, seed=7)

    assert sample == load_fnc1_sample(fixture_data, per_stance=2, seed=7)
    assert Counter(pair.label for pair in sample) == {"agree": 2, "diverge": 2}
    saudi = next(pair for pair in sample if pair.premise.startswith("Saudi airline denies"))
    assert saudi.hypothesis == (
        "Saudia does not plan to separate men and women on flights. The airline denied the reports."
    )


def test_summary_rows_keep_intrinsic_errors_and_correct_rows(fixture_data: Path) -> None:
    cliff = load_summary_rows(fixture_data, "CLIFF_error_types.csv", correct_limit=5)
    goyal = load_summary_rows(fixture_data, "Goyal21_error_types.csv", correct_limit=5)

    assert [(row.id, row.is_error) for row in cliff] == [("xsum/1", True), ("cnndm/2", False)]
    assert cliff[0].annotated_spans == ("Enda Kenny",)
    assert [(row.id, row.is_error) for row in goyal] == [("xsum/10", True), ("xsum/11", False)]
    assert goyal[0].error_types == ("intrinsic-predicate", "extrinsic-NP")
    assert goyal[0].annotated_spans == ("works on 4g", "apple")


def test_correct_rows_are_capped(fixture_data: Path) -> None:
    rows = load_summary_rows(fixture_data, "CLIFF_error_types.csv", correct_limit=0)

    assert [row.id for row in rows] == ["xsum/1"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("correct", ()),
        ("", ()),
        ("['intrinsic-NP', 'extrinsic-NP']", ("intrinsic-NP", "extrinsic-NP")),
    ],
)
def test_parse_error_types(value: str, expected: tuple[str, ...]) -> None:
    assert parse_error_types(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("", ()),
        ("['three', 'Thomas']", ("three", "Thomas")),
        ("[['huddersfield tigers'], ['st helens']]", ("huddersfield tigers", "st helens")),
        ("not a list", ("not a list",)),
    ],
)
def test_parse_annotated_spans(value: str, expected: tuple[str, ...]) -> None:
    assert parse_annotated_spans(value) == expected


@pytest.mark.shared
class TestRealSharedFiles:
    def test_gold_dev_pairs(self, shared_data: Path) -> None:
        articles = load_seed_articles(shared_data)
        pairs = load_gold_pairs(shared_data, articles)

        assert len(articles) == 5
        assert Counter(pair.label for pair in pairs) == {
            "agree": 19,
            "diverge": 4,
            "different_event": 4,
            "unrelated_boilerplate": 4,
        }
        for pair in pairs:
            assert pair.a_text in articles[pair.a_doc].text
            assert pair.b_text in articles[pair.b_doc].text
            for doc, text in pair.furniture_texts():
                assert text in articles[doc].text

    def test_basil_dev_pairs(self, shared_data: Path) -> None:
        pairs = load_basil_pairs(shared_data)

        assert Counter(pair.label for pair in pairs) == {
            "agree": 94,
            "diverge": 77,
            "unrelated": 40,
        }
        assert len({pair.cluster for pair in pairs}) == 84
        assert {pair.part for pair in pairs} == {"tune", "check"}
        assert all(pair.a_published_at and pair.b_published_at for pair in pairs)

    def test_ecb_dev_pairs(self, shared_data: Path) -> None:
        pairs = load_ecb_pairs(shared_data)

        assert Counter(pair.label for pair in pairs) == {
            "agree": 22,
            "diverge": 11,
            "different_event": 49,
        }
        assert {pair.part for pair in pairs} == {"tune", "check"}

    def test_falke(self, shared_data: Path) -> None:
        pairs = load_falke_pairs(shared_data)

        assert Counter(pair.label for pair in pairs) == {"agree": 373, "diverge": 373}

    @pytest.mark.parametrize(
        ("subset", "label", "rows"),
        [
            ("NewsNLI", "entailment", 491),
            ("RTE_Quant", "entailment", 70),
            ("RedditNLI", "contradiction", 19),
        ],
    )
    def test_equate(self, shared_data: Path, subset: str, label: str, rows: int) -> None:
        assert len(load_equate_pairs(shared_data, subset, label)) == rows

    def test_fnc1_sample(self, shared_data: Path) -> None:
        sample = load_fnc1_sample(shared_data)

        assert Counter(pair.label for pair in sample) == {"agree": 150, "diverge": 150}
        assert all(pair.hypothesis for pair in sample)
        assert [pair.id for pair in sample] == [pair.id for pair in load_fnc1_sample(shared_data)]

    @pytest.mark.parametrize(
        ("file_name", "intrinsic"), [("CLIFF_error_types.csv", 75), ("Goyal21_error_types.csv", 63)]
    )
    def test_aggrefact(self, shared_data: Path, file_name: str, intrinsic: int) -> None:
        rows = load_summary_rows(shared_data, file_name, correct_limit=10)

        assert sum(row.is_intrinsic_error for row in rows) == intrinsic
        assert sum(not row.is_error for row in rows) == 10
        assert all(row.annotated_spans for row in rows if row.is_error)
