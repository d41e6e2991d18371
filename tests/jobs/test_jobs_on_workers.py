"""Jobs processed by a real ``crosscheck worker`` process over real Redis."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from jobs.webhook import verify
from tests.jobs.conftest import MAX_CLAIMS, WEBHOOK_SECRET, JobsSetup, article


@pytest.fixture(scope="module")
def setup(jobs_setup: JobsSetup) -> JobsSetup:
    jobs_setup.start_worker()
    return jobs_setup


def test_an_ingest_job_stores_every_article_and_reports_each_item(setup: JobsSetup) -> None:
    items = [article(f"ingest-{number}") for number in range(4)]
    too_long = article("ingest-too-long", sentences=MAX_CLAIMS + 5)

    location = setup.submit("ingest", [*items, too_long])
    job = setup.wait_until_finished(location)

    assert job["state"] == "partially_succeeded"
    assert job["started_at"] is not None
    assert job["progress"] == {
        "total": 5,
        "done": 5,
        "created": 4,
        "updated": 0,
        "unchanged": 0,
        "checked": 0,
        "rejected": 1,
        "failed": 0,
    }
    results = job["results"]
    assert [result["index"] for result in results] == [0, 1, 2, 3, 4]
    for item, result in zip(items, results, strict=False):
        stored = setup.client.get(f"/v1/articles/{item['id']}").json
        assert result["status"] == "created"
        assert result["article_id"] == item["id"]
        assert result["claims"] == len(stored["claims"]) == 3
    assert results[4]["status"] == "rejected"
    assert f"the limit is {MAX_CLAIMS}" in results[4]["error"]
    assert setup.client.get("/v1/articles/ingest-too-long").status_code == 404


def test_resubmitting_the_same_items_changes_nothing(setup: JobsSetup) -> None:
    items = [article(f"again-{number}") for number in range(3)]
    first = setup.wait_until_finished(setup.submit("ingest", items))
    count = setup.client.get("/v1/health").json["articles"]

    second = setup.wait_until_finished(setup.submit("ingest", items))

    assert first["progress"]["created"] == 3
    assert second["state"] == "succeeded"
    assert second["progress"]["unchanged"] == 3
    assert [result["status"] for result in second["results"]] == ["unchanged"] * 3
    assert setup.client.get("/v1/health").json["articles"] == count
    for item in items:
        assert setup.client.get(f"/v1/articles/{item['id']}").json["revision"] == 1


def test_items_without_an_id_get_one_at_submission(setup: JobsSetup) -> None:
    item = article("unused")
    del item["id"]

    job = setup.wait_until_finished(setup.submit("ingest", [item]))

    article_id = job["results"][0]["article_id"]
    assert job["results"][0]["status"] == "created"
    assert setup.client.get(f"/v1/articles/{article_id}").status_code == 200


def test_a_check_job_reports_every_item_and_stores_nothing(setup: JobsSetup) -> None:
    setup.wait_until_finished(setup.submit("ingest", [article("checked-against")]))
    count = setup.client.get("/v1/health").json["articles"]
    drafts = [article("draft-1"), article("draft-2", topic="flood")]

    job = setup.wait_until_finished(setup.submit("check", drafts, top_k=2), limit=1)

    assert job["state"] == "succeeded"
    assert job["progress"]["checked"] == 2
    assert job["next_offset"] == 1
    report = job["results"][0]["report"]
    assert report["summary"]["claims"] == job["results"][0]["claims"] == 3
    assert report["claims"][0]["matches"], "the indexed storm reports should match"
    second = setup.job(f"/v1/jobs/{job['id']}", offset=1)["results"]
    assert [result["index"] for result in second] == [1]
    assert setup.client.get("/v1/health").json["articles"] == count
    assert setup.client.get("/v1/articles/draft-1").status_code == 404


def test_an_unknown_job_is_404(setup: JobsSetup) -> None:
    location = setup.submit("ingest", [article("known")])
    known_parts = location.rsplit("/", 1)[1] + ":items"

    for job_id in ("0" * 32, known_parts, "not-a-job"):
        response = setup.client.get(f"/v1/jobs/{job_id}")
        assert response.status_code == 404, job_id
        assert response.json["type"] == "urn:crosscheck:problem:not-found"


class Receiver(BaseHTTPRequestHandler):
    """Answers 500 to the first ``failures`` deliveries, then 204; keeps what it got."""

    failures = 2
    received: list[tuple[dict[str, str], bytes, int]] = []  # noqa: RUF012

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        status = 500 if len(self.received) < self.failures else 204
        self.received.append((dict(self.headers), body, status))
        self.send_response(status)
        self.end_headers()

    def log_message(self, *args: Any) -> None:
        """Quiet."""


@pytest.fixture
def receiver() -> Iterator[tuple[str, type[Receiver]]]:
    Receiver.received = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/hooks/crosscheck", Receiver
    server.shutdown()
    server.server_close()


def test_the_webhook_is_signed_and_retried_until_accepted(
    setup: JobsSetup, receiver: tuple[str, type[Receiver]]
) -> None:
    url, handler = receiver

    location = setup.submit("ingest", [article("hooked")], webhook_url=url)
    job = setup.wait_for(location, lambda job: (job["webhook"] or {}).get("state") == "delivered")

    assert job["webhook"]["attempts"] == 3
    assert [status for _, _, status in handler.received] == [500, 500, 204]
    for headers, body, _ in handler.received:
        assert verify(body, headers["X-Crosscheck-Signature"], WEBHOOK_SECRET)
        assert not verify(body + b" ", headers["X-Crosscheck-Signature"], WEBHOOK_SECRET)
        assert not verify(body, headers["X-Crosscheck-Signature"], "another secret")
        assert headers["X-Crosscheck-Job"] == job["id"]
        event = json.loads(body)
        assert event["event"] == "job.finished"
        assert event["job"]["id"] == job["id"]
        assert event["job"]["state"] == "succeeded"
        assert event["job"]["progress"]["created"] == 1
