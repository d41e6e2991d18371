"""``crosscheck serve``'s master loads the models before it forks its workers: each worker
starts from them (copy-on-write) instead of loading them again, and still encodes and
parses correctly after the fork."""

from __future__ import annotations

import gc
import logging
import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from api import registry as registry_module
from api.config import TestConfig
from api.registry import Registry, load_shared_models
from tests.api.test_serve_workers import START_TIMEOUT_S, call, children, free_port


def test_a_registry_takes_the_pipeline_loaded_ahead(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    config = TestConfig(data_dir=tmp_path / "data")
    load_shared_models(config)  # loaded now, or by an earlier test of this process
    with caplog.at_level(logging.INFO, logger="api.registry"):
        registry = Registry(config)
        nlp = registry.nlp
    assert "spaCy pipeline loaded" not in caplog.text  # not loaded again by the registry
    assert nlp is registry_module._load_spacy()
    registry.close()


def test_a_model_that_cannot_load_is_left_to_the_workers(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    config = TestConfig(data_dir=tmp_path / "data", encoder="minilm", model_path=str(tmp_path))

    with caplog.at_level(logging.WARNING, logger="api.registry"):
        load_shared_models(config)  # no model in tmp_path: warned, not raised

    assert "models not loaded ahead of the workers" in caplog.text


def test_the_two_loads_run_together_and_leave_no_thread_behind() -> None:
    seen: list[str] = []
    before = threading.active_count()

    registry_module._load_together(
        lambda: seen.append(threading.current_thread().name),
        lambda: seen.append(threading.current_thread().name),
    )

    assert sorted(seen) == sorted(["load-models", threading.current_thread().name])
    assert threading.active_count() == before  # joined: a fork after it copies no thread


def test_a_load_that_fails_on_its_thread_fails_the_call_after_both_end() -> None:
    done: list[str] = []

    def broken() -> None:
        raise OSError("no pipeline")

    with pytest.raises(OSError, match="no pipeline"):
        registry_module._load_together(broken, lambda: done.append("model"))
    assert done == ["model"]


def serve(data_dir: Path, log_path: Path, encoder: str) -> tuple[str, subprocess.Popen[bytes]]:
    port = free_port()
    environment = {
        **os.environ,
        "CROSSCHECK_ENCODER": encoder,
        "CROSSCHECK_VERDICT_JUDGE": "off",
        "CROSSCHECK_SIMILARITY_FLOOR": "0.3",
        "CROSSCHECK_LOG_LEVEL": "INFO",
    }
    command = [sys.executable, "-m", "crosscheck.cli", "serve", "--port", str(port)]
    with log_path.open("wb") as log_file:
        process = subprocess.Popen(
            [*command, "--workers", "2", "--data-dir", str(data_dir)],
            env=environment,
            stdout=log_file,
            stderr=subprocess.STDOUT,
        )
    deadline = time.monotonic() + START_TIMEOUT_S * 3
    while log_path.read_text().count("crosscheck ready") < 2:
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            pytest.fail(f"crosscheck serve did not start: {log_path.read_text()[-3000:]}")
        time.sleep(0.3)
    assert len(children(process.pid)) == 2
    return f"http://127.0.0.1:{port}", process


def stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    process.wait(timeout=60)


STORED = "Troops massed at the border on Monday, officials said."
DRAFT = {"article": {"source": "Y", "text": "Troops gathered at the frontier on Monday."}}


def test_served_workers_parse_with_the_pipeline_the_master_loaded(tmp_path: Path) -> None:
    log_path = tmp_path / "serve.log"
    base, process = serve(tmp_path / "data", log_path, "hashing")
    try:
        call(base, "/v1/articles", {"id": "a", "source": "X", "text": STORED})
        for _ in range(8):  # spread over both workers by the kernel's accept queue
            report = call(base, "/v1/check", {"article": {"source": "Y", "text": STORED}})
            assert [m["article_id"] for m in report["claims"][0]["matches"]] == ["a"]
    finally:
        stop(process)
    log = log_path.read_text()
    assert log.count("models loaded ahead of the workers") == 1
    assert log.count("spaCy pipeline loaded") == 1  # by the master alone
    assert f"(process {process.pid})" in log


@pytest.mark.slow
def test_served_workers_encode_with_the_model_the_master_loaded(tmp_path: Path) -> None:
    """The real encoder, loaded before the fork: after it both workers encode (no deadlock in
    torch's thread pools) and their vectors are a fresh process's."""
    from embeddings import PACKAGED_MODEL_NAME, SentenceTransformerEncoder, packaged_model_path

    log_path = tmp_path / "serve.log"
    base, process = serve(tmp_path / "data", log_path, "minilm")
    try:
        call(base, "/v1/articles", {"id": "a", "source": "X", "text": STORED})
        similarities = set()
        for _ in range(8):
            report = call(base, "/v1/check", DRAFT)
            (match,) = [m for m in report["claims"][0]["matches"] if m["article_id"] == "a"]
            similarities.add(round(match["similarity"], 4))
    finally:
        stop(process)
    fresh = SentenceTransformerEncoder(packaged_model_path(), name=PACKAGED_MODEL_NAME)
    stored, draft = fresh.encode([STORED, DRAFT["article"]["text"]])
    (similarity,) = similarities  # the same from either worker
    assert similarity == pytest.approx(float(stored @ draft), abs=2e-3)  # float16 at rest
    log = log_path.read_text()
    assert log.count("sentence encoder loaded") == 1  # by the master alone
    assert f"(process {process.pid})" in log


@pytest.fixture
def collector_restored() -> Iterator[None]:
    gc.unfreeze()  # nothing frozen by an earlier test
    yield
    gc.enable()
    gc.unfreeze()


def test_the_master_starts_with_the_collector_off(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, collector_restored: None
) -> None:
    import api.server
    from crosscheck import cli

    enabled_at_serve: list[bool] = []
    monkeypatch.setattr(api.server, "serve", lambda *args: enabled_at_serve.append(gc.isenabled()))
    monkeypatch.setattr("api.preload.IndexPreload.start", lambda config: None)  # no thread left

    cli.main(["serve", "--data-dir", str(tmp_path / "data")])

    assert enabled_at_serve == [False]  # the app imported with the collector off


def test_the_workers_are_forked_with_the_collector_on_and_the_models_frozen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, collector_restored: None
) -> None:
    from api.server import CrosscheckServer, _WithdrawingArbiter

    at_fork: list[tuple[bool, int]] = []
    monkeypatch.setattr(
        _WithdrawingArbiter,
        "run",
        lambda arbiter: at_fork.append((gc.isenabled(), gc.get_freeze_count())),
    )
    gc.disable()
    config = TestConfig(data_dir=tmp_path / "data", load_models_eagerly=True)

    CrosscheckServer(config, "127.0.0.1", free_port()).run()

    ((enabled, frozen),) = at_fork
    assert enabled
    assert frozen > 100_000  # the pipeline among them
