"""Printing a consistency report for people (terminal) and machines (JSON)."""

from __future__ import annotations

from typing import Any

from api.schemas import ReportSchema
from crosscheck.report import Report

_STATUS_MARK = {"corroborated": "✓", "contested": "✗", "unverified": "·"}


def report_to_json(report: Report) -> dict[str, Any]:
    dumped: dict[str, Any] = ReportSchema().dump(report)
    return dumped


def render_report(report: Report) -> str:
    summary = report.summary
    lines = [
        f"{report.article.title or report.article.id} ({report.article.source})",
        f"{summary.claims} claims: {summary.corroborated} corroborated, "
        f"{summary.contested} contested, {summary.unverified} unverified",
    ]
    for copy in report.syndicated_copies:
        lines.append(f"syndicated copy: {copy.article_id} ({copy.source}), {copy.share:.0%} shared")
    for claim in report.claims:
        lines.append("")
        lines.append(f"{_STATUS_MARK[claim.status]} [{claim.start}:{claim.end}] {claim.text}")
        for match in claim.matches:
            lines.append(
                f"    {match.verdict:9} {match.similarity:.2f} {match.source}: {match.text}"
            )
            lines.extend(
                f"        {reason.type}: “{reason.this.text}” vs “{reason.other.text}”"
                for reason in match.reasons
            )
    return "\n".join(lines)
