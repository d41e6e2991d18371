"""Browser tests: the API served in this process on a free port, and Debian's chromium driven
by Playwright (its own browser download cannot work here, so the executable is given).

Without Playwright or chromium these tests fail under CI (``CI=true``) and skip elsewhere, with
the reason. Screenshots go to ``$CROSSCHECK_TEST_ARTIFACTS`` (default
``tests/browser/artifacts/``, ignored by git).
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.services import in_ci

if TYPE_CHECKING:
    from playwright.sync_api import BrowserContext, Page

CHROMIUM = Path(os.environ.get("CROSSCHECK_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(
    os.environ.get("CROSSCHECK_TEST_ARTIFACTS", Path(__file__).resolve().parent / "artifacts")
)
READ_KEY = "browser-tests-read-key"
WRITE_KEY = "browser-tests-write-key"
VIEWPORT = {"width": 1400, "height": 1000}


def require_browser() -> None:
    """Fail (CI) or skip (elsewhere) unless Playwright and chromium are installed."""
    if importlib.util.find_spec("playwright") is None:
        problem = "the playwright package is not installed (make install)"
    elif not CHROMIUM.is_file():
        problem = f"no chromium at {CHROMIUM} (apt-get install chromium, or CROSSCHECK_CHROMIUM)"
    else:
        return
    if in_ci():
        pytest.fail(f"{problem} (CI=true: the browser tests must run)", pytrace=False)
    pytest.skip(problem)


@pytest.fixture(scope="session")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BrowserContext]:
    """One chromium for the session, on a fresh user data directory."""
    require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            tmp_path_factory.mktemp("chromium-profile"),
            executable_path=CHROMIUM,
            headless=True,
            args=CHROMIUM_ARGS,
            viewport=VIEWPORT,  # type: ignore[arg-type]
        )
        yield context
        context.close()


@pytest.fixture
def page(browser: BrowserContext) -> Iterator[Page]:
    page = browser.new_page()
    yield page
    page.close()


@pytest.fixture(scope="session")
def keys_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A read key and a write key, as the server's keys file holds them (hashed)."""
    path = tmp_path_factory.mktemp("keys") / "keys"
    lines = [
        f"{hashlib.sha256(key.encode()).hexdigest()} {scope}"
        for key, scope in ((READ_KEY, "read"), (WRITE_KEY, "write"))
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
