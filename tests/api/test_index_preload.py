"""The claim index opened by ``crosscheck serve``'s master before it forks its workers: each
worker takes it instead of opening the snapshot again, if it is its own."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from api import preload
from api.config import TestConfig
from api.preload import IndexPreload
from api.registry import Registry
from api.server import _WithdrawingArbiter
from tests.api.test_serve_workers import START_TIMEOUT_S, call, children, free_port
from tests.api.test_startup_background import (
    LOGGED_TEXTS,
    SNAPSHOT_TEXTS,
    restart_after_a_crash,
)


@pytest.fixture(autouse=True)
def nothing_offered() -> Iterator[None]:
    preload.withdraw()
    yield
    preload.withdraw()


def crashed_data_dir(tmp_path: Path) -> TestConfig:
    config = TestConfig(data_dir=tmp_path / "data")
    restart_after_a_crash(config)
    return config


def test_the_index_opened_ahead_holds_the_snapshot_and_the_log_since(tmp_path: Path) -> None:
    config = crashed_data_dir(tmp_path)

    IndexPreload.start(config).offer()

    opened = preload.take(config.index_path)
    assert opened is not None
    assert len(opened.index) == len(SNAPSHOT_TEXTS) + len(LOGGED_TEXTS)
    assert opened.applied > opened.snapshot_at  # the log entries after the snapshot replayed
    assert preload.take(config.index_path) is None  # taken once


def test_a_worker_takes_the_index_opened_ahead(tmp_path: Path) -> None:
    config = crashed_data_dir(tmp_path)
    IndexPreload.start(config).offer()
    config.index_path.unlink()  # what the worker searches cannot come from the file

    registry = Registry(config)
    registry.load_all()

    corpus = registry.corpus
    assert corpus.rebuilds == 0
    for text in [*SNAPSHOT_TEXTS, *LOGGED_TEXTS]:
        key, _ = corpus.search(registry.encoder.encode([text]), 1)[0][0]
        assert registry.store.claims_by_key([key])[key].text == text
    registry.close()


def test_an_index_of_another_encoder_is_opened_again(tmp_path: Path) -> None:
    config = crashed_data_dir(tmp_path)
    IndexPreload.start(config).offer()
    opened = preload.take(config.index_path)
    assert opened is not None
    preload._offered = replace(opened, encoder="another-model")

    registry = Registry(config)
    corpus = registry.corpus

    assert corpus.index is not opened.index
    assert len(corpus.index) == len(SNAPSHOT_TEXTS) + len(LOGGED_TEXTS)
    registry.close()


def test_an_index_of_another_data_dir_is_not_taken(tmp_path: Path) -> None:
    config = crashed_data_dir(tmp_path)
    IndexPreload.start(config).offer()

    assert preload.take(tmp_path / "elsewhere" / "claims-index.npz") is None


def test_no_snapshot_offers_nothing(tmp_path: Path) -> None:
    IndexPreload.start(TestConfig(data_dir=tmp_path / "empty")).offer()

    assert preload.take(tmp_path / "empty" / "claims-index.npz") is None


def test_the_master_drops_the_index_once_it_forked_its_workers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = crashed_data_dir(tmp_path)
    IndexPreload.start(config).offer()
    monkeypatch.setattr("gunicorn.arbiter.Arbiter.spawn_workers", lambda arbiter: None)

    arbiter = _WithdrawingArbiter.__new__(_WithdrawingArbiter)  # no sockets, no signals

    arbiter.spawn_workers()

    assert preload.take(config.index_path) is None


def test_served_workers_start_from_the_index_the_master_opened(tmp_path: Path) -> None:
    config = crashed_data_dir(tmp_path)
    port, log_path = free_port(), tmp_path / "serve.log"
    environment = {**os.environ, "CROSSCHECK_ENCODER": "hashing", "CROSSCHECK_VERDICT_JUDGE": "off"}
    command = [sys.executable, "-m", "crosscheck.cli", "serve", "--port", str(port)]
    with log_path.open("wb") as log_file:
        process = subprocess.Popen(
            [*command, "--workers", "2", "--data-dir", str(config.data_dir)],
            env=environment,
            stdout=log_file,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + START_TIMEOUT_S
        while log_path.read_text().count("crosscheck ready") < 2:
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"crosscheck serve did not start: {log_path.read_text()[-2000:]}")
            time.sleep(0.5)
        assert len(children(process.pid)) == 2
        health = call(base, "/v1/health")
        assert health["claims"] == len(SNAPSHOT_TEXTS) + len(LOGGED_TEXTS)
    finally:
        process.terminate()
        process.wait(timeout=60)
    log = log_path.read_text()
    assert log.count("index opened ahead of the workers") == 1  # by the master
    assert log.count("index opened ahead taken") == 2  # by each worker
    assert "vector index built from the store" not in log
