from __future__ import annotations

import pytest

from facts.name_variants import name_variants, parse_table
from facts.names import entity_key, same_entity, same_name_word


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Sergei Ivanov", "Sergey Ivanov"),
        ("Viktor Novak", "Victor Novak"),
        ("Anthony Rivers", "Antony Rivers"),
        ("Márta Szabó", "Marta Szabo"),
        ("U.S.", "United States"),
        ("US", "America"),
        ("U.K.", "Britain"),
        ("Oleksandr Zelenskyy", "Oleksandr Zelensky"),
        ("Dmitry Peskov", "Peskov"),
        ("OSCE", "Organization for Security and Cooperation in Europe"),
        ("Muammar Gadhafi", "Moammar Qaddafi"),
        ("Aleksei Navalny", "Alexei Navalny"),
        ("Kiev", "Kyiv"),
    ],
)
def test_spelling_variants_fold_together(a: str, b: str) -> None:
    assert same_entity(entity_key(a), entity_key(b))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Steele", "Ruth Steele"),
        ("Mr. Steele", "Ruth Steele"),
        ("Sen. Ruth Steele", "Ruth Steele"),
        ("Justice Steele", "Ruth Steele"),
        ("R. Steele", "Ruth Steele"),
        ("Ruth Steele", "Ruth Ann Steele"),
        ("Bill Hanley", "William Hanley"),
        ("Bob Marsh", "Robert Marsh"),
        ("Liz Hanley", "Elizabeth Hanley"),
    ],
)
def test_a_name_with_more_or_fewer_parts_is_the_same_person(a: str, b: str) -> None:
    assert same_entity(entity_key(a), entity_key(b))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Canada", "Mexico"),
        ("Ivanov", "Petrov"),
        ("NATO", "EU"),
        ("Bill Clinton", "Hillary Clinton"),
        ("Ruth Steele", "Ann Steele"),
        ("North Korea", "South Korea"),
        ("Austria", "Australia"),
        ("Kyiv", "Lviv"),
        ("Salem", "Salen"),
        ("Sudan", "South Sudan"),
        ("Iran", "Iraq"),
        ("R. Steele", "Ann Steele"),
    ],
)
def test_look_alike_names_stay_apart(a: str, b: str) -> None:
    assert not same_entity(entity_key(a), entity_key(b))


def test_the_packaged_table_maps_variants_to_one_form() -> None:
    table = name_variants()
    assert table.words["bill"] == table.words["william"] == "william"
    assert table.phrases["united kingdom"] == "uk"


def test_table_rows_give_scope_canonical_and_variants() -> None:
    table = parse_table("# comment\nword\tkatherine\tkate, kathy\nphrase\tuk\tbritain\n")
    assert table.words == {"katherine": "katherine", "kate": "katherine", "kathy": "katherine"}
    assert table.phrases == {"uk": "uk", "britain": "uk"}


def test_a_malformed_row_is_an_error() -> None:
    with pytest.raises(ValueError, match="line 1"):
        parse_table("person\tbill\twilliam\n")


@pytest.mark.parametrize("word", ["Rooney", "Monday", "Phillips", "Banks", "Connolly"])
def test_a_name_key_is_the_plain_word_so_parses_agree(word: str) -> None:
    """A word the parser takes for a name in one text and not in the other keeps one key."""
    assert entity_key(word) == word.lower()


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("sergey", "sergei", True),
        ("bill", "william", True),
        ("gadhafi", "qaddafi", True),
        ("philip", "filip", True),
        ("bill", "jill", False),
        ("dana", "lena", False),
        ("austria", "australia", False),
    ],
)
def test_name_words_compare_by_spelling_rules_and_table(a: str, b: str, same: bool) -> None:
    assert same_name_word(a, b) is same
