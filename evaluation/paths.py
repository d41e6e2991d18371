"""Where the shared (read-only) evaluation data lives."""

from __future__ import annotations

import os
from pathlib import Path

SHARED_DATA_ENV = "CROSSCHECK_SHARED_DATA"
REPO_ROOT = Path(__file__).resolve().parents[1]


def shared_data_dir() -> Path:
    """``$CROSSCHECK_SHARED_DATA`` if set, else ``../shared/data`` beside the repo root."""
    override = os.environ.get(SHARED_DATA_ENV)
    if override:
        return Path(override)
    return REPO_ROOT.parent / "shared" / "data"
