"""Everything checkable in one claim, from its spaCy parse. Never raises on odd input."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Sequence
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from facts.attribution import extract_attributions
from facts.dates import extract_dates
from facts.entities import extract_entities
from facts.modality import extract_modalities
from facts.model import ClaimFacts, DateFact, TokenInfo
from facts.negation import extract_negations
from facts.quantifiers import extract_quantifiers
from facts.quantities import extract_quantities
from facts.quotes import extract_quotes
from facts.text import content_arcs, content_lemmas_of, is_content, lemma_key

logger = logging.getLogger(__name__)


def parse_claim(nlp: Language, text: str, published_at: date | None = None) -> ClaimFacts:
    """Parse ``text`` with ``nlp`` and extract its facts."""
    try:
        return extract_facts(nlp(text), published_at)
    except Exception:  # extraction must never take the service down
        logger.exception("fact extraction failed")
        return _no_facts(text, published_at)


def parse_claims(
    nlp: Language, claims: Sequence[tuple[str, date | None]], batch_size: int = 64
) -> list[ClaimFacts]:
    """Like :func:`parse_claim` for many claims, parsed in batches by ``nlp.pipe``."""
    docs = nlp.pipe([text for text, _ in claims], batch_size=batch_size)
    parsed = []
    for (text, published_at), doc in zip(claims, docs, strict=True):
        try:
            parsed.append(extract_facts(doc, published_at))
        except Exception:  # extraction must never take the service down
            logger.exception("fact extraction failed")
            parsed.append(_no_facts(text, published_at))
    return parsed


def _no_facts(text: str, published_at: date | None) -> ClaimFacts:
    return ClaimFacts(text=text, published_at=published_at, content_lemmas=frozenset())


def extract_facts(doc: Doc, published_at: date | None = None) -> ClaimFacts:
    dates = [_with_head(doc, fact) for fact in extract_dates(doc.text, published_at)]
    taken = [(fact.span.start, fact.span.end) for fact in dates]
    attributions = extract_attributions(doc)
    return ClaimFacts(
        text=doc.text,
        published_at=published_at,
        content_lemmas=content_lemmas_of(doc),
        quantities=tuple(extract_quantities(doc, taken)),
        dates=tuple(dates),
        entities=tuple(extract_entities(doc)),
        negations=tuple(extract_negations(doc)),
        modalities=tuple(extract_modalities(doc)),
        quantifiers=tuple(extract_quantifiers(doc)),
        attributions=tuple(attributions),
        quotes=tuple(extract_quotes(doc.text, attributions)),
        tokens=tuple(_token_info(doc)),
        arcs=content_arcs(doc),
    )


def _with_head(doc: Doc, fact: DateFact) -> DateFact:
    span = doc.char_span(fact.span.start, fact.span.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return fact
    head = span.root
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    return dataclasses.replace(fact, head=head.i)


def _token_info(doc: Doc) -> list[TokenInfo]:
    return [
        TokenInfo(
            text=token.text,
            lemma=lemma_key(token) if is_content(token) else token.lower_,
            pos=token.pos_,
            dep=token.dep_,
            head=token.head.i,
            start=token.idx,
            end=token.idx + len(token.text),
            ent_type=token.ent_type_,
            is_content=is_content(token),
        )
        for token in doc
    ]
