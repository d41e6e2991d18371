from __future__ import annotations

import json
import logging

import pytest

from api.logs import JsonFormatter
from api.server import announce

SECRET_TEXT = "The harbour authority confirmed 9,431 unpublished lobster permits on Sunday."
KEY = "cms-key-do-not-log-4f9a"


def rendered(caplog: pytest.LogCaptureFixture) -> list[dict]:
    formatter = JsonFormatter()
    return [json.loads(formatter.format(record)) for record in caplog.records]


def test_no_article_text_or_key_in_logs_at_info(make_app, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO)
    client = make_app(api_keys=(KEY,)).test_client()
    article = {"id": "a1", "source": "S", "text": SECRET_TEXT}
    headers = {"Authorization": f"Bearer {KEY}", "X-Request-ID": "log-test-1"}

    assert client.post("/v1/articles", json=article, headers=headers).status_code == 201
    assert client.post("/v1/check", json={"article": article}, headers=headers).status_code == 200
    assert (
        client.post("/v1/articles", json=article | {"id": "bad id"}, headers=headers).status_code
        == 422
    )
    assert client.get("/v1/articles", headers={"X-API-Key": KEY + "x"}).status_code == 401

    entries = rendered(caplog)
    text = "\n".join(json.dumps(entry) for entry in entries)
    assert "lobster" not in text and "9,431" not in text
    assert KEY not in text
    access = [e for e in entries if e["logger"] == "crosscheck.access"]
    assert len(access) == 4
    assert access[0] | {"status": 201, "method": "POST", "path": "/v1/articles"} == access[0]
    assert access[0]["request_id"] == "log-test-1"
    assert [e["status"] for e in access] == [201, 200, 422, 401]


def test_open_server_says_so_at_start_up(app, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO)
    announce(app)
    entries = rendered(caplog)
    ready = next(e for e in entries if e["message"] == "crosscheck ready")
    assert ready["auth"].startswith("OPEN")
    assert any(e["level"] == "WARNING" and "no API keys" in e["message"] for e in entries)


def test_secured_server_start_up_log_names_no_key(
    make_app, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    announce(make_app(api_keys=(KEY,)))
    text = caplog.text + json.dumps(rendered(caplog))
    assert "api keys required" in text
    assert KEY not in text
    assert not any(record.levelno >= logging.WARNING for record in caplog.records)
