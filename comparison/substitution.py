"""Near-identical claims where one names a different entity or number in the same slot."""

from __future__ import annotations

from comparison.model import Reason


def substitution_reasons(a: object, b: object) -> list[Reason]:
    return []
