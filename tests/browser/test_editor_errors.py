"""Server errors as the page shows them, each from a real server in that state: a model that
cannot load (503, with the request id), a body over the limit (413) and the rate limit (429)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from api.config import TestConfig
from tests.browser.editor_page import EditorPage
from tests.browser.live import LiveServer, serving

if TYPE_CHECKING:
    from playwright.sync_api import Page

MAX_BODY_BYTES = 4096
SHORT_DRAFT = "The council approved the budget on Monday, the mayor said."
LONG_DRAFT = " ".join([SHORT_DRAFT] * 100)


@pytest.fixture(scope="module")
def failing_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """Open (no keys), three calls a minute, a 4 KB body limit and no model where it points."""
    folder = tmp_path_factory.mktemp("failing")
    config = TestConfig(
        data_dir=folder / "data",
        encoder="minilm",
        model_path=str(folder / "no-model-here"),
        max_body_bytes=MAX_BODY_BYTES,
        rate_limit="3 per minute",
        editor=True,
    )
    with serving(config) as server:
        yield server


def test_503_413_and_429_are_explained_and_the_text_is_kept(
    page: Page, failing_server: LiveServer, artifacts: Path
) -> None:
    editor = EditorPage(page)
    editor.open(failing_server.url, key="", source="Test Gazette", published_at="2026-03-03")

    with page.expect_response(lambda response: "/v1/check" in response.url) as answer:
        editor.paste(SHORT_DRAFT)
    request_id = answer.value.headers["x-request-id"]
    message = editor.wait_for_error(503).inner_text()
    assert "The Crosscheck server failed (503 Service unavailable)." in message
    assert f"Request id: {request_id}" in message
    assert editor.draft.input_value() == SHORT_DRAFT
    editor.screenshot(artifacts, "editor-503")

    editor.draft.fill(LONG_DRAFT)
    message = editor.wait_for_error(413).inner_text()
    assert "The draft is too long to check (413)." in message
    assert f"at most {MAX_BODY_BYTES:,} bytes" in message
    assert editor.draft.input_value() == LONG_DRAFT

    editor.draft.fill(SHORT_DRAFT)
    editor.wait_for_error(503)
    with page.expect_response(lambda response: "/v1/check" in response.url) as answer:
        editor.page.evaluate("() => window.crosscheckWidget.check()")
    retry_after = answer.value.headers["retry-after"]
    message = editor.wait_for_error(429).inner_text()
    assert "Too many checks for this key (429)." in message
    assert f"runs again in {retry_after} seconds (Retry-After)" in message
    assert editor.draft.input_value() == SHORT_DRAFT
    editor.screenshot(artifacts, "editor-429")
