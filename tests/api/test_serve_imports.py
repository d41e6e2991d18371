"""What ``crosscheck serve`` imports on the default store (SQLite, no job queue): neither the
PostgreSQL driver nor Redis and the job broker, which only a configured database URL or
Redis URL needs. Each is a fresh interpreter: ``sys.modules`` of the test process holds
whatever other tests imported."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
NOT_ON_THE_DEFAULT = ("psycopg", "psycopg_pool", "redis", "dramatiq")

_SERVE_PATH = """
import json, sys
from pathlib import Path
from api.config import TestConfig
import api.server  # the master: the server and the app's modules
from api import create_app

app = create_app(TestConfig(data_dir=Path(sys.argv[1]), load_models_eagerly=True))
with app.test_client() as client:  # a worker: the models loaded, a check answered
    assert client.get("/v1/health").get_json()["models_loaded"]
    article = {"id": "a", "source": "S", "text": "The mayor said 40 people came on Monday."}
    assert client.post("/v1/check", json={"article": article}).status_code == 200
print(json.dumps(sorted(name.split(".")[0] for name in sys.modules)))
"""


def loaded_modules(tmp_path: Path, script: str) -> set[str]:
    done = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return set(json.loads(done.stdout.splitlines()[-1]))


def test_the_serve_path_on_sqlite_imports_no_postgres_or_redis(tmp_path: Path) -> None:
    loaded = loaded_modules(tmp_path, _SERVE_PATH)

    assert "flask" in loaded  # the script did serve
    assert not loaded & set(NOT_ON_THE_DEFAULT)


@pytest.mark.parametrize(
    ("statement", "needed"),
    [
        ("from storage import PostgresStore", "psycopg"),
        ("from jobs import JobQueue; JobQueue.__init__", "jobs"),
        ("import jobs.broker", "redis"),
    ],
)
def test_what_is_deferred_still_imports_on_use(statement: str, needed: str) -> None:
    script = f"import json, sys\n{statement}\nprint(json.dumps(sorted(sys.modules)))"
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, check=True
    )
    assert needed in {name.split(".")[0] for name in json.loads(done.stdout)}
