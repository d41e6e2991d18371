"""``crosscheck serve --workers N``: N processes over one store, kept in step by its log."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from api.server import worker_count

START_TIMEOUT_S = 120


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def call(base: str, path: str, body: dict[str, Any] | None = None) -> Any:
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(
        base + path, data=data, headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.loads(response.read())


def children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(stat[1]) == pid:
                found.append(int(entry.name))
    return found


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    port = free_port()
    environment = {
        **os.environ,
        "CROSSCHECK_ENCODER": "hashing",
        "CROSSCHECK_VERDICT_JUDGE": "off",
        "CROSSCHECK_SIMILARITY_FLOOR": "0.3",
    }
    command = [sys.executable, "-m", "crosscheck.cli", "serve", "--port", str(port)]
    process = subprocess.Popen(
        [*command, "--workers", "2", "--data-dir", str(tmp_path / "data")],
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + START_TIMEOUT_S
    try:
        while True:
            try:
                if call(base, "/v1/health")["models_loaded"] and len(children(process.pid)) == 2:
                    break
            except OSError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail("crosscheck serve --workers 2 did not start")
            time.sleep(0.5)
        yield base, process
    finally:
        process.terminate()
        process.wait(timeout=60)


def test_every_worker_finds_an_article_indexed_through_any_of_them(
    server: tuple[str, subprocess.Popen[bytes]],
) -> None:
    base, process = server
    assert len(children(process.pid)) == 2
    text = "Troops massed at the border on Monday, officials said."
    call(base, "/v1/articles", {"id": "a", "source": "X", "text": text})
    draft = {"article": {"source": "Y", "text": "Troops massed at the border on Monday."}}
    for _ in range(8):  # spread over both workers by the kernel's accept queue
        report = call(base, "/v1/check", draft)
        assert [m["article_id"] for m in report["claims"][0]["matches"]] == ["a"]


def test_the_default_is_one_worker_per_core() -> None:
    assert worker_count(0) == (os.cpu_count() or 1)
    assert worker_count(3) == 3
