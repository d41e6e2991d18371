from __future__ import annotations

import numpy as np

from comparison.model import Reason, Span
from crosscheck.report import ClaimReport, Match, claim_status, summarise
from crosscheck.syndication import independence_groups, is_syndicated, shared_claims


def unit_rows(*indices: int, size: int = 6) -> np.ndarray:
    return np.eye(size, dtype=np.float32)[list(indices)]


def test_shared_claims_counts_near_identical_rows() -> None:
    assert shared_claims(unit_rows(0, 1, 2), unit_rows(1, 2, 3)) == 2
    assert shared_claims(unit_rows(0), np.zeros((0, 6), dtype=np.float32)) == 0


def test_syndicated_needs_a_majority_and_a_minimum() -> None:
    assert is_syndicated(3, 5)
    assert not is_syndicated(2, 3)
    assert not is_syndicated(3, 10)


def test_copies_and_same_outlet_join_one_group() -> None:
    vectors = {
        "orig": unit_rows(0, 1, 2, 3),
        "copy": unit_rows(0, 1, 2, 4),
        "other": unit_rows(5),
        "same": unit_rows(4),
    }
    outlets = {"orig": "abc", "copy": "farm", "other": "cnn", "same": "cnn"}
    groups = independence_groups(vectors, outlets)
    assert groups["orig"] == groups["copy"]
    assert groups["other"] == groups["same"] != groups["orig"]


def match(verdict: str) -> Match:
    span = Span("x", 0, 1)
    reasons = (Reason("number", span, span, "differs"),) if verdict == "diverge" else ()
    return Match("b", "B", "b:0", "x", 0.9, verdict, reasons)  # type: ignore[arg-type]


def test_status_rules() -> None:
    assert claim_status([match("agree"), match("diverge")], 1) == "contested"
    assert claim_status([match("agree")], 1) == "corroborated"
    assert claim_status([match("agree")], 0) == "unverified"
    assert claim_status([match("unrelated")], 0) == "unverified"


def test_summary_counts_and_consistency() -> None:
    claims = [
        ClaimReport("a:0", "x", 0, 1, "corroborated", 1),
        ClaimReport("a:1", "y", 2, 3, "contested", 0),
        ClaimReport("a:2", "z", 4, 5, "corroborated", 2),
        ClaimReport("a:3", "w", 6, 7, "unverified", 0),
    ]
    summary = summarise(claims)
    assert (summary.claims, summary.corroborated, summary.contested, summary.unverified) == (
        4,
        2,
        1,
        1,
    )
    assert summary.consistency == round(2 / 3, 4)
