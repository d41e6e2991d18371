"""The shared data folder for the training tests that read the real corpora."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("CROSSCHECK_SHARED_DATA", REPO_ROOT.parent / "shared" / "data"))


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "gold" / "basil-dev.jsonl").is_file():
        pytest.skip(f"shared data not found at {SHARED} (set CROSSCHECK_SHARED_DATA)")
    return SHARED
