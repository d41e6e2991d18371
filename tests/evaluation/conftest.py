from __future__ import annotations

from pathlib import Path

import pytest

from evaluation.paths import shared_data_dir

FIXTURE_DATA = Path(__file__).parent / "fixtures" / "data"


@pytest.fixture
def fixture_data() -> Path:
    """A miniature copy of the shared data tree, same formats, a few lines per file."""
    return FIXTURE_DATA


@pytest.fixture(scope="session")
def shared_data() -> Path:
    path = shared_data_dir()
    if not (path / "gold" / "pairs-dev.jsonl").is_file():
        pytest.skip(f"shared data not found at {path} (set CROSSCHECK_SHARED_DATA)")
    return path
