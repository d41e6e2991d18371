"""The published contract of /v1/jobs, fuzzed with schemathesis against an app on real Redis
(no worker: submitted jobs stay queued and are removed with the test's namespace)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from flask import Flask
from hypothesis import HealthCheck, settings

from api import create_app
from api.config import TestConfig
from tests.api.test_schemathesis import CHECKS, KEY, SPEC
from tests.jobs.conftest import WEBHOOK_SECRET, delete_namespace
from tests.services import require_redis


@pytest.fixture(scope="module")
def jobs_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Flask]:
    redis_url = require_redis()
    namespace = f"crosscheck-test-{uuid.uuid4().hex[:12]}"
    config = TestConfig(
        data_dir=Path(tmp_path_factory.mktemp("jobs-contract")),
        api_keys=(KEY,),
        redis_url=redis_url,
        redis_namespace=namespace,
        webhook_secret=WEBHOOK_SECRET,
        job_max_items=20,
    )
    app = create_app(config)
    yield app
    app.extensions["crosscheck"].close()
    delete_namespace(redis_url, namespace)


schema = schemathesis.openapi.from_path(SPEC).include(path_regex=r"^/v1/jobs")


@schema.parametrize()
@settings(
    max_examples=25,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_jobs_keep_their_contract(case: schemathesis.Case, jobs_app: Flask) -> None:
    case.operation.schema.app = jobs_app
    case.call_and_validate(app=jobs_app, headers={"Authorization": f"Bearer {KEY}"}, checks=CHECKS)
