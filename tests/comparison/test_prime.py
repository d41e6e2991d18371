from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from comparison import ClaimComparator, ClaimInput

pytestmark = pytest.mark.slow

CLAIMS = [
    ClaimInput(
        "At least 40 people were hurt when the ferry ran aground on Sunday.", date(2026, 6, 7)
    ),
    ClaimInput("About 12 people were hurt when the ferry ran aground on Sunday.", date(2026, 6, 7)),
    ClaimInput("The ferry operator said it would not comment.", date(2026, 6, 7)),
]


def test_prime_parses_each_claim_once_and_changes_no_verdict(nlp: Language) -> None:
    primed = ClaimComparator(nlp)
    primed.prime([*CLAIMS, CLAIMS[0]])
    assert primed.cached_claims() == 3
    fresh = ClaimComparator(nlp)
    for a in CLAIMS:
        for b in CLAIMS:
            assert primed.compare(a, b) == fresh.compare(a, b)
    primed.prime(CLAIMS)
    assert primed.cached_claims() == 3
