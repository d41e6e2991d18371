"""Named entities from spaCy NER, plus runs of capitalised words the model missed."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from facts.model import EntityFact, TextSpan
from facts.names import entity_key

NAME_LABELS = {
    "PERSON",
    "ORG",
    "GPE",
    "NORP",
    "LOC",
    "FAC",
    "EVENT",
    "PRODUCT",
    "LAW",
    "WORK_OF_ART",
}
_NOT_NAMES = {
    "i",
    "photo",
    "more",
    "but",
    "the",
    "a",
    "an",
    "in",
    "on",
    "he",
    "she",
    "it",
    "they",
    "we",
    "this",
    "that",
    "as",
    "and",
    "for",
    "at",
    "after",
    "while",
    "during",
}


def extract_entities(doc: Doc) -> list[EntityFact]:
    found = [_fact(ent, ent.label_) for ent in doc.ents if ent.label_ in NAME_LABELS]
    covered = {token.i for ent in doc.ents for token in ent}
    found.extend(_fact(run, "NAME") for run in _capitalised_runs(doc, covered))
    return sorted((f for f in found if f.key), key=lambda fact: fact.span.start)


def _fact(span: Span, label: str) -> EntityFact:
    tokens = list(span)
    while tokens and tokens[0].lower_ in ("the", "a", "an"):
        tokens = tokens[1:]
    while tokens and tokens[-1].text in ("'s", "’s", "’", "'"):
        tokens = tokens[:-1]
    if not tokens:
        return EntityFact(span.text, "", label, TextSpan(span.text, span.start_char, span.end_char))
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    text = span.doc.text[start:end]
    return EntityFact(text, entity_key(text), label, TextSpan(text, start, end))


def _capitalised_runs(doc: Doc, covered: set[int]) -> list[Span]:
    runs: list[Span] = []
    start: int | None = None
    for token in doc:
        if _is_name_token(token.i, doc, covered):
            start = token.i if start is None else start
            continue
        if start is not None:
            runs.append(doc[start : token.i])
            start = None
    if start is not None:
        runs.append(doc[start : len(doc)])
    return runs


def _is_name_token(index: int, doc: Doc, covered: set[int]) -> bool:
    token = doc[index]
    if index in covered or not token.text[:1].isupper() or token.lower_ in _NOT_NAMES:
        return False
    if token.pos_ != "PROPN":
        return False
    return not (index == 0 or (doc[index - 1].is_sent_start and doc[index - 1].is_punct))
