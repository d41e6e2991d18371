"""The ``crosscheck`` command runs numpy's BLAS on one thread unless told otherwise."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

pytest.importorskip("threadpoolctl")

PROBE = (
    "import json, crosscheck.cli, numpy\n"
    "from threadpoolctl import threadpool_info\n"
    "print(json.dumps([pool['num_threads'] for pool in threadpool_info()"
    " if pool['user_api'] == 'blas' and 'numpy' in pool['filepath']]))"
)


def blas_threads(environment: dict[str, str]) -> list[int]:
    """Threads of numpy's BLAS in a fresh interpreter that imports the CLI first."""
    done = subprocess.run(
        [sys.executable, "-c", PROBE], env=environment, capture_output=True, text=True, check=True
    )
    return list(json.loads(done.stdout))


def without_blas_settings() -> dict[str, str]:
    return {
        key: value
        for key, value in os.environ.items()
        if key not in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")
    }


def test_numpy_blas_runs_on_one_thread_under_the_cli() -> None:
    assert blas_threads(without_blas_settings()) == [1]


def test_an_explicit_openblas_setting_is_kept() -> None:
    # OpenBLAS takes at most one thread per core
    expected = min(2, os.cpu_count() or 1)
    assert blas_threads({**without_blas_settings(), "OPENBLAS_NUM_THREADS": "2"}) == [expected]
