"""/v1/check and /v1/compare: consistency reports for an article or a pair of claims."""

from __future__ import annotations

from typing import Any

from flask.views import MethodView

from api.auth import WRITE, require_scope
from api.bodies import Blueprint
from api.registry import current_service
from api.schemas import CheckInSchema, CompareInSchema, ComparisonSchema, ReportSchema
from comparison.model import ClaimInput
from crosscheck.report import Report
from crosscheck.service import ArticleInput, publication_date

blp = Blueprint("checks", __name__, url_prefix="/v1", description="Consistency checks")


@blp.route("/check")
class Check(MethodView):
    @blp.arguments(CheckInSchema)
    @blp.response(200, ReportSchema)
    def post(self, payload: dict[str, Any]) -> Report:
        """Check an article against the corpus; stores nothing unless `index` is true.

        A `read` key may check; storing the article (`index: true`) needs a `write` key.
        """
        if payload["index"]:
            require_scope(WRITE)
        return current_service().check_article(
            ArticleInput(**payload["article"]), top_k=payload["top_k"], index=payload["index"]
        )


@blp.route("/compare")
class Compare(MethodView):
    @blp.arguments(CompareInSchema)
    @blp.response(200, ComparisonSchema)
    def post(self, payload: dict[str, Any]) -> dict[str, Any]:
        """Compare two claims: similarity, verdict and the reasons for a divergence."""
        similarity, comparison = current_service().compare_claims(
            _claim(payload["a"]), _claim(payload["b"])
        )
        return {
            "similarity": similarity,
            "verdict": comparison.verdict,
            "reasons": comparison.reasons,
        }


def _claim(data: dict[str, Any]) -> ClaimInput:
    return ClaimInput(data["text"], publication_date(data.get("published_at")))
