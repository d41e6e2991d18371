"""Quantifiers over a set: all / every / both, most / many, several / some / few, none."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from facts.model import Quantifier, QuantifierFact
from facts.text import covering_span

QUANTIFIER_KINDS: dict[str, Quantifier] = {
    "all": "universal",
    "every": "universal",
    "each": "universal",
    "both": "universal",
    "most": "majority",
    "many": "majority",
    "numerous": "majority",
    "several": "partial",
    "some": "partial",
    "few": "partial",
    "none": "none",
}
# "nearly all gun sales" leaves some out: not the universal "all gun sales".
_ALMOST = frozenset({"nearly", "almost", "virtually", "practically"})


def extract_quantifiers(doc: Doc) -> list[QuantifierFact]:
    found: list[QuantifierFact] = []
    for token in doc:
        kind = QUANTIFIER_KINDS.get(token.lower_)
        if kind is None or _is_number_hedge(token) or _is_not_a_quantifier(token):
            continue
        noun = _quantified_noun(token)
        if noun is None:
            continue
        word, kind, first = _with_almost(token, kind)
        span = covering_span(doc, min(first, noun.i), max(token.i, noun.i))
        found.append(QuantifierFact(word, kind, noun.lemma_.lower(), span, noun.i))
    return found


def _with_almost(token: Token, kind: Quantifier) -> tuple[str, Quantifier, int]:
    """ "nearly all", "almost every": most of the set; the word, its kind and first token."""
    before = token.nbor(-1) if token.i > 0 else None
    if kind != "universal" or before is None or before.lower_ not in _ALMOST:
        return token.lower_, kind, token.i
    return f"{before.lower_} {token.lower_}", "majority", before.i


def _is_number_hedge(token: Token) -> bool:
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return token.lower_ == "some" and following is not None and following.like_num


def _is_not_a_quantifier(token: Token) -> bool:
    """ "all-rounder", "all-time": part of a compound word; "each other": reciprocal; "both
    ... and": a pair of coordinated things, not a share of one set."""
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if following is None:
        return False
    if following.text == "-" and token.idx + len(token.text) == following.idx:
        return True
    if token.lower_ == "both" and any(child.dep_ == "cc" for child in token.head.children):
        return True  # "both marriage and civil unions": a correlative "both ... and"
    return token.lower_ == "each" and following.lower_ == "other"


def _quantified_noun(token: Token) -> Token | None:
    if token.dep_ in ("det", "amod", "predet", "nummod") and token.head.pos_ in ("NOUN", "PROPN"):
        return token.head
    counted = _counted_noun(token)
    if counted is not None:
        return counted
    for child in token.children:
        if child.lower_ == "of":
            objects = [g for g in child.children if g.dep_ == "pobj"]
            if objects:
                return objects[0]
    return None


def _counted_noun(token: Token) -> Token | None:
    """ "all 40 passengers", "all three suspects": the quantifier modifies the number, which
    counts the noun."""
    number = token.head
    if token.dep_ != "quantmod" or not number.like_num or number.dep_ != "nummod":
        return None
    return number.head if number.head.pos_ in ("NOUN", "PROPN") else None
