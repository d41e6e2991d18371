"""The /editor page in chromium, on the hashing encoder (fast): seed 001 pasted into the page
and checked against the other seed pages.

What the hashing encoder reports for the Belarus troops claim of seed 001 ("more than 30,000
Russian troops will mass in Belarus"): contested, by a diverging match of another outlet with a
number reason. CNN's diverging match with the number and modality reasons comes only from the
real model: see test_editor_page_real_model.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from api.config import TestConfig
from tests.browser.conftest import READ_KEY, WRITE_KEY
from tests.browser.editor_page import EditorPage
from tests.browser.live import LiveServer, serving

if TYPE_CHECKING:
    from playwright.sync_api import Page

BELARUS_CLAIM = "30,000 Russian troops will mass in Belarus"
DRAFT_ID = "001"
EDIT = " The talks resume on Friday."


@pytest.fixture(scope="module")
def seeded(
    tmp_path_factory: pytest.TempPathFactory,
    keys_file: Path,
    seed_articles: list[dict[str, Any]],
) -> Iterator[tuple[LiveServer, dict[str, Any]]]:
    """A server on the hashing encoder with the editor page, the seeds but 001 indexed; and 001."""
    config = TestConfig(
        data_dir=tmp_path_factory.mktemp("editor-data"), editor=True, api_keys_file=str(keys_file)
    )
    with serving(config) as server:
        draft = next(seed for seed in seed_articles if seed["id"] == DRAFT_ID)
        server.index([seed for seed in seed_articles if seed is not draft], WRITE_KEY)
        yield server, draft


@pytest.fixture
def editor(page: Page, seeded: tuple[LiveServer, dict[str, Any]]) -> EditorPage:
    server, draft = seeded
    editor = EditorPage(page)
    editor.open(
        server.url, key=READ_KEY, source=draft["source"], published_at=draft["published_at"]
    )
    return editor


def test_seed_001_is_highlighted_claim_by_claim_as_the_api_reports_it(
    editor: EditorPage, seeded: tuple[LiveServer, dict[str, Any]], artifacts: Path
) -> None:
    server, draft = seeded
    editor.paste(draft["text"])
    report = editor.wait_for_report()
    editor.screenshot(artifacts, "editor-seed-001-hashing")

    expected = server.check(
        {"source": draft["source"], "published_at": draft["published_at"], "text": draft["text"]},
        READ_KEY,
    )
    assert without_ids(report["claims"]) == without_ids(expected["claims"])
    shown = [
        (element.get_attribute("data-claim-id"), element.get_attribute("data-status"))
        for element in editor.claims().all()
    ]
    assert shown == [(claim["id"], claim["status"]) for claim in report["claims"]]
    summary = editor.page.locator("[data-summary]")
    counts = expected["summary"]
    assert summary.get_attribute("data-contested") == str(counts["contested"])
    assert f"{counts['claims']} claims: {counts['contested']} contested" in summary.inner_text()
    assert editor.draft.input_value() == draft["text"]


def test_the_belarus_troops_claim_is_contested_and_its_panel_shows_why(
    editor: EditorPage, seeded: tuple[LiveServer, dict[str, Any]], artifacts: Path
) -> None:
    _, draft = seeded
    editor.paste(draft["text"])
    report = editor.wait_for_report()
    claim = editor.claim_containing(BELARUS_CLAIM)
    assert claim.get_attribute("data-status") == "contested"

    claim.click()
    panel = editor.panel()
    assert re.match(r"^Matches", panel.get_attribute("aria-label") or "")
    assert claim.get_attribute("aria-expanded") == "true"
    reported = next(each for each in report["claims"] if BELARUS_CLAIM in each["text"])
    diverging = [match for match in reported["matches"] if match["verdict"] == "diverge"]
    assert diverging
    for match in diverging:
        shown = panel.locator(
            f'[data-verdict="diverge"][data-article-id="{match["article_id"]}"]'
        ).first
        assert match["source"] in shown.locator(".cc-outlet").inner_text()
        for reason in match["reasons"]:
            item = shown.locator(f'[data-reason-type="{reason["type"]}"]').first
            assert reason["explanation"] in item.inner_text()
            this_side = item.locator('[data-side="this"] mark.cc-diff').inner_text()
            other_side = item.locator('[data-side="other"] mark.cc-diff').inner_text()
            assert this_side == reason["this"]["text"]
            assert other_side == reason["other"]["text"]
    dates = panel.locator(".cc-date")
    dates.first.filter(has_text=re.compile(r"\d{4}-\d{2}-\d{2}")).wait_for()
    editor.screenshot(artifacts, "editor-belarus-panel-hashing")


def test_tab_reaches_every_claim_in_reading_order_and_enter_opens_its_matches(
    editor: EditorPage, seeded: tuple[LiveServer, dict[str, Any]]
) -> None:
    _, draft = seeded
    editor.paste(draft["text"])
    report = editor.wait_for_report()
    in_order = [claim["id"] for claim in sorted(report["claims"], key=lambda each: each["start"])]

    assert editor.claims_reached_by_tab(len(in_order)) == in_order

    editor.page.keyboard.press("Shift+Tab")
    last = editor.page.locator(f'[data-claim-id="{in_order[-1]}"]')
    editor.page.keyboard.press("Enter")
    assert last.get_attribute("aria-expanded") == "true"
    assert editor.panel().is_visible()
    editor.page.keyboard.press("Escape")
    assert editor.page.locator(".cc-panel").is_hidden()


def test_an_invalid_key_shows_the_401_message_and_keeps_the_text(
    editor: EditorPage, seeded: tuple[LiveServer, dict[str, Any]], artifacts: Path
) -> None:
    _, draft = seeded
    editor.page.fill("#api-key", "an-expired-key")
    editor.paste(draft["text"])
    message = editor.wait_for_error(401)
    assert "The API key was refused (401)." in message.inner_text()
    assert "The API key is not valid." in message.inner_text()
    assert editor.draft.input_value() == draft["text"]
    editor.screenshot(artifacts, "editor-401")


def test_field_errors_of_a_422_are_named(
    editor: EditorPage, seeded: tuple[LiveServer, dict[str, Any]]
) -> None:
    _, draft = seeded
    editor.page.fill("#published-at", "last Tuesday")
    editor.page.fill("#source", "")
    editor.paste(draft["text"])
    message = editor.wait_for_error(422).inner_text()
    assert "Date: Not an ISO 8601 date or date-time." in message
    assert "Source: Missing data for required field." in message
    assert editor.draft.input_value() == draft["text"]


def test_an_edit_checks_again_once_and_cancels_the_check_in_flight(
    editor: EditorPage, seeded: tuple[LiveServer, dict[str, Any]]
) -> None:
    _, draft = seeded
    checks: list[str] = []
    aborted: list[str] = []
    editor.page.on("request", lambda r: checks.append(r.url) if "/v1/check" in r.url else None)
    editor.page.on(
        "requestfailed",
        lambda r: aborted.append(r.failure or "") if "/v1/check" in r.url else None,
    )
    editor.paste(draft["text"])
    first = editor.wait_for_report()
    assert len(checks) == 1

    editor.claim_containing(BELARUS_CLAIM).click()
    label = editor.panel().get_attribute("aria-label")
    editor.draft.press("End")
    editor.page.keyboard.type(EDIT)
    second = editor.wait_for_report(after=editor.painted())
    assert len(checks) == 2
    assert editor.panel().get_attribute("aria-label") == label  # the same claim's panel
    assert not first["article"]["text"].endswith(EDIT)
    assert second["article"]["text"].endswith(EDIT)

    before = editor.painted()
    with editor.page.expect_request(lambda request: "/v1/check" in request.url):
        editor.page.evaluate("() => { window.crosscheckWidget.check(); }")
    editor.page.evaluate("() => window.crosscheckWidget.check()")  # while the first is in flight
    editor.wait_for_report(after=before)
    assert len(checks) == 4
    assert len(aborted) == 1 and "ABORTED" in aborted[0].upper()
    assert editor.painted() == before + 2


def test_the_index_button_needs_a_write_key_and_then_indexes_the_draft(
    editor: EditorPage, seeded: tuple[LiveServer, dict[str, Any]]
) -> None:
    server, _ = seeded
    text = "The city council approved a budget of 4 million dollars on Monday."
    editor.page.fill("#article-id", "browser-test-draft")
    editor.paste(text)
    status = editor.page.locator("#index-status")

    editor.page.click("#index-draft")
    editor.page.wait_for_selector('#index-status[data-state="error"]')
    assert status.get_attribute("data-error-status") == "403"
    assert "read scope" in status.inner_text()

    editor.page.fill("#api-key", WRITE_KEY)
    editor.page.click("#index-draft")
    editor.page.wait_for_selector('#index-status[data-state="done"]')
    assert "Indexed as “browser-test-draft”" in status.inner_text()
    stored = server.call("GET", "/v1/articles/browser-test-draft", key=READ_KEY)
    assert stored.status == 200 and stored.body["text"] == text
    assert server.call("DELETE", "/v1/articles/browser-test-draft", key=WRITE_KEY).status == 204


def without_ids(claims: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The claims of a report less their ids, which name the draft (a new one per check)."""
    return [{name: value for name, value in claim.items() if name != "id"} for claim in claims]
