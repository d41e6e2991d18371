"""Small helpers over spaCy tokens: content lemmas and character spans."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Token

from facts.lexicon import CONTENT_POS, LIGHT_LEMMAS
from facts.model import TextSpan
from facts.names import entity_key, fold


def lemma_key(token: Token) -> str:
    """A comparable form of a content token: folded lemma, names folded like entities."""
    if token.pos_ == "PROPN" or token.ent_type_ in ("GPE", "NORP", "PERSON", "ORG"):
        return entity_key(token.text)
    return fold(token.lemma_)


def is_content(token: Token) -> bool:
    if token.pos_ not in CONTENT_POS or token.is_stop or token.is_punct:
        return False
    return token.lemma_.lower() not in LIGHT_LEMMAS and any(ch.isalnum() for ch in token.text)


def content_lemmas_of(tokens: Iterable[Token], exclude: set[int] | None = None) -> frozenset[str]:
    skip = exclude or set()
    return frozenset(
        key
        for token in tokens
        if token.i not in skip and is_content(token)
        for key in [lemma_key(token)]
        if key
    )


def covering_span(doc: Doc, first: int, last: int) -> TextSpan:
    start = doc[first].idx
    end = doc[last].idx + len(doc[last].text)
    return TextSpan(doc.text[start:end], start, end)


def content_arcs(doc: Doc) -> frozenset[tuple[str, str]]:
    """Each content word paired with its nearest content ancestor."""
    arcs: set[tuple[str, str]] = set()
    for token in doc:
        if not is_content(token):
            continue
        head = next((a for a in token.ancestors if is_content(a)), None)
        if head is not None:
            arcs.add((lemma_key(head), lemma_key(token)))
    return frozenset(arcs)
