from __future__ import annotations

import pytest
from flask.testing import FlaskClient

from api.problems import QUEUE_RETRY_AFTER_S
from tests.api.helpers import assert_problem

CMS = "https://cms.example-news.com"


@pytest.fixture
def limited(make_app) -> FlaskClient:
    return make_app(rate_limit="3 per minute", api_keys=("key-a", "key-b")).test_client()


def test_over_the_limit_is_429_with_retry_after(limited: FlaskClient) -> None:
    headers = {"X-API-Key": "key-a"}
    for _ in range(3):
        assert limited.get("/v1/articles", headers=headers).status_code == 200
    response = limited.get("/v1/articles", headers=headers)
    body = assert_problem(response, 429)
    assert body["type"] == "urn:crosscheck:problem:rate-limited"
    assert "3 per 1 minute" in body["detail"]
    assert 0 < int(response.headers["Retry-After"]) <= 60
    assert response.headers["X-Request-ID"]


def test_limits_are_counted_per_key(limited: FlaskClient) -> None:
    for _ in range(4):
        limited.get("/v1/articles", headers={"Authorization": "Bearer key-a"})
    assert limited.get("/v1/articles", headers={"X-API-Key": "key-a"}).status_code == 429
    assert limited.get("/v1/articles", headers={"X-API-Key": "key-b"}).status_code == 200


def test_strangers_are_limited_by_address(limited: FlaskClient) -> None:
    for _ in range(3):
        assert_problem(limited.get("/v1/articles", headers={"X-API-Key": "guess"}), 401)
    assert_problem(limited.get("/v1/articles", headers={"X-API-Key": "guess-again"}), 429)
    assert limited.get("/v1/articles", headers={"X-API-Key": "key-a"}).status_code == 200


def test_health_spec_and_docs_are_not_limited(limited: FlaskClient) -> None:
    for _ in range(5):
        assert limited.get("/v1/health").status_code == 200
        assert limited.get("/openapi.yaml").status_code == 200
    assert "Retry-After" not in limited.get("/v1/health").headers


def test_cors_is_off_by_default(client: FlaskClient) -> None:
    response = client.get("/v1/health", headers={"Origin": CMS})
    assert "Access-Control-Allow-Origin" not in response.headers


@pytest.fixture
def cors(make_app) -> FlaskClient:
    return make_app(cors_origins=(CMS,), api_keys=("key-a",)).test_client()


def test_cors_allows_a_listed_origin_and_exposes_headers(cors: FlaskClient) -> None:
    response = cors.get("/v1/articles", headers={"Origin": CMS, "X-API-Key": "key-a"})
    assert response.status_code == 200
    assert response.headers["Access-Control-Allow-Origin"] == CMS
    exposed = {
        h.strip().lower() for h in response.headers["Access-Control-Expose-Headers"].split(",")
    }
    assert {"x-request-id", "etag", "retry-after"} <= exposed
    assert "Access-Control-Allow-Credentials" not in response.headers


def test_cors_headers_are_on_errors_too(cors: FlaskClient) -> None:
    response = cors.get("/v1/articles", headers={"Origin": CMS})
    assert_problem(response, 401)
    assert response.headers["Access-Control-Allow-Origin"] == CMS


def test_cors_ignores_other_origins(cors: FlaskClient) -> None:
    response = cors.get(
        "/v1/articles", headers={"Origin": "https://evil.example", "X-API-Key": "key-a"}
    )
    assert "Access-Control-Allow-Origin" not in response.headers


def test_cors_preflight_needs_no_key(cors: FlaskClient) -> None:
    response = cors.options(
        "/v1/check",
        headers={
            "Origin": CMS,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "Authorization, Content-Type, X-Request-ID",
        },
    )
    assert response.status_code == 200
    assert response.headers["Access-Control-Allow-Origin"] == CMS
    assert "POST" in response.headers["Access-Control-Allow-Methods"]
    allowed = {
        h.strip().lower() for h in response.headers["Access-Control-Allow-Headers"].split(",")
    }
    assert {"authorization", "content-type", "x-request-id"} <= allowed


def test_cors_preflight_from_another_origin_gets_no_grant(cors: FlaskClient) -> None:
    response = cors.options(
        "/v1/check",
        headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"},
    )
    assert "Access-Control-Allow-Origin" not in response.headers


def test_redis_storage_is_used_when_configured_and_memory_covers_an_outage(make_app) -> None:
    app = make_app(rate_limit="2 per minute", rate_limit_storage_uri="redis://127.0.0.1:1/0")
    limiter = next(iter(app.extensions["limiter"]))
    assert type(limiter.storage).__name__ == "RedisStorage"
    client = app.test_client()
    statuses = [client.get("/v1/articles").status_code for _ in range(3)]
    assert statuses == [200, 200, 429]


def test_the_rate_window_goes_on_429s_only(limited: FlaskClient) -> None:
    served = limited.get("/v1/articles", headers={"X-API-Key": "key-a"})
    assert served.status_code == 200
    assert "X-RateLimit-Remaining" in served.headers
    assert "Retry-After" not in served.headers


def test_a_503_keeps_its_own_retry_after(make_app) -> None:
    client = make_app(rate_limit="3 per minute", redis_url="redis://127.0.0.1:9/0").test_client()
    response = client.get(f"/v1/jobs/{'0' * 32}")
    assert_problem(response, 503)
    assert response.headers["Retry-After"] == str(QUEUE_RETRY_AFTER_S)
    assert QUEUE_RETRY_AFTER_S < 30
