"""Plain data types for the facts found in one claim. Every fact keeps its character span."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

Bound = Literal["exact", "approx", "lower", "upper", "range"]
QuantityKind = Literal["count", "money", "percent", "duration"]
Quantifier = Literal["universal", "majority", "partial", "none"]


@dataclass(frozen=True, slots=True)
class TextSpan:
    """``text == claim_text[start:end]``."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class QuantityFact:
    """A number with its bound: the true value lies in [low, high] (inf for open upper ends)."""

    value: float
    low: float
    high: float
    bound: Bound
    kind: QuantityKind
    unit: str  # counted noun lemma, currency code, "%" or time unit; "" when unknown
    span: TextSpan
    number_span: TextSpan
    head: int = -1  # token index of the counted noun (or the number) in the parsed claim


@dataclass(frozen=True, slots=True)
class DateFact:
    """A date or time frame; ``start``/``end`` are None when no anchor date is known."""

    key: str  # normalised expression, comparable without an anchor
    start: date | None
    end: date | None
    precision: Literal["day", "span", "month", "year"]
    deictic: bool  # today / yesterday / weekday: placed relative to publication
    deadline: bool  # "by early February"
    span: TextSpan
    head: int = -1  # token index of the verb the date attaches to


@dataclass(frozen=True, slots=True)
class EntityFact:
    text: str
    key: str  # folded form used for matching
    label: str
    span: TextSpan


@dataclass(frozen=True, slots=True)
class NegationFact:
    cue: str
    head_lemma: str  # the negated predicate
    scope: frozenset[str]  # content lemmas in the negated clause
    span: TextSpan
    head: int = -1


@dataclass(frozen=True, slots=True)
class ModalityFact:
    """An explicit certainty marker. Higher level means more certain."""

    cue: str
    level: int
    scope: frozenset[str]
    span: TextSpan
    head: int = -1


@dataclass(frozen=True, slots=True)
class QuantifierFact:
    word: str
    kind: Quantifier
    noun: str  # lemma of the quantified noun
    span: TextSpan  # the quantified noun phrase
    head: int = -1


@dataclass(frozen=True, slots=True)
class AttributionFact:
    speaker: str  # surface form
    key: str  # normalised speaker
    is_person: bool
    is_pronoun: bool
    verb: str
    span: TextSpan


@dataclass(frozen=True, slots=True)
class QuoteFact:
    text: str
    words: tuple[str, ...]  # normalised words, punctuation dropped
    speaker_key: str
    span: TextSpan  # the quoted words, without the marks


@dataclass(frozen=True, slots=True)
class ClaimFacts:
    text: str
    published_at: date | None
    content_lemmas: frozenset[str]
    quantities: tuple[QuantityFact, ...] = ()
    dates: tuple[DateFact, ...] = ()
    entities: tuple[EntityFact, ...] = ()
    negations: tuple[NegationFact, ...] = ()
    modalities: tuple[ModalityFact, ...] = ()
    quantifiers: tuple[QuantifierFact, ...] = ()
    attributions: tuple[AttributionFact, ...] = ()
    quotes: tuple[QuoteFact, ...] = ()
    tokens: tuple[TokenInfo, ...] = field(default=())
    # (head, dependent) lemma pairs between content words, skipping function words in between
    arcs: frozenset[tuple[str, str]] = frozenset()


@dataclass(frozen=True, slots=True)
class TokenInfo:
    """The parse of one token, kept so that comparison never needs the spaCy Doc."""

    text: str
    lemma: str
    pos: str
    dep: str
    head: int
    start: int
    end: int
    ent_type: str
    is_content: bool
