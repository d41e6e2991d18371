"""Versioned schema migrations: numbered steps per engine, applied in order, each once.

Steps are SQL files, ``storage/migrations/<engine>/NNNN_name.sql``. A step that SQL alone
cannot express (SQLite has no conditional ADD COLUMN, and no half-precision floats) is a
Python function its engine's runner registers under its own number. Each database records the
steps it has applied in ``schema_migrations``; a store applies the missing ones when it opens,
and ``crosscheck migrate`` does the same on demand and prints them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Generic, TypeVar

C = TypeVar("C")
_STEP_FILE = re.compile(r"(?P<version>\d{4})_(?P<name>\w+)\.sql")


@dataclass(frozen=True, slots=True)
class Migration(Generic[C]):
    """One step: SQL to run, or a function to call with the open transaction's connection."""

    version: int
    name: str
    sql: str | None = None
    run: Callable[[C], None] | None = None

    @property
    def label(self) -> str:
        return f"{self.version:04d}_{self.name}"


def load_migrations(engine: str, code_steps: Sequence[Migration[C]] = ()) -> list[Migration[C]]:
    """Every step of ``engine`` in order: its SQL files and the given code steps."""
    folder = resources.files(__name__).joinpath(engine)
    steps = list(code_steps)
    for entry in folder.iterdir():
        found = _STEP_FILE.fullmatch(entry.name)
        if found:
            sql = entry.read_text(encoding="utf-8")
            steps.append(Migration(int(found["version"]), found["name"], sql=sql))
    steps.sort(key=lambda step: step.version)
    versions = [step.version for step in steps]
    if versions != list(range(1, len(steps) + 1)):
        raise ValueError(f"{engine} migrations must be numbered 1, 2, ... once each: {versions}")
    return steps
