"""The webhook that tells a CMS a job has ended: a signed JSON POST.

The body is signed with HMAC-SHA256 under the server's ``CROSSCHECK_WEBHOOK_SECRET``; the
hex digest of the raw body travels in ``X-Crosscheck-Signature: sha256=<hex>``. A receiver
recomputes it over the exact bytes it received and compares in constant time
(:func:`verify`); ``sent_at`` in the body lets it refuse old replays. Delivery is
at least once: a receiver deduplicates on ``X-Crosscheck-Job`` (one event per job).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import urllib.error
import urllib.request
from typing import Any

from jobs.errors import WebhookFailed
from jobs.model import Job

SIGNATURE_HEADER = "X-Crosscheck-Signature"
EVENT_HEADER = "X-Crosscheck-Event"
JOB_HEADER = "X-Crosscheck-Job"
EVENT = "job.finished"


def payload(job: Job, sent_at: str) -> bytes:
    body: dict[str, Any] = {
        "event": EVENT,
        "sent_at": sent_at,
        "job": {
            "id": job.id,
            "url": f"/v1/jobs/{job.id}",
            "kind": job.kind,
            "state": job.state,
            "progress": job.progress,
            "created_at": job.created_at,
            "finished_at": job.finished_at,
        },
    }
    return json.dumps(body, separators=(",", ":")).encode("utf-8")


def signature(body: bytes, secret: str) -> str:
    digest = hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()
    return f"sha256={digest}"


def verify(body: bytes, header: str, secret: str) -> bool:
    """What a receiver does: does ``header`` sign exactly ``body``?"""
    return hmac.compare_digest(signature(body, secret), header)


def deliver(url: str, body: bytes, job_id: str, secret: str, timeout_s: float) -> None:
    """POST the signed body; any answer but a 2xx, or none, raises :class:`WebhookFailed`."""
    request = urllib.request.Request(
        url,
        data=body,
        method="POST",
        headers={
            "Content-Type": "application/json",
            "User-Agent": "crosscheck-webhook",
            SIGNATURE_HEADER: signature(body, secret),
            EVENT_HEADER: EVENT,
            JOB_HEADER: job_id,
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout_s) as response:
            status = response.status
    except urllib.error.HTTPError as error:
        raise WebhookFailed(f"{url} answered {error.code}") from error
    except (urllib.error.URLError, OSError) as error:
        raise WebhookFailed(f"{url} did not answer: {error}") from error
    if not 200 <= status < 300:
        raise WebhookFailed(f"{url} answered {status}")
