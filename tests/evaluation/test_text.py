from __future__ import annotations

from evaluation.text import best_matching_sentences, lexical_overlap, split_sentences


def test_split_sentences_keeps_closing_quotes_and_initialisms() -> None:
    text = 'He said "yes." Then he left!  The U.S. said so.\nA new line'

    assert split_sentences(text) == [
        'He said "yes."',
        "Then he left!",
        "The U.S. said so.",
        "A new line",
    ]


def test_split_sentences_handles_lower_cased_text() -> None:
    assert split_sentences("it rained in july. the match was off.") == [
        "it rained in july.",
        "the match was off.",
    ]


def test_lexical_overlap_ignores_function_words_and_case() -> None:
    assert lexical_overlap("The Troops in Belarus", "troops massed in belarus") == 1.0
    assert lexical_overlap("the of and", "anything") == 0.0


def test_best_matching_sentences_are_returned_in_document_order() -> None:
    sentences = ["Weather was fine.", "Belarus hosts troops.", "Russia sent troops to Belarus."]

    chosen = best_matching_sentences("Russia troops Belarus", sentences, 2)

    assert chosen == ["Belarus hosts troops.", "Russia sent troops to Belarus."]
