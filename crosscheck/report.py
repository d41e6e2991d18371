"""The consistency report: per-claim matches, statuses and the article summary."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from comparison.model import Reason, Verdict

ClaimStatus = Literal["corroborated", "contested", "unverified"]


@dataclass(frozen=True, slots=True)
class Match:
    """A claim of another article close in meaning, and how it compares."""

    article_id: str
    source: str
    claim_id: str
    text: str
    similarity: float
    verdict: Verdict
    reasons: tuple[Reason, ...]
    syndicated: bool = False
    published_at: str | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class ClaimReport:
    id: str
    text: str
    start: int
    end: int
    status: ClaimStatus
    independent_sources: int
    matches: list[Match] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class SyndicatedCopy:
    """Another article that repeats most of the checked one (or that it repeats)."""

    article_id: str
    source: str
    shared_claims: int
    share: float


@dataclass(frozen=True, slots=True)
class Summary:
    claims: int
    corroborated: int
    contested: int
    unverified: int
    consistency: float | None


@dataclass(frozen=True, slots=True)
class ReportedArticle:
    id: str
    source: str
    title: str | None
    published_at: str | None
    text: str


@dataclass(frozen=True, slots=True)
class Report:
    article: ReportedArticle
    summary: Summary
    claims: list[ClaimReport]
    syndicated_copies: list[SyndicatedCopy]


def claim_status(matches: Sequence[Match], independent_sources: int) -> ClaimStatus:
    """Contested by any diverging match; corroborated by an independent agreeing one."""
    if any(match.verdict == "diverge" for match in matches):
        return "contested"
    if independent_sources > 0:
        return "corroborated"
    return "unverified"


def summarise(claims: Sequence[ClaimReport]) -> Summary:
    counts = {status: 0 for status in ("corroborated", "contested", "unverified")}
    for claim in claims:
        counts[claim.status] += 1
    checked = counts["corroborated"] + counts["contested"]
    return Summary(
        claims=len(claims),
        corroborated=counts["corroborated"],
        contested=counts["contested"],
        unverified=counts["unverified"],
        consistency=round(counts["corroborated"] / checked, 4) if checked else None,
    )
