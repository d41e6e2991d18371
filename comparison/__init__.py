"""Comparing two claims: agree, diverge (typed reasons with spans) or unrelated."""

from comparison.comparator import ClaimComparator
from comparison.model import (
    REASON_TYPES,
    ClaimInput,
    Comparison,
    NliJudge,
    Reason,
    ReasonType,
    Span,
    Verdict,
)
from comparison.overlap import content_overlap

__all__ = [
    "REASON_TYPES",
    "ClaimComparator",
    "ClaimInput",
    "Comparison",
    "NliJudge",
    "Reason",
    "ReasonType",
    "Span",
    "Verdict",
    "content_overlap",
]
