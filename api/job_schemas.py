"""Request and response schemas of /v1/jobs."""

from __future__ import annotations

import marshmallow as ma
from marshmallow import validate

from api.schemas import ArticleInSchema, ReportSchema, StrictSchema
from jobs.model import ITEM_STATUSES, KINDS, STATES

WEBHOOK_DOC = (
    "Called once when the job ends: a POST of a JSON event, signed with HMAC-SHA256 under the "
    "server's webhook secret in `X-Crosscheck-Signature: sha256=<hex of the raw body>`; "
    "retried with exponential back-off until a 2xx answer. At least once: deduplicate on "
    "`X-Crosscheck-Job`."
)


class JobInSchema(StrictSchema):
    kind = ma.fields.String(
        required=True,
        validate=validate.OneOf(KINDS),
        metadata={
            "description": "ingest: index every item (an item stored with the same id and "
            "content is left unchanged); check: a consistency report for every item, "
            "stored nowhere"
        },
    )
    items = ma.fields.List(
        ma.fields.Nested(ArticleInSchema),
        required=True,
        validate=validate.Length(min=1),
        metadata={"description": "Article objects as for POST /v1/articles"},
    )
    webhook_url = ma.fields.Url(
        schemes={"http", "https"},
        require_tld=False,
        validate=validate.Length(max=2048),
        metadata={"format": "uri", "description": WEBHOOK_DOC},
    )
    top_k = ma.fields.Integer(
        load_default=5,
        validate=validate.Range(1, 50),
        metadata={"description": "check jobs: matches per claim"},
    )


class JobQuerySchema(StrictSchema):
    offset = ma.fields.Integer(load_default=0, validate=validate.Range(min=0))
    limit = ma.fields.Integer(load_default=100, validate=validate.Range(1, 1000))


class ProgressSchema(ma.Schema):
    total = ma.fields.Integer(required=True)
    done = ma.fields.Integer(required=True)
    created = ma.fields.Integer(required=True)
    updated = ma.fields.Integer(required=True)
    unchanged = ma.fields.Integer(required=True)
    checked = ma.fields.Integer(required=True)
    rejected = ma.fields.Integer(required=True)
    failed = ma.fields.Integer(required=True)


class WebhookSchema(ma.Schema):
    url = ma.fields.String(required=True)
    state = ma.fields.String(
        required=True, validate=validate.OneOf(["pending", "delivered", "failed"])
    )
    attempts = ma.fields.Integer(required=True)
    last_error = ma.fields.String(allow_none=True)
    delivered_at = ma.fields.String(allow_none=True)


class ItemResultSchema(ma.Schema):
    index = ma.fields.Integer(required=True, metadata={"description": "Position in `items`"})
    status = ma.fields.String(
        required=True,
        validate=validate.OneOf(ITEM_STATUSES),
        metadata={
            "description": "pending (not done yet); created, updated, unchanged (ingest); "
            "checked (check); rejected (this article cannot be processed, see error); "
            "failed (its batch failed on every attempt, see error)"
        },
    )
    article_id = ma.fields.String(allow_none=True)
    claims = ma.fields.Integer(allow_none=True, metadata={"description": "Claims found"})
    error = ma.fields.String(allow_none=True)
    report = ma.fields.Nested(ReportSchema, allow_none=True, metadata={"description": "check"})


class JobSchema(ma.Schema):
    id = ma.fields.String(required=True)
    kind = ma.fields.String(required=True, validate=validate.OneOf(KINDS))
    state = ma.fields.String(
        required=True,
        validate=validate.OneOf(STATES),
        metadata={
            "description": "queued, running, then succeeded (every item done), "
            "partially_succeeded (some items rejected or failed) or failed (all of them)"
        },
    )
    created_at = ma.fields.String(required=True)
    started_at = ma.fields.String(allow_none=True)
    finished_at = ma.fields.String(allow_none=True)
    progress = ma.fields.Nested(ProgressSchema, required=True)
    webhook = ma.fields.Nested(WebhookSchema, allow_none=True)
    results = ma.fields.List(
        ma.fields.Nested(ItemResultSchema),
        required=True,
        metadata={"description": "Items offset .. offset + limit - 1 (query parameters)"},
    )
    next_offset = ma.fields.Integer(
        allow_none=True, required=True, metadata={"description": "null on the last page"}
    )
