"""The widget as a CMS embeds it: a page on another origin imports the module from the API
server and mounts it on a contenteditable editor; the calls go through CORS."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from werkzeug.serving import make_server
from werkzeug.wrappers import Request, Response

from api.config import TestConfig
from tests.browser.conftest import READ_KEY, WRITE_KEY
from tests.browser.live import serving

if TYPE_CHECKING:
    from playwright.sync_api import Page

ARTICLE = (
    "More than 40,000 homes lost power on Tuesday after a storm crossed the coast, the utility "
    "said. The mayor said schools will stay closed for two days."
)
DRAFT = (
    "About 25,000 homes lost power on Tuesday after a storm crossed the coast, the utility "
    "said. A bridge on the northern road was closed for inspection."
)
RIVAL_URL = "https://rival.example/storm-power-cuts"
CMS_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>A CMS</title></head>
<body>
<div id="editor" contenteditable="true" aria-label="Post body"></div>
<aside id="crosscheck"></aside>
<script type="module">
  import {{ mount }} from {widget};
  window.crosscheckWidget = mount(document.getElementById("editor"), {{
    apiBase: {api}, apiKey: {key}, debounceMs: 300,
    container: document.getElementById("crosscheck"),
    article: () => ({{ source: "Test Gazette", published_at: "2026-03-03" }}),
  }});
</script>
</body></html>
"""


@pytest.fixture
def cms_origin() -> Iterator[tuple[str, list[str]]]:
    """A server of its own (so another origin) for the CMS page; the page's HTML is set later."""
    html: list[str] = []

    @Request.application
    def cms(request: Request) -> Response:
        return Response(html[0] if html else "", mimetype="text/html")

    server = make_server("127.0.0.1", 0, cms, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", html
    server.shutdown()
    thread.join()
    server.server_close()


def test_a_page_on_another_origin_mounts_the_widget_on_a_contenteditable(
    page: Page,
    cms_origin: tuple[str, list[str]],
    keys_file: Path,
    tmp_path: Path,
    artifacts: Path,
) -> None:
    origin, html = cms_origin
    config = TestConfig(
        data_dir=tmp_path / "data", api_keys_file=str(keys_file), cors_origins=(origin,)
    )
    with serving(config) as api:
        rival = {"id": "rival", "source": "Rival Post", "url": RIVAL_URL, "text": ARTICLE}
        api.index([rival], WRITE_KEY)
        widget = f"{api.url}/static/crosscheck-widget.js?v=1.0.0"
        html.append(
            CMS_PAGE.format(
                widget=json.dumps(widget), api=json.dumps(api.url), key=json.dumps(READ_KEY)
            )
        )
        page.goto(origin)
        page.wait_for_function("() => window.crosscheckWidget !== undefined")
        page.focus("#editor")
        page.keyboard.insert_text(DRAFT)
        page.wait_for_selector('.cc-widget[data-state="ready"][data-painted-sequence]')

        contested = page.locator('[data-claim-id][data-status="contested"]')
        assert contested.count() == 1
        assert "25,000 homes" in contested.inner_text()
        decoration = contested.evaluate("claim => getComputedStyle(claim).textDecorationStyle")
        assert decoration == "wavy"  # the widget's CSS came along from the API server
        contested.click()
        panel = page.get_by_role("region", name="Matches")
        assert panel.locator('[data-verdict="diverge"] .cc-outlet').inner_text() == "Rival Post"
        assert panel.locator('[data-reason-type="number"]').count() == 1
        link = panel.get_by_role("link", name="Open the Rival Post article")
        assert link.get_attribute("href") == RIVAL_URL
        assert page.inner_text("#editor") == DRAFT
        page.screenshot(path=str(artifacts / "cms-embedding.png"), full_page=True)
