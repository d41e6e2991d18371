"""Processes sharing a data directory load the models and the index one at a time."""

from __future__ import annotations

import fcntl
import logging
import threading
import time
from pathlib import Path

import pytest

from api.config import TestConfig
from api.registry import STARTUP_LOCK, Registry


def test_a_process_loads_only_once_no_other_process_is_loading(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    registry = Registry(TestConfig(data_dir=tmp_path))
    (tmp_path / STARTUP_LOCK).touch()
    with (tmp_path / STARTUP_LOCK).open("a") as lock:
        fcntl.flock(lock.fileno(), fcntl.LOCK_EX)  # another worker is loading
        with caplog.at_level(logging.INFO, logger="storage.file_lock"):
            loading = threading.Thread(target=registry.load_all)
            loading.start()
            deadline = time.monotonic() + 30
            while "waiting for it" not in caplog.text and time.monotonic() < deadline:
                time.sleep(0.01)
            assert loading.is_alive()
            assert not registry.models_loaded
            fcntl.flock(lock.fileno(), fcntl.LOCK_UN)
            loading.join(timeout=60)
    assert registry.models_loaded
    registry.close()


def test_loading_again_takes_no_lock(tmp_path: Path) -> None:
    registry = Registry(TestConfig(data_dir=tmp_path))
    registry.load_all()
    with (tmp_path / STARTUP_LOCK).open("a") as lock:
        fcntl.flock(lock.fileno(), fcntl.LOCK_EX)
        registry.load_all()  # loaded already: returns at once
    assert registry.models_loaded
    registry.close()
