"""Plain data types of the comparison layer: what two claims are compared on and the verdict."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal, Protocol

Verdict = Literal["agree", "diverge", "unrelated"]
ReasonType = Literal[
    "number", "date", "entity", "negation", "modality", "quantifier", "attribution", "quote"
]
REASON_TYPES: tuple[ReasonType, ...] = (
    "number",
    "date",
    "entity",
    "negation",
    "modality",
    "quantifier",
    "attribution",
    "quote",
)


@dataclass(frozen=True, slots=True)
class ClaimInput:
    """A claim to compare, with its article's publication date (anchors relative dates)."""

    text: str
    published_at: date | None = None


@dataclass(frozen=True, slots=True)
class Span:
    """A substring of one claim: ``claim_text[start:end] == text``."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Reason:
    """Why two claims diverge: the detail's type, the differing span on each side."""

    type: ReasonType
    this: Span
    other: Span
    explanation: str


@dataclass(frozen=True, slots=True)
class Comparison:
    verdict: Verdict
    reasons: tuple[Reason, ...] = ()


class NliJudge(Protocol):
    """An optional model that scores how likely ``hypothesis`` contradicts ``premise``."""

    def contradiction_probability(self, premise: str, hypothesis: str) -> float: ...
