"""Typed views of the API's JSON answers, tolerant of a failed call."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from evaluation.backend import BackendError, JsonDict
from evaluation.metrics import CharSpan, locate

ERROR_VERDICT = "error"


@dataclass(frozen=True, slots=True)
class Highlight:
    """A reason's span on one side, as the API reports it."""

    text: str
    start: int
    end: int

    def within(self, text: str) -> CharSpan | None:
        """Its range in ``text``: the reported offsets if they fit, else where it occurs."""
        if 0 <= self.start < self.end <= len(text) and text[self.start : self.end] == self.text:
            return CharSpan(self.start, self.end)
        return locate(text, self.text)


@dataclass(frozen=True, slots=True)
class ReasonView:
    type: str
    this: Highlight
    other: Highlight


@dataclass(frozen=True, slots=True)
class CompareOutcome:
    verdict: str
    similarity: float
    reasons: tuple[ReasonView, ...] = ()

    @property
    def is_diverge(self) -> bool:
        return self.verdict == "diverge"

    @property
    def failed(self) -> bool:
        return self.verdict == ERROR_VERDICT


FAILED_COMPARISON = CompareOutcome(verdict=ERROR_VERDICT, similarity=float("-inf"))


@dataclass(frozen=True, slots=True)
class ClaimView:
    id: str
    text: str
    start: int
    end: int

    @property
    def span(self) -> CharSpan:
        return CharSpan(self.start, self.end)


@dataclass(frozen=True, slots=True)
class MatchView:
    article_id: str
    claim_id: str
    text: str


@dataclass(frozen=True, slots=True)
class CheckedClaim:
    claim: ClaimView
    matches: tuple[MatchView, ...]


def compare_or_fail(call: Callable[[], JsonDict]) -> CompareOutcome:
    """Run one ``/v1/compare`` call; an API error becomes ``FAILED_COMPARISON``."""
    try:
        return parse_compare(call())
    except (BackendError, KeyError, TypeError, ValueError):
        return FAILED_COMPARISON


def parse_compare(payload: JsonDict) -> CompareOutcome:
    return CompareOutcome(
        verdict=str(payload["verdict"]),
        similarity=float(payload.get("similarity", 0.0)),
        reasons=tuple(_reason(item) for item in payload.get("reasons", [])),
    )


def parse_claims(payload: JsonDict) -> list[ClaimView]:
    """The ``claims`` of a ``/v1/articles`` answer."""
    return [_claim(item) for item in payload.get("claims", [])]


def parse_check(payload: JsonDict) -> list[CheckedClaim]:
    return [
        CheckedClaim(_claim(item), tuple(_match(match) for match in item.get("matches", [])))
        for item in payload.get("claims", [])
    ]


def _reason(item: dict[str, Any]) -> ReasonView:
    return ReasonView(str(item["type"]), _highlight(item["this"]), _highlight(item["other"]))


def _highlight(item: dict[str, Any]) -> Highlight:
    return Highlight(str(item["text"]), int(item["start"]), int(item["end"]))


def _claim(item: dict[str, Any]) -> ClaimView:
    return ClaimView(str(item["id"]), str(item["text"]), int(item["start"]), int(item["end"]))


def _match(item: dict[str, Any]) -> MatchView:
    return MatchView(str(item["article_id"]), str(item["claim_id"]), str(item.get("text", "")))
