"""What the server benches share: a `crosscheck serve` subprocess on a free port, and a
scratch PostgreSQL schema. Imported by the bench scripts beside it (``bench/`` is on their
path when run as ``python bench/<script>.py``)."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from collections.abc import Iterator, Mapping
from contextlib import contextmanager, suppress
from pathlib import Path
from urllib.parse import quote

CROSSCHECK = Path(sys.executable).with_name("crosscheck")
START_TIMEOUT_S = 120


@contextmanager
def served(
    database_url: str,
    data_dir: Path,
    settings: Mapping[str, str],
    log_path: Path | None = None,
) -> Iterator[str]:
    """A `crosscheck serve` on the database, with extra ``CROSSCHECK_*`` settings; yields its
    base URL once healthy, and stops it on the way out (output to ``log_path`` if given)."""
    port = free_port()
    environment = {**os.environ, "CROSSCHECK_DATABASE_URL": database_url, **settings}
    command = [str(CROSSCHECK), "serve", "--port", str(port), "--data-dir", str(data_dir)]
    with open(log_path or os.devnull, "ab") as log:
        process = subprocess.Popen(command, env=environment, stdout=log, stderr=log)
        base = f"http://127.0.0.1:{port}"
        try:
            wait_until_healthy(base, process)
            yield base
        finally:
            process.terminate()
            with suppress(subprocess.TimeoutExpired):
                process.wait(30)
            if process.poll() is None:
                process.kill()


@contextmanager
def scratch_schema(postgres_url: str, prefix: str) -> Iterator[str]:
    """A new schema of the database, as a URL whose search path is that schema; dropped after."""
    import psycopg

    schema = f"{prefix}_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(postgres_url, autocommit=True) as connection:
        connection.execute(f"CREATE SCHEMA {schema}")
    separator = "&" if "?" in postgres_url else "?"
    try:
        yield f"{postgres_url}{separator}options={quote(f'-csearch_path={schema}')}"
    finally:
        with psycopg.connect(postgres_url, autocommit=True) as connection:
            connection.execute(f"DROP SCHEMA {schema} CASCADE")


def wait_until_healthy(base: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server at {base} exited with {process.returncode}")
        with suppress(OSError), urllib.request.urlopen(f"{base}/v1/health", timeout=5) as reply:
            if json.load(reply).get("models_loaded"):
                return
        time.sleep(0.2)
    raise RuntimeError(f"the server at {base} did not start within {START_TIMEOUT_S} s")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])
