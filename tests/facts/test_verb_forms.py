"""Forms of the reporting verbs, recognised where the stored parse keeps no lemma."""

from __future__ import annotations

import pytest

from facts.verb_forms import all_forms, is_speech_verb, past_and_ing_forms


@pytest.mark.parametrize(
    ("verb", "forms"),
    [
        ("say", {"say", "says", "said", "saying"}),
        ("tell", {"tell", "tells", "told", "telling"}),
        ("deny", {"deny", "denies", "denied", "denying"}),
        ("admit", {"admit", "admits", "admitted", "admitting"}),
        ("announce", {"announce", "announces", "announced", "announcing"}),
        ("stress", {"stress", "stresses", "stressed", "stressing"}),
    ],
)
def test_all_forms(verb: str, forms: set[str]) -> None:
    assert all_forms(verb) == forms


def test_past_and_ing_forms_leave_out_the_present() -> None:
    assert past_and_ing_forms("say") == {"said", "saying"}


@pytest.mark.parametrize("word", ["said", "Told", "announced", "tweets", "testified", "say"])
def test_reporting_verbs_in_any_form(word: str) -> None:
    assert is_speech_verb(word)


@pytest.mark.parametrize("word", ["sad", "toll", "voted", "closed", "saddle"])
def test_other_words_are_not_reporting_verbs(word: str) -> None:
    assert not is_speech_verb(word)
