"""Certainty markers as a level: will (5) > would, plans to (4) > reportedly (3) > could (2)."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from facts.model import ModalityFact
from facts.text import content_lemmas_of, covering_span

CERTAIN, INTENDED, HEARSAY, POSSIBLE = 5, 4, 3, 2
_MODAL_LEVELS = {
    "will": CERTAIN,
    "wo": CERTAIN,
    "shall": CERTAIN,
    "'ll": CERTAIN,
    "would": INTENDED,
    "may": POSSIBLE,
    "might": POSSIBLE,
    "could": POSSIBLE,
}
_INTENT_VERBS = frozenset(
    {"plan", "intend", "aim", "expect", "set", "vow", "pledge", "seek", "hope"}
)
_HEARSAY_ADVERBS = frozenset({"allegedly", "reportedly", "purportedly", "apparently", "supposedly"})
_POSSIBLE_ADVERBS = frozenset({"possibly", "perhaps", "potentially", "maybe", "likely", "probably"})
_GOING_TO = re.compile(r"\b(?:is|are|was|were|'s|’s|'re|’re)\s+going\s+to\b", re.I)


def extract_modalities(doc: Doc) -> list[ModalityFact]:
    found: list[ModalityFact] = []
    for token in doc:
        level_and_head = _marker(token)
        if level_and_head is None:
            continue
        level, head = level_and_head
        scope = content_lemmas_of(head.subtree, exclude={token.i})
        span = covering_span(doc, min(token.i, head.i), max(token.i, head.i))
        found.append(ModalityFact(token.lower_, level, scope, span, head.i))
    return found


def _marker(token: Token) -> tuple[int, Token] | None:
    lower = token.lower_
    if token.tag_ == "MD" and lower in _MODAL_LEVELS:
        return _MODAL_LEVELS[lower], token.head
    if lower == "going" and _GOING_TO.search(token.doc.text[max(0, token.idx - 6) : token.idx + 9]):
        return CERTAIN, token
    if token.lemma_ in _INTENT_VERBS and _has_to_infinitive(token):
        return INTENDED, token
    if lower in _HEARSAY_ADVERBS:
        return HEARSAY, token.head
    if lower in _POSSIBLE_ADVERBS and token.pos_ == "ADV":
        return POSSIBLE, token.head
    return None


def _has_to_infinitive(token: Token) -> bool:
    return any(
        child.dep_ == "xcomp" and any(g.lower_ == "to" for g in child.children)
        for child in token.children
    )
