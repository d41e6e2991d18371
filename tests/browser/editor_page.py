"""The /editor page as the tests drive it: fill the fields, paste a draft, read the report."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from playwright.sync_api import Locator, Page

REPORT_TIMEOUT_MS = 60_000
WIDGET = ".cc-widget"


@dataclass
class EditorPage:
    page: Page

    def open(self, url: str, *, key: str, source: str = "", published_at: str = "") -> None:
        self.page.goto(f"{url}/editor")
        self.page.wait_for_function("() => window.crosscheckWidget !== undefined")
        self.page.fill("#api-key", key)
        self.page.fill("#source", source)
        self.page.fill("#published-at", published_at)

    @property
    def draft(self) -> Locator:
        return self.page.locator("#draft")

    def paste(self, text: str) -> None:
        """Paste ``text`` over the draft's content: through the clipboard and Control+V."""
        self.page.context.grant_permissions(["clipboard-read", "clipboard-write"])
        self.draft.focus()
        self.page.evaluate("text => navigator.clipboard.writeText(text)", text)
        self.page.keyboard.press("Control+A")
        self.page.keyboard.press("Control+V")

    def painted(self) -> int:
        value = self.page.get_attribute(WIDGET, "data-painted-sequence")
        return int(value) if value else 0

    def wait_for_report(self, after: int = 0) -> dict[str, Any]:
        """The report painted after sequence ``after`` (the widget's own copy of the JSON)."""
        self.page.wait_for_function(
            "after => Number(document.querySelector('.cc-widget').dataset.paintedSequence) > after"
            " && document.querySelector('.cc-widget').dataset.state === 'ready'",
            arg=after,
            timeout=REPORT_TIMEOUT_MS,
        )
        report: dict[str, Any] = self.page.evaluate("() => window.crosscheckWidget.report")
        return report

    def wait_for_error(self, status: int) -> Locator:
        message = self.page.locator(f'.cc-message[data-error-status="{status}"]')
        message.wait_for(state="visible", timeout=REPORT_TIMEOUT_MS)
        return message

    def claims(self) -> Locator:
        return self.page.locator("[data-claim-id]")

    def claim_containing(self, words: str) -> Locator:
        return self.page.locator("[data-claim-id]", has_text=words)

    def claims_reached_by_tab(self, claims: int) -> list[str]:
        """The claim ids that Tab focuses, in order, pressing it until past the last claim."""
        reached: list[str] = []
        for _ in range(claims + 20):
            self.page.keyboard.press("Tab")
            focused = self.page.evaluate(
                "() => document.activeElement && document.activeElement.dataset.claimId || null"
            )
            if focused:
                reached.append(focused)
            elif reached:
                break
        return reached

    def panel(self) -> Locator:
        return self.page.get_by_role("region", name="Matches")

    def screenshot(self, folder: Path, name: str) -> Path:
        path = folder / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=True)
        return path
