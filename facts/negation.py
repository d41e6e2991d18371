"""Negation cues scoped to the predicate they negate ("did not give", "no plans", "denied",
"has yet to respond", "were unable to agree"); the additive "not only", a bound on a figure
("not to use more than 10 percent"), the timing of "not until" ("did not sign it until
Friday": signed on Friday) and "No. 8" are not ones."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from facts.model import NegationFact
from facts.text import content_lemmas_of, covering_span

_NEGATIVE_DETERMINERS = frozenset({"no", "none", "nobody", "nothing", "neither", "nor"})
_NEGATIVE_VERBS = frozenset({"deny", "fail", "refuse", "decline", "reject"})
_ADDITIVE_AFTER_NOT = frozenset({"only", "just", "merely", "simply"})
_YET_TO_REACH = 4
_BOUND_REACH = 4
_COMPARATIVES = frozenset({"more", "less", "fewer", "greater", "higher", "lower"})


def extract_negations(doc: Doc) -> list[NegationFact]:
    found: list[NegationFact] = []
    for token in doc:
        head = _negated_head(token)
        if head is None:
            continue
        scope = content_lemmas_of(head.subtree, exclude={token.i})
        span = covering_span(doc, min(token.i, head.i), max(token.i, head.i))
        found.append(NegationFact(token.lower_, head.lemma_.lower(), scope, span, head.i))
    return found


def _negated_head(token: Token) -> Token | None:
    lower = token.lower_
    if _additive(token) or _before_number(token) or _bounds_a_figure(token):
        return None
    if token.dep_ == "neg" or lower in ("not", "n't", "never", "n’t"):
        return None if _times_with_until(token) else token.head
    if lower == "unable":
        return next((child for child in token.children if child.dep_ == "xcomp"), token)
    if lower == "yet" and _next_lower(token) == "to":
        return _verb_after(token)
    if lower == "no" and token.text.endswith("."):
        return None
    if lower in _NEGATIVE_DETERMINERS and token.dep_ in (
        "det",
        "nsubj",
        "dobj",
        "attr",
        "nsubjpass",
    ):
        return _clause_head(token)
    if lower == "without" and any(child.pos_ == "VERB" for child in token.children):
        return token.head
    if token.lemma_.lower() in _NEGATIVE_VERBS and token.pos_ == "VERB":
        return token
    return None


def _additive(token: Token) -> bool:
    """ "not only criticized ... but also": the "not" adds, it does not deny."""
    return token.lower_ == "not" and _next_lower(token) in _ADDITIVE_AFTER_NOT


def _times_with_until(token: Token) -> bool:
    """ "wasn't until last year that", "did not sign it until Friday": when, not whether."""
    return any(child.lower_ == "until" for child in token.head.children)


def _bounds_a_figure(token: Token) -> bool:
    """ "not to use more than 10 percent", "no more than 40": a bound, not a denial."""
    if token.lower_ not in ("not", "no"):
        return False
    following = list(token.doc[token.i + 1 : token.i + 4 + _BOUND_REACH])
    for first, second, third in zip(following, following[1:], following[2:], strict=False):
        if first.lower_ in _COMPARATIVES and second.lower_ == "than" and _figure(third):
            return True
    return False


def _figure(token: Token) -> bool:
    """A number, or a currency sign before one ("$40")."""
    if token.like_num:
        return True
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return token.is_currency and following is not None and following.like_num


def _verb_after(token: Token) -> Token | None:
    """ "has yet to respond": the verb that has not happened yet."""
    following = token.doc[token.i + 1 : token.i + 1 + _YET_TO_REACH]
    return next((t for t in following if t.pos_ in ("VERB", "AUX")), None)


def _next_lower(token: Token) -> str:
    return token.nbor(1).lower_ if token.i + 1 < len(token.doc) else ""


def _clause_head(token: Token) -> Token:
    head = token.head
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    return head


def _before_number(token: Token) -> bool:
    """ "No. 8", "No 8": a rank or a number, not a denial."""
    if token.lower_ not in ("no", "no."):
        return False
    following = list(token.doc[token.i + 1 : token.i + 3])
    if following and following[0].text == ".":
        following = following[1:]
    return bool(following) and following[0].like_num
