"""Word lists shared by the extractors."""

from __future__ import annotations

from facts.numbers import FIGURE_ABBREVIATIONS

SPEECH_VERBS = frozenset(
    {
        "say",
        "tell",
        "add",
        "note",
        "write",
        "state",
        "announce",
        "claim",
        "insist",
        "confirm",
        "warn",
        "report",
        "describe",
        "explain",
        "argue",
        "acknowledge",
        "admit",
        "stress",
        "reiterate",
        "declare",
        "suggest",
        "predict",
        "estimate",
        "assert",
        "allege",
        "accuse",
        "deny",
        "tweet",
        "testify",
        "recall",
        "emphasize",
    }
)
CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "NUM"})
LIGHT_LEMMAS = FIGURE_ABBREVIATIONS | frozenset(
    {
        "be",
        "have",
        "do",
        "say",
        "tell",
        "make",
        "get",
        "go",
        "take",
        "give",
        "also",
        "other",
        "many",
        "more",
        "most",
        "such",
        "own",
        "new",
        "photo",
        "'s",
        "’s",
    }
)
