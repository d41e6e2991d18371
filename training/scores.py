"""Scores of a list of verdicts against gold labels: diverge P/R/F1 and agree precision."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Score:
    n: int
    diverge_predicted: int
    diverge_precision: float
    diverge_recall: float
    diverge_f1: float
    false_diverge_on_agree: float  # share of gold agree pairs judged diverge
    false_diverge_on_unrelated: float  # share of gold unrelated pairs judged diverge
    agree_predicted: int
    agree_precision: float  # share of agree verdicts that are gold agree
    agree_recall: float  # share of gold agree pairs judged agree

    def line(self) -> str:
        return (
            f"n={self.n:4d}  diverge P={self.diverge_precision:.2f} R={self.diverge_recall:.2f} "
            f"F1={self.diverge_f1:.2f} (predicted {self.diverge_predicted}, "
            f"false on agree {self.false_diverge_on_agree:.2f}, "
            f"on unrelated {self.false_diverge_on_unrelated:.2f})  "
            f"agree P={self.agree_precision:.2f} R={self.agree_recall:.2f} "
            f"(predicted {self.agree_predicted})"
        )


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def _false_diverge_rate(pairs: Sequence[tuple[str, str]], gold: str) -> float:
    return _ratio(
        sum(v == "diverge" and g == gold for v, g in pairs), sum(g == gold for _, g in pairs)
    )


def score(verdicts: Sequence[str], labels: Sequence[str]) -> Score:
    pairs = list(zip(verdicts, labels, strict=True))
    true_diverge = sum(v == "diverge" and g == "diverge" for v, g in pairs)
    predicted = sum(v == "diverge" for v, _ in pairs)
    actual = sum(g == "diverge" for _, g in pairs)
    precision, recall = _ratio(true_diverge, predicted), _ratio(true_diverge, actual)
    f1 = 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)
    agree_predicted = sum(v == "agree" for v, _ in pairs)
    agreed = sum(v == "agree" and g == "agree" for v, g in pairs)
    return Score(
        n=len(pairs),
        diverge_predicted=predicted,
        diverge_precision=precision,
        diverge_recall=recall,
        diverge_f1=f1,
        false_diverge_on_agree=_false_diverge_rate(pairs, "agree"),
        false_diverge_on_unrelated=_false_diverge_rate(pairs, "unrelated"),
        agree_predicted=agree_predicted,
        agree_precision=_ratio(agreed, agree_predicted),
        agree_recall=_ratio(agreed, sum(g == "agree" for _, g in pairs)),
    )
