"""Request and response schemas: the single source of the API contract and its OpenAPI spec."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, ClassVar

import marshmallow as ma
from marshmallow import validate

from comparison.model import REASON_TYPES

ARTICLE_ID_PATTERN = r"^[A-Za-z0-9._:-]{1,128}$"
MAX_TEXT_CHARS = 1_000_000
MAX_CLAIM_CHARS = 5_000


class PublicationDate(ma.fields.String):
    """An ISO 8601 date or date-time, kept as the caller wrote it once validated."""

    default_error_messages = {"invalid_iso": "Not an ISO 8601 date or date-time."}  # noqa: RUF012

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> str:
        text = super()._deserialize(value, attr, data, **kwargs).strip().upper()  # RFC 3339 t, z
        try:
            parsed = (
                datetime.fromisoformat(text)
                if "T" in text or " " in text
                else date.fromisoformat(text)
            )
        except ValueError as error:
            raise self.make_error("invalid_iso") from error
        return parsed.isoformat()


def publication_date_doc() -> dict[str, Any]:
    """A fresh dict each time: shared objects would become YAML anchors in the spec."""
    return {
        "description": "ISO 8601 date or date-time",
        "anyOf": [{"format": "date"}, {"format": "date-time"}],
    }


class StrictSchema(ma.Schema):
    class Meta:
        unknown = ma.RAISE


# -- articles -------------------------------------------------------------------------------


class ArticleInSchema(StrictSchema):
    JSON_SCHEMA_EXTRA: ClassVar[dict[str, Any]] = {
        "oneOf": [{"required": ["text"]}, {"required": ["html"]}],
        "description": "An article: give exactly one of `text` and `html`.",
    }

    id = ma.fields.String(
        validate=validate.Regexp(ARTICLE_ID_PATTERN, error="1-128 letters, digits or ._:-"),
        metadata={"description": "The caller's own id (e.g. a CMS post id); generated when absent"},
    )
    source = ma.fields.String(required=True, validate=validate.Length(1, 200))
    title = ma.fields.String(validate=validate.Length(max=1000))
    url = ma.fields.Url(validate=validate.Length(max=2048), metadata={"format": "uri"})
    published_at = PublicationDate(metadata=publication_date_doc())
    text = ma.fields.String(validate=validate.Length(1, MAX_TEXT_CHARS))
    html = ma.fields.String(validate=validate.Length(1, MAX_TEXT_CHARS))

    @ma.validates_schema
    def exactly_one_body(self, data: dict[str, Any], **_: Any) -> None:
        given = [name for name in ("text", "html") if data.get(name) is not None]
        if len(given) != 1:
            message = "Give exactly one of text and html."
            raise ma.ValidationError({"text": [message], "html": [message]})


class ClaimSchema(ma.Schema):
    id = ma.fields.String(required=True)
    text = ma.fields.String(required=True)
    start = ma.fields.Integer(required=True)
    end = ma.fields.Integer(required=True)


class ArticleSummarySchema(ma.Schema):
    id = ma.fields.String(required=True)
    source = ma.fields.String(required=True)
    title = ma.fields.String(allow_none=True)
    url = ma.fields.String(allow_none=True)
    published_at = ma.fields.String(allow_none=True)
    revision = ma.fields.Integer(required=True)
    created_at = ma.fields.String(required=True)
    updated_at = ma.fields.String(required=True)


class ArticleOutSchema(ArticleSummarySchema):
    text = ma.fields.String(required=True)
    claims = ma.fields.List(ma.fields.Nested(ClaimSchema), required=True)


class ArticleListQuerySchema(StrictSchema):
    limit = ma.fields.Integer(load_default=20, validate=validate.Range(1, 100))
    cursor = ma.fields.String(validate=validate.Length(max=200))


class ArticlePageSchema(ma.Schema):
    articles = ma.fields.List(ma.fields.Nested(ArticleSummarySchema), required=True)
    next_cursor = ma.fields.String(allow_none=True, required=True)


# -- comparison and checks ------------------------------------------------------------------


class SpanSchema(ma.Schema):
    text = ma.fields.String(required=True)
    start = ma.fields.Integer(required=True)
    end = ma.fields.Integer(required=True)


class ReasonSchema(ma.Schema):
    type = ma.fields.String(required=True, validate=validate.OneOf(REASON_TYPES))
    this = ma.fields.Nested(SpanSchema, required=True)
    other = ma.fields.Nested(SpanSchema, required=True)
    explanation = ma.fields.String(required=True)


VERDICTS = ["agree", "diverge", "unrelated"]


class ClaimTextSchema(StrictSchema):
    text = ma.fields.String(required=True, validate=validate.Length(1, MAX_CLAIM_CHARS))
    published_at = PublicationDate(metadata=publication_date_doc())


class CompareInSchema(StrictSchema):
    a = ma.fields.Nested(ClaimTextSchema, required=True)
    b = ma.fields.Nested(ClaimTextSchema, required=True)


VERDICT_DOC = (
    "agree: shown to state the same fact; diverge: the same fact reported differently (see "
    "reasons); unrelated: not shown to state the same fact (no verdict is given)"
)
MATCH_VERDICT_DOC = (
    VERDICT_DOC + ". Only a claim's best match in each other article is compared; the "
    "article's other nearby claims are unrelated. Only agree corroborates."
)


class ComparisonSchema(ma.Schema):
    similarity = ma.fields.Float(required=True)
    verdict = ma.fields.String(
        required=True, validate=validate.OneOf(VERDICTS), metadata={"description": VERDICT_DOC}
    )
    reasons = ma.fields.List(ma.fields.Nested(ReasonSchema), required=True)


class CheckInSchema(StrictSchema):
    article = ma.fields.Nested(ArticleInSchema, required=True)
    top_k = ma.fields.Integer(load_default=5, validate=validate.Range(1, 50))
    index = ma.fields.Boolean(
        load_default=False,
        metadata={"description": "Also store the article; off by default so drafts never leak"},
    )


class MatchSchema(ma.Schema):
    article_id = ma.fields.String(required=True)
    source = ma.fields.String(required=True)
    claim_id = ma.fields.String(required=True)
    text = ma.fields.String(required=True)
    similarity = ma.fields.Float(required=True)
    verdict = ma.fields.String(
        required=True,
        validate=validate.OneOf(VERDICTS),
        metadata={"description": MATCH_VERDICT_DOC},
    )
    reasons = ma.fields.List(ma.fields.Nested(ReasonSchema), required=True)
    syndicated = ma.fields.Boolean(
        required=True,
        metadata={"description": "The match comes from a syndicated copy of the checked article"},
    )
    published_at = ma.fields.String(
        required=True,
        allow_none=True,
        metadata={"description": "Publication date of the matched article, as it was indexed"},
    )
    url = ma.fields.String(
        required=True,
        allow_none=True,
        metadata={"description": "Address of the matched article, when it was indexed with one"},
    )


class ClaimReportSchema(ClaimSchema):
    status = ma.fields.String(
        required=True, validate=validate.OneOf(["corroborated", "contested", "unverified"])
    )
    independent_sources = ma.fields.Integer(required=True)
    matches = ma.fields.List(ma.fields.Nested(MatchSchema), required=True)


class SummarySchema(ma.Schema):
    claims = ma.fields.Integer(required=True)
    corroborated = ma.fields.Integer(required=True)
    contested = ma.fields.Integer(required=True)
    unverified = ma.fields.Integer(required=True)
    consistency = ma.fields.Float(
        allow_none=True,
        required=True,
        metadata={"description": "corroborated / (corroborated + contested); null when neither"},
    )


class ReportedArticleSchema(ma.Schema):
    id = ma.fields.String(required=True)
    source = ma.fields.String(required=True)
    title = ma.fields.String(allow_none=True)
    published_at = ma.fields.String(allow_none=True)
    text = ma.fields.String(required=True)


class SyndicatedCopySchema(ma.Schema):
    article_id = ma.fields.String(required=True)
    source = ma.fields.String(required=True)
    shared_claims = ma.fields.Integer(required=True)
    share = ma.fields.Float(required=True)


class ReportSchema(ma.Schema):
    article = ma.fields.Nested(ReportedArticleSchema, required=True)
    summary = ma.fields.Nested(SummarySchema, required=True)
    claims = ma.fields.List(ma.fields.Nested(ClaimReportSchema), required=True)
    syndicated_copies = ma.fields.List(ma.fields.Nested(SyndicatedCopySchema), required=True)


class HealthSchema(ma.Schema):
    status = ma.fields.String(required=True)
    models_loaded = ma.fields.Boolean(required=True)
    encoder = ma.fields.String(required=True)
    articles = ma.fields.Integer(required=True)
    claims = ma.fields.Integer(required=True)
    auth = ma.fields.Boolean(required=True, metadata={"description": "API keys are required"})
