"""The /editor page in chromium on the real model (MiniLM and the packaged verdict judge).

Seed 001 pasted into the page, checked against the other seed pages: the Belarus troops claim
("more than 30,000 Russian troops will mass in Belarus") is contested by CNN's "could reach
30,000 by early February", with a number and a modality reason. (The engine gives no date
reason for this pair of the full seed texts: "in the coming days" against "by early February".)
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from api.config import Config
from tests.browser.conftest import READ_KEY, WRITE_KEY
from tests.browser.editor_page import EditorPage
from tests.browser.live import LiveServer, serving

if TYPE_CHECKING:
    from playwright.sync_api import Locator, Page

pytestmark = pytest.mark.slow

BELARUS_CLAIM = "30,000 Russian troops will mass in Belarus"


@pytest.fixture(scope="module")
def seeded(
    tmp_path_factory: pytest.TempPathFactory,
    keys_file: Path,
    seed_articles: list[dict[str, Any]],
) -> Iterator[tuple[LiveServer, dict[str, Any]]]:
    config = Config(
        data_dir=tmp_path_factory.mktemp("editor-real"), editor=True, api_keys_file=str(keys_file)
    )
    with serving(config) as server:
        draft = next(seed for seed in seed_articles if seed["id"] == "001")
        server.index([seed for seed in seed_articles if seed is not draft], WRITE_KEY)
        yield server, draft


def test_cnn_contests_the_belarus_troops_claim_on_number_and_modality(
    page: Page, seeded: tuple[LiveServer, dict[str, Any]], artifacts: Path
) -> None:
    server, draft = seeded
    editor = EditorPage(page)
    editor.open(
        server.url, key=READ_KEY, source=draft["source"], published_at=draft["published_at"]
    )
    editor.paste(draft["text"])
    report = editor.wait_for_report()

    claim = editor.claim_containing(BELARUS_CLAIM)
    assert claim.get_attribute("data-status") == "contested"
    claim.focus()
    page.keyboard.press("Enter")
    panel = editor.panel()
    assert re.match(r"^Matches", panel.get_attribute("aria-label") or "")
    cnn = panel.locator('[data-verdict="diverge"]', has_text="CNN")
    assert cnn.count() == 1
    assert cnn.locator(".cc-outlet").inner_text() == "CNN (via KTVZ)"
    cnn.locator(".cc-date", has_text="2022-02-01").wait_for()

    number = reason(cnn, "number")
    assert "more than 30,000" in number["this"] and "could reach 30,000" in number["other"]
    modality = reason(cnn, "modality")
    assert re.search(r"\bwill\b", modality["this"]) and "could" in modality["other"]
    editor.screenshot(artifacts, "editor-belarus-panel-real-model")

    page.keyboard.press("Escape")
    page.locator("#draft").focus()
    in_order = [each["id"] for each in sorted(report["claims"], key=lambda c: c["start"])]
    assert editor.claims_reached_by_tab(len(in_order)) == in_order

    page.fill("#api-key", "an-expired-key")
    message = editor.wait_for_error(401)
    assert "The API key was refused (401)." in message.inner_text()
    assert editor.draft.input_value() == draft["text"]


def reason(match: Locator, kind: str) -> dict[str, str]:
    """The highlighted words on both sides of the match's reason of this type."""
    item = match.locator(f'[data-reason-type="{kind}"]')
    assert item.count() == 1, f"no single {kind} reason"
    return {
        side: item.locator(f'[data-side="{side}"] mark.cc-diff').inner_text()
        for side in ("this", "other")
    }
