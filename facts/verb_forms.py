"""Inflected forms of the reporting verbs.

The stored parse keeps the lemma of content words only; a function word such as "said" or
"told" (spaCy stop words, or light verbs) is kept in its surface form, and the lemmatiser cannot
be trusted with "told" anyway. So a reporting verb is recognised from its forms, listed here.
"""

from __future__ import annotations

from facts.lexicon import SPEECH_VERBS

_IRREGULAR_PAST = {
    "say": ("said",),
    "tell": ("told",),
    "write": ("wrote", "written"),
    "think": ("thought",),
    "know": ("knew", "known"),
}


def past_and_ing_forms(verb: str) -> frozenset[str]:
    """ "said", "saying"; "denied", "denying"; "admitted", "admitting"."""
    if verb in _IRREGULAR_PAST:
        return frozenset({*_IRREGULAR_PAST[verb], _ing(verb)})
    if verb.endswith("e"):
        return frozenset({verb + "d", verb[:-1] + "ing"})
    if verb.endswith("y") and verb[-2] not in "aeiou":
        return frozenset({verb[:-1] + "ied", verb + "ing"})
    if verb.endswith("it"):  # admit, commit
        return frozenset({verb + "ted", verb + "ting"})
    return frozenset({verb + "ed", verb + "ing"})


def all_forms(verb: str) -> frozenset[str]:
    """The verb, its third person singular, its past and its -ing form."""
    return frozenset({verb, _third_person(verb), *past_and_ing_forms(verb)})


def _ing(verb: str) -> str:
    return verb[:-1] + "ing" if verb.endswith("e") else verb + "ing"


def _third_person(verb: str) -> str:
    if verb.endswith("y") and verb[-2] not in "aeiou":
        return verb[:-1] + "ies"
    if verb.endswith(("s", "sh", "ch", "x")):
        return verb + "es"
    return verb + "s"


SPEECH_VERB_FORMS = frozenset(form for verb in SPEECH_VERBS for form in all_forms(verb))


def is_speech_verb(word: str) -> bool:
    """Whether a word (a lemma or a surface form) is one of the reporting verbs."""
    return word.lower() in SPEECH_VERB_FORMS
