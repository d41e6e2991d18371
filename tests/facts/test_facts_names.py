from __future__ import annotations

import pytest

from facts.names import entity_key, same_entity


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
    ],
)
def test_spelling_variants_fold_together(a: str, b: str) -> None:
    assert same_entity(entity_key(a), entity_key(b))


@pytest.mark.parametrize(("a", "b"), [("Canada", "Mexico"), ("Ivanov", "Petrov"), ("NATO", "EU")])
def test_different_names_stay_apart(a: str, b: str) -> None:
    assert not same_entity(entity_key(a), entity_key(b))
