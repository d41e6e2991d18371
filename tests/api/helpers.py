"""Assertions shared by the API tests."""

from __future__ import annotations

from typing import Any

from werkzeug.test import TestResponse

PROBLEM = "application/problem+json"


def assert_problem(response: TestResponse, status: int) -> dict[str, Any]:
    """The response is an RFC 9457 problem document with this status; returns its body."""
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.mimetype == PROBLEM
    body: dict[str, Any] = response.get_json()
    assert {"type", "title", "status", "detail"} <= set(body)
    assert body["status"] == status
    assert isinstance(body["detail"], str) and body["detail"]
    return body
