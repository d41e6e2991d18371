"""One verdict whichever claim comes first: pairs are compared in a canonical order and the
reasons are turned back to the caller's order."""

from __future__ import annotations

import dataclasses
import re

from comparison.model import ClaimInput, Comparison, Reason

_THIS_THEN_OTHER = re.compile(r"^this(?P<first>.*?); other(?P<second>.*)$", re.DOTALL)


def in_canonical_order(a: ClaimInput, b: ClaimInput) -> bool:
    """True when ``a`` should be compared as the first claim."""
    return _order_key(a) <= _order_key(b)


def flipped(comparison: Comparison) -> Comparison:
    """The same comparison seen from the other claim."""
    return dataclasses.replace(comparison, reasons=tuple(map(flip_reason, comparison.reasons)))


def flip_reason(reason: Reason) -> Reason:
    return dataclasses.replace(
        reason,
        this=reason.other,
        other=reason.this,
        explanation=_flip_explanation(reason.explanation),
    )


def _flip_explanation(explanation: str) -> str:
    """``this: X; other: Y`` read from the other side is ``this: Y; other: X``."""
    match = _THIS_THEN_OTHER.match(explanation)
    if match is None:
        return explanation
    return f"this{match['second']}; other{match['first']}"


def _order_key(claim: ClaimInput) -> tuple[str, str]:
    return claim.text, claim.published_at.isoformat() if claim.published_at else ""
