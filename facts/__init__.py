"""Facts in a claim (quantities, dates, entities, negation, modality, quantifiers, attribution,
quotes), each with its character span."""

from facts.extract import extract_facts, parse_claim, parse_claims
from facts.model import (
    AttributionFact,
    ClaimFacts,
    DateFact,
    EntityFact,
    ModalityFact,
    NegationFact,
    QuantifierFact,
    QuantityFact,
    QuoteFact,
    TextSpan,
    TokenInfo,
)

__all__ = [
    "AttributionFact",
    "ClaimFacts",
    "DateFact",
    "EntityFact",
    "ModalityFact",
    "NegationFact",
    "QuantifierFact",
    "QuantityFact",
    "QuoteFact",
    "TextSpan",
    "TokenInfo",
    "extract_facts",
    "parse_claim",
    "parse_claims",
]
