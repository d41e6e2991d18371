"""/v1/jobs: bulk ingest and bulk check on the job queue (needs CROSSCHECK_REDIS_URL)."""

from __future__ import annotations

from collections import Counter
from typing import Any

from flask import url_for
from flask.views import MethodView
from flask_smorest import abort

from api.bodies import Blueprint
from api.job_schemas import JobInSchema, JobQuerySchema, JobSchema
from api.registry import current_registry
from jobs import INGEST, Job, JobQueue

blp = Blueprint("jobs", __name__, url_prefix="/v1/jobs", description="Bulk work on a job queue")

_LOCATION = {"Location": {"description": "The job's URL", "schema": {"type": "string"}}}


@blp.route("")
class Jobs(MethodView):
    @blp.arguments(JobInSchema)
    @blp.response(202, JobSchema, headers=_LOCATION, description="The job was queued")
    def post(self, payload: dict[str, Any]) -> tuple[dict[str, Any], int, dict[str, str]]:
        """Queue a bulk ingest or check of many articles; poll the job URL for progress.

        Answers 503 when the server has no job queue (no Redis) or it does not answer; the
        other routes keep working.
        """
        queue = current_registry().job_queue
        _validate(payload, queue)
        job = queue.submit(
            payload["kind"], payload["items"], payload.get("webhook_url"), payload["top_k"]
        )
        location = url_for("jobs.JobById", job_id=job.id)
        return _view(job, queue, 0, 0), 202, {"Location": location}


@blp.route("/<string:job_id>")
class JobById(MethodView):
    @blp.arguments(JobQuerySchema, location="query")
    @blp.response(200, JobSchema)
    def get(self, query: dict[str, Any], job_id: str) -> dict[str, Any]:
        """A job's state, progress, and the results of a page of its items."""
        queue = current_registry().job_queue
        job = queue.get(job_id)
        if job is None:
            abort(404, message=f"no job with id {job_id!r} (jobs are kept for a limited time)")
            raise AssertionError("abort raises")
        return _view(job, queue, query["offset"], query["limit"])


def _validate(payload: dict[str, Any], queue: JobQueue) -> None:
    errors: dict[str, list[str]] = {}
    limit = queue.settings.max_items
    if len(payload["items"]) > limit:
        errors.setdefault("items", []).append(f"At most {limit} items per job.")
    if payload["kind"] == INGEST:
        ids = Counter(item["id"] for item in payload["items"] if item.get("id"))
        repeated = sorted(article_id for article_id, count in ids.items() if count > 1)
        if repeated:
            errors.setdefault("items", []).append(
                f"Each id at most once per job; repeated: {', '.join(repeated)}."
            )
    if payload.get("webhook_url") and not queue.settings.webhook_secret:
        errors["webhook_url"] = [
            "Webhooks are off: the server has no CROSSCHECK_WEBHOOK_SECRET to sign them with."
        ]
    if errors:
        abort(422, messages={"json": errors})


def _view(job: Job, queue: JobQueue, offset: int, limit: int) -> dict[str, Any]:
    end = min(offset + limit, job.total)
    return {
        "id": job.id,
        "kind": job.kind,
        "state": job.state,
        "created_at": job.created_at,
        "started_at": job.started_at,
        "finished_at": job.finished_at,
        "progress": job.progress,
        "webhook": job.webhook,
        "results": queue.results(job.id, range(offset, end)),
        "next_offset": end if end < job.total else None,
    }
