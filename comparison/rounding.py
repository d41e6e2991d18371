"""Two figures with the same kind of bound, compared as written values.

"12" and "13", "$2.4 billion" and "$2.5 billion", "as many as 1.2 million" and "up to 1.3
million" are written to the same precision, so they are different figures, not roundings of
each other. Rounding slack belongs to the rounder side only: "$2.5 billion" may stand for
"$2.46 billion", and "about 1 million" for "about 1.04 million".
"""

from __future__ import annotations

import math

from facts.model import QuantityFact
from facts.numbers import round_magnitude

PLAIN_SLACK = 0.03  # share of a plain round figure a rounding may hide
HEDGED_SLACK = 0.15  # the same for a figure hedged with "about", "an estimated"


def same_written_figure(qa: QuantityFact, qb: QuantityFact) -> bool:
    """Whether two figures of one bound are equal, or the finer one rounds to the rounder one."""
    if math.isclose(qa.value, qb.value, rel_tol=1e-9):
        return True
    step_a, step_b = round_magnitude(qa.value), round_magnitude(qb.value)
    if math.isclose(step_a, step_b, rel_tol=1e-9):
        return False
    rounder, finer = (qa, qb) if step_a > step_b else (qb, qa)
    share = HEDGED_SLACK if rounder.bound == "approx" else PLAIN_SLACK
    slack = min(max(step_a, step_b) / 2, share * abs(rounder.value))
    return abs(finer.value - rounder.value) <= slack * (1 + 1e-9)
