"""Times the editor widget in chromium against the /v1/check call it makes.

Usage: python bench/widget_paint.py [--runs N] [--words N] [--encoder minilm|hashing]

Serves the API on a free port (the real model by default, loaded before timing), indexes seed
pages 000, 002 and 004, and builds a draft of about 1,500 words from the ABC story of seed 001
followed by the AP story of seed 003 (real news text, without the pages' boilerplate). Each run
times, on warm caches, in alternating order:

- the API: ``POST /v1/check`` of the draft over HTTP from this process;
- the page: the draft pasted into /editor (clipboard, Control+V) until the widget has painted
  its report (its ``crosscheck:report`` event, two animation frames after the DOM update),
  as ``performance.now()`` in the page measures it; and of that, the widget's own fetch
  (Resource Timing, request start to response end).

Prints min / median / max of each and of the ratio page / API per run (target ≤ 1.5).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import statistics
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the evaluation package
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

CHROMIUM = os.environ.get("CROSSCHECK_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
INDEXED = ("000", "002", "004")
TIMEOUT_MS = 120_000
PASTE_TO_PAINT = """async text => {
  const draft = document.getElementById("draft");
  await navigator.clipboard.writeText(text);
  draft.focus();
  draft.select();
  const painted = new Promise(resolve =>
    document.addEventListener("crosscheck:report", () => resolve(performance.now()), {once: true}));
  const pasted = new Promise(resolve =>
    draft.addEventListener("paste", () => resolve(performance.now()), {once: true}));
  return {painted, pasted};
}"""


def seeds(shared: Path) -> dict[str, dict[str, Any]]:
    from evaluation.datasets import load_seed_articles

    return {
        seed.file[:3]: {
            "id": seed.file[:3],
            "source": seed.source,
            "published_at": seed.published_at,
            "text": seed.text,
        }
        for seed in load_seed_articles(shared).values()
    }


def build_draft(pages: dict[str, dict[str, Any]], words: int) -> str:
    """Seed 001's story (its trailing "originally appeared on" lines left out), then seed 003's
    story from its dateline ("MOSCOW (AP)"), paragraph by paragraph, up to ``words`` words."""
    abc = pages["001"]["text"].split("\n\n")
    ap = pages["003"]["text"].split("\n\n")
    end = next(i for i, paragraph in enumerate(abc) if "originally appeared on" in paragraph)
    start = next(i for i, paragraph in enumerate(ap) if paragraph.startswith("MOSCOW (AP)"))
    parts: list[str] = []
    for paragraph in abc[:end] + ap[start:]:
        if sum(len(part.split()) for part in parts) >= words:
            break
        if paragraph.strip():
            parts.append(paragraph.strip())
    return "\n\n".join(parts)


@contextmanager
def serving(encoder: str, data_dir: Path) -> Iterator[str]:
    from werkzeug.serving import make_server

    from api import create_app
    from api.config import Config

    config = Config.from_env(
        data_dir=data_dir,
        encoder=encoder,
        editor=True,
        api_keys=(),
        rate_limit="100000 per minute",
        load_models_eagerly=True,
    )
    app = create_app(config)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join()
        server.server_close()
        app.extensions["crosscheck"].close()


def post(url: str, body: dict[str, Any]) -> dict[str, Any]:
    request = urllib.request.Request(
        url, json.dumps(body).encode(), {"Content-Type": "application/json"}, method="POST"
    )
    with urllib.request.urlopen(request, timeout=TIMEOUT_MS / 1000) as response:
        answer: dict[str, Any] = json.loads(response.read())
        return answer


def api_check_ms(base: str, article: dict[str, Any]) -> float:
    started = time.perf_counter()
    post(f"{base}/v1/check", {"article": article})
    return (time.perf_counter() - started) * 1000


def page_check_ms(page: Any, text: str) -> tuple[float, float]:
    """Paste to painted report, and the widget's fetch of /v1/check, in the page's clock."""
    page.evaluate("() => performance.clearResourceTimings()")
    handle = page.evaluate_handle(PASTE_TO_PAINT, text)
    page.keyboard.press("Control+V")
    pasted = page.evaluate("h => h.pasted", handle)
    painted = page.evaluate("h => h.painted", handle)
    fetch_ms = page.evaluate(
        """() => {
          const calls = performance.getEntriesByType("resource")
            .filter(entry => entry.name.endsWith("/v1/check"));
          const last = calls[calls.length - 1];
          return last.responseEnd - last.startTime;
        }"""
    )
    return painted - pasted, fetch_ms


def spread(values: list[float], digits: int = 1) -> str:
    low, middle, high = min(values), statistics.median(values), max(values)
    return f"min {low:8.{digits}f}  median {middle:8.{digits}f}  max {high:8.{digits}f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="timed runs (after one warm-up)")
    parser.add_argument("--words", type=int, default=1500, help="words in the draft")
    parser.add_argument("--encoder", default="minilm", choices=("minilm", "hashing"))
    args = parser.parse_args()
    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # no line per request

    from playwright.sync_api import sync_playwright

    from evaluation.paths import shared_data_dir

    shared = shared_data_dir()
    if not (shared / "seed-articles").is_dir():
        print(f"shared data not found at {shared}", file=sys.stderr)
        return 2
    pages = seeds(shared)
    text = build_draft(pages, args.words)
    draft = pages["001"]
    article = {"source": draft["source"], "published_at": draft["published_at"], "text": text}

    with (
        tempfile.TemporaryDirectory() as folder,
        serving(args.encoder, Path(folder) / "data") as base,
        sync_playwright() as playwright,
    ):
        for page_id in INDEXED:
            post(f"{base}/v1/articles", pages[page_id])
        context = playwright.chromium.launch_persistent_context(
            Path(folder) / "profile",
            executable_path=CHROMIUM,
            headless=True,
            args=CHROMIUM_ARGS,
            viewport={"width": 1400, "height": 1000},
        )
        context.grant_permissions(["clipboard-read", "clipboard-write"])
        page = context.new_page()
        page.set_default_timeout(TIMEOUT_MS)
        page.goto(f"{base}/editor")
        page.wait_for_function("() => window.crosscheckWidget !== undefined")
        page.fill("#source", draft["source"])
        page.fill("#published-at", draft["published_at"])

        claims = len(post(f"{base}/v1/check", {"article": article})["claims"])
        page_check_ms(page, text)  # warm-up of the page's path
        api_ms: list[float] = []
        paint_ms: list[float] = []
        fetch_ms: list[float] = []
        for run in range(args.runs):
            if run % 2:
                api_ms.append(api_check_ms(base, article))
            painted, fetched = page_check_ms(page, text)
            paint_ms.append(painted)
            fetch_ms.append(fetched)
            if not run % 2:
                api_ms.append(api_check_ms(base, article))
        context.close()

    ratios = [paint / api for paint, api in zip(paint_ms, api_ms, strict=True)]
    print(
        f"draft: {len(text.split())} words, {len(text)} characters, {claims} claims; "
        f"encoder {args.encoder}; {args.runs} runs on warm caches"
    )
    print(f"POST /v1/check from Python (ms)      {spread(api_ms)}")
    print(f"widget fetch of /v1/check (ms)       {spread(fetch_ms)}")
    print(f"paste -> report painted (ms)         {spread(paint_ms)}")
    print(f"ratio painted / API call             {spread(ratios, 2)}")
    median_ratio = statistics.median(ratios)
    verdict = "meets" if median_ratio <= 1.5 else "misses"
    print(f"median ratio {median_ratio:.2f}: {verdict} the target of 1.5")
    return 0


if __name__ == "__main__":
    sys.exit(main())
