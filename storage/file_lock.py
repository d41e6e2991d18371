"""An exclusive lock on a file of the data directory, shared by the processes of one machine."""

from __future__ import annotations

import fcntl
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

log = logging.getLogger(__name__)


@contextmanager
def held_exclusively(path: Path, waiting: str) -> Iterator[None]:
    """An exclusive ``flock`` on ``path`` while the block runs (released if the process dies);
    ``waiting`` is logged when another process holds it and this one waits."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a") as lock_file:
        try:
            fcntl.flock(lock_file.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            log.info(waiting)
            fcntl.flock(lock_file.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock_file.fileno(), fcntl.LOCK_UN)
