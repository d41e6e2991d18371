"""Property-based run of the published spec against the live WSGI app (schemathesis).

The spec is the committed ``openapi.yaml`` (the drift test keeps it equal to what the app
serves); the app is built once for the module on the fast hashing encoder, with a key. Every
operation gets generated requests, valid and invalid; every response must be no 5xx,
carry a documented status, content type and headers, and match its schema. The run is
bounded and derandomized, so it is reproducible and fits CI.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from flask import Flask
from hypothesis import HealthCheck, settings
from schemathesis.checks import (
    content_type_conformance,
    ignored_auth,
    not_a_server_error,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from api import create_app
from api.config import TestConfig

KEY = "schemathesis-write-key"
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    ignored_auth,
    response_headers_conformance,
    response_schema_conformance,
]


@pytest.fixture(scope="module")
def live_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Flask]:
    data_dir = Path(tmp_path_factory.mktemp("schemathesis"))
    app = create_app(TestConfig(data_dir=data_dir, api_keys=(KEY,), max_claims=50))
    yield app
    app.extensions["crosscheck"].close()


SPEC = Path(__file__).resolve().parents[2] / "openapi.yaml"
# /v1/jobs answers 503 without Redis by design: tests/jobs/test_jobs_contract.py runs it on Redis.
schema = schemathesis.openapi.from_path(SPEC).exclude(path_regex=r"^/v1/jobs")


@schema.parametrize()
@settings(
    max_examples=25,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_api_keeps_its_contract(case: schemathesis.Case, live_app: Flask) -> None:
    # The spec comes from a file, so tell schemathesis which app to call (its checks, such
    # as ignored_auth, send requests of their own through the schema's transport).
    case.operation.schema.app = live_app
    case.call_and_validate(app=live_app, headers={"Authorization": f"Bearer {KEY}"}, checks=CHECKS)
