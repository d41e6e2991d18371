"""Wire-copy abbreviations keep a figure's meaning ("14.9 bln marks" is "14.9 billion marks",
"20 dlrs" is "$20"), and do not hide a changed figure ("5 mln" / "5 bln")."""

from __future__ import annotations

import pytest
from spacy.language import Language

from comparison import ClaimComparator
from comparison.slots import same_counted_noun
from facts.quantities import extract_quantities
from tests.comparison.conftest import compare, reason_types

AGREE = [
    (
        "The state is asking for $4.2' billion in federal aid.",
        "The state is asking for $4.2 billion in federal aid.",
    ),
    (
        "Net profit rose to 14.9 bln marks last year.",
        "Net profit rose to 14.9 billion marks last year.",
    ),
    ("The startup raised $4.2m from investors.", "The startup raised $4.2 million from investors."),
    ("The bank lent $3bn to the builder.", "The bank lent $3 billion to the builder."),
    ("About 30k people attended the rally.", "About 30,000 people attended the rally."),
    ("Output grew 5 pct in March.", "Output grew 5 percent in March."),
    ("The shares were sold at 20 dlrs each.", "The shares were sold at $20 each."),
    ("The shares were sold at 20 dlrs each.", "The shares were sold at 20 dollars each."),
    ("The firm paid a dividend of 35 cts a share.", "The firm paid a dividend of $0.35 a share."),
    ("The trade gap was 3.5 mln stg in May.", "The trade gap was 3.5 million pounds in May."),
    ("Exports rose to 1.2 trln yen.", "Exports rose to 1.2 trillion yen."),
    ("The wall was 5m high, officials said.", "The wall was 16 feet high, officials said."),
    (
        "Police said 5m viewers watched the final.",
        "Police said 5 million viewers watched the final.",
    ),
]

DIVERGE = [
    (
        "The state is asking for $4.2' billion in federal aid.",
        "The state is asking for $4.5 billion in federal aid.",
    ),
    (
        "Net interest revenue was 494.2 mln dlrs, down from 546.4 mln.",
        "Net interest revenue was 494.2 mln dlrs, down from 765.0 mln.",
    ),
    (
        "Net profit rose to 14.9 bln marks last year.",
        "Net profit rose to 14.8 billion marks last year.",
    ),
    ("The deficit was 5 mln dlrs in June.", "The deficit was 5 bln dlrs in June."),
    ("Output grew 5 pct in March.", "Output grew 6 percent in March."),
    ("The firm paid a dividend of 35 cts a share.", "The firm paid a dividend of 40 cts a share."),
    ("The startup raised $4.2m from investors.", "The startup raised $4.8 million from investors."),
    ("The wall was 5m high, officials said.", "The wall was 30 feet high, officials said."),
]


@pytest.mark.slow
@pytest.mark.parametrize(("a", "b"), AGREE)
def test_a_wire_abbreviation_keeps_the_figure(comparator: ClaimComparator, a: str, b: str) -> None:
    result = compare(comparator, a, b)
    assert "number" not in reason_types(result)
    assert result.verdict == "agree"


@pytest.mark.slow
@pytest.mark.parametrize(("a", "b"), DIVERGE)
def test_a_changed_figure_in_wire_copy_still_diverges(
    comparator: ClaimComparator, a: str, b: str
) -> None:
    result = compare(comparator, a, b)
    assert "number" in reason_types(result)
    assert result.verdict == "diverge"


@pytest.mark.slow
def test_two_sums_in_dlrs_are_no_counted_noun(nlp: Language) -> None:
    qa = extract_quantities(nlp("Revenue was 20 mln dlrs."), [])[0]
    qb = extract_quantities(nlp("Costs were 12 mln dlrs."), [])[0]
    assert (qa.kind, qb.kind) == ("money", "money")
    assert not same_counted_noun(qa, qb)
