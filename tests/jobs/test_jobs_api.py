"""/v1/jobs without a queue, and what it refuses before anything is queued (no Redis needed)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from api import create_app
from api.config import TestConfig
from tests.jobs.conftest import article

NOTHING_LISTENS = "redis://127.0.0.1:1/0"


def test_without_redis_configured_jobs_answer_503_and_the_rest_keeps_working(
    tmp_path: Path,
) -> None:
    app = create_app(TestConfig(data_dir=tmp_path / "data"))
    client = app.test_client()

    submitted = client.post("/v1/jobs", json={"kind": "ingest", "items": [article("a1")]})
    read = client.get("/v1/jobs/0123")
    indexed = client.post("/v1/articles", json=article("a1"))

    assert submitted.status_code == 503
    assert submitted.mimetype == "application/problem+json"
    assert submitted.json["type"] == "urn:crosscheck:problem:queue-unavailable"
    assert "CROSSCHECK_REDIS_URL" in submitted.json["detail"]
    assert read.status_code == 503
    assert indexed.status_code == 201
    app.extensions["crosscheck"].close()


def test_unreachable_redis_answers_503_with_retry_after(tmp_path: Path) -> None:
    app = create_app(TestConfig(data_dir=tmp_path / "data", redis_url=NOTHING_LISTENS))
    client = app.test_client()

    submitted = client.post("/v1/jobs", json={"kind": "ingest", "items": [article("a1")]})
    read = client.get(f"/v1/jobs/{'0' * 32}")

    for response in (submitted, read):
        assert response.status_code == 503
        assert response.json["type"] == "urn:crosscheck:problem:queue-unavailable"
        assert int(response.headers["Retry-After"]) > 0
    assert client.get("/v1/articles").status_code == 200
    app.extensions["crosscheck"].close()


def test_bad_jobs_are_refused_with_field_errors(tmp_path: Path) -> None:
    config = TestConfig(data_dir=tmp_path / "data", redis_url=NOTHING_LISTENS, job_max_items=3)
    app = create_app(config)
    client = app.test_client()
    items = [article("a1"), article("a2")]

    cases = {
        "kind": {"kind": "delete", "items": items},
        "items": {"kind": "ingest", "items": []},
        "webhook_url": {"kind": "ingest", "items": items, "webhook_url": "ftp://cms/hook"},
    }
    for field, body in cases.items():
        response = client.post("/v1/jobs", json=body)
        assert response.status_code == 422, field
        assert field in response.json["errors"], field

    four = [article(f"b{number}") for number in range(4)]
    too_many = client.post("/v1/jobs", json={"kind": "ingest", "items": four})
    repeated = client.post("/v1/jobs", json={"kind": "ingest", "items": [items[0], items[0]]})
    unsigned = client.post(
        "/v1/jobs",
        json={"kind": "check", "items": items, "webhook_url": "http://cms.example/hook"},
    )
    bad_item = client.post("/v1/jobs", json={"kind": "ingest", "items": [{"text": "no source"}]})

    assert too_many.status_code == 422
    assert "At most 3 items" in too_many.json["errors"]["items"][0]
    assert repeated.status_code == 422
    assert "a1" in repeated.json["errors"]["items"][0]
    assert unsigned.status_code == 422
    assert "CROSSCHECK_WEBHOOK_SECRET" in unsigned.json["errors"]["webhook_url"][0]
    assert bad_item.status_code == 422
    assert "source" in bad_item.json["errors"]["items"]["0"]
    app.extensions["crosscheck"].close()


def test_a_read_key_cannot_submit_a_job(tmp_path: Path) -> None:
    keys = tmp_path / "keys"
    keys.write_text(hashlib.sha256(b"reader").hexdigest() + " read\n", encoding="utf-8")
    config = TestConfig(
        data_dir=tmp_path / "data", redis_url=NOTHING_LISTENS, api_keys_file=str(keys)
    )
    app = create_app(config)

    response = app.test_client().post(
        "/v1/jobs",
        json={"kind": "check", "items": [article("a1")]},
        headers={"X-API-Key": "reader"},
    )

    assert response.status_code == 403
    app.extensions["crosscheck"].close()
