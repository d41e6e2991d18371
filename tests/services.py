"""The services some tests need beside the code: PostgreSQL and Redis.

``require_postgres()`` and ``require_redis()`` give the service's URL when it answers. When
it does not, the test fails under CI (``CI=true``: there the services are part of the build)
and is skipped elsewhere, with the reason. ``postgres_schema()`` gives a test its own schema
(a URL whose search_path points at it) and drops it afterwards.

Where they are: ``CROSSCHECK_TEST_POSTGRES_URL`` (default
``postgresql://127.0.0.1:5432/test``) and ``CROSSCHECK_TEST_REDIS_URL`` (default
``redis://127.0.0.1:6379/0``).
"""

from __future__ import annotations

import functools
import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import NoReturn
from urllib.parse import quote

import psycopg
import pytest
import redis

POSTGRES_URL = os.environ.get("CROSSCHECK_TEST_POSTGRES_URL", "postgresql://127.0.0.1:5432/test")
REDIS_URL = os.environ.get("CROSSCHECK_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
CONNECT_TIMEOUT_SECONDS = 3


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def require_postgres() -> str:
    """The PostgreSQL URL for tests; fails (CI) or skips (elsewhere) when it does not answer."""
    problem = _postgres_problem(POSTGRES_URL)
    if problem:
        _unavailable("PostgreSQL", POSTGRES_URL, problem)
    return POSTGRES_URL


def require_redis() -> str:
    """The Redis URL for tests; fails (CI) or skips (elsewhere) when it does not answer."""
    problem = _redis_problem(REDIS_URL)
    if problem:
        _unavailable("Redis", REDIS_URL, problem)
    return REDIS_URL


@contextmanager
def postgres_schema() -> Iterator[str]:
    """A URL to a new, empty schema of the test database, dropped with everything in it when
    the block ends."""
    url = require_postgres()
    schema = f"test_{uuid.uuid4().hex[:16]}"
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(f"CREATE SCHEMA {schema}")
    try:
        yield with_search_path(url, schema)
    finally:
        with psycopg.connect(url, autocommit=True) as connection:
            connection.execute(f"DROP SCHEMA {schema} CASCADE")


def with_search_path(url: str, schema: str) -> str:
    """``url`` with libpq's ``options`` setting the search_path to ``schema``."""
    separator = "&" if "?" in url else "?"
    return f"{url}{separator}options={quote(f'-csearch_path={schema}')}"


def _unavailable(service: str, url: str, problem: str) -> NoReturn:
    message = f"{service} at {url} does not answer: {problem}"
    if in_ci():
        pytest.fail(f"{message} (CI=true: the CI services must run)", pytrace=False)
    pytest.skip(message)


@functools.cache
def _postgres_problem(url: str) -> str | None:
    try:
        with psycopg.connect(url, connect_timeout=CONNECT_TIMEOUT_SECONDS) as connection:
            connection.execute("SELECT 1")
    except psycopg.Error as error:
        return str(error).strip() or type(error).__name__
    return None


@functools.cache
def _redis_problem(url: str) -> str | None:
    client = redis.Redis.from_url(url, socket_connect_timeout=CONNECT_TIMEOUT_SECONDS)
    try:
        client.ping()
    except redis.RedisError as error:
        return str(error) or type(error).__name__
    finally:
        client.close()
    return None
