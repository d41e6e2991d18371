from __future__ import annotations

import pytest
from flask import Flask
from flask.testing import FlaskClient

from tests.api.helpers import assert_problem


def test_malformed_json_is_400(client: FlaskClient) -> None:
    response = client.post("/v1/articles", data="{not json", content_type="application/json")
    assert_problem(response, 400)


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"source": "X"}, "text"),
        ({"source": "X", "text": "a b c d e.", "html": "<p>x</p>"}, "html"),
        ({"source": "X", "text": "A claim here.", "published_at": "last Tuesday"}, "published_at"),
        ({"source": "X", "text": "A claim here.", "colour": "red"}, "colour"),
        ({"source": "X", "text": "A claim here.", "id": "has space"}, "id"),
        ({"text": "A claim here."}, "source"),
    ],
)
def test_invalid_article_fields_are_422_naming_the_field(
    client: FlaskClient, payload, field
) -> None:
    body = assert_problem(client.post("/v1/articles", json=payload), 422)
    assert field in body["errors"]


def test_top_k_out_of_range_is_422(client: FlaskClient, make_article) -> None:
    body = assert_problem(
        client.post("/v1/check", json={"article": make_article("a"), "top_k": 0}), 422
    )
    assert "top_k" in body["errors"]


def test_wrong_content_type_is_415(client: FlaskClient) -> None:
    response = client.post(
        "/v1/articles", data="source=x", content_type="application/x-www-form-urlencoded"
    )
    assert_problem(response, 415)


def test_body_over_limit_is_413(tmp_path) -> None:
    from api import create_app
    from api.config import TestConfig

    app = create_app(TestConfig(data_dir=tmp_path, max_body_bytes=1000))
    response = app.test_client().post("/v1/articles", json={"source": "X", "text": "word " * 400})
    body = assert_problem(response, 413)
    assert body["limit"] == 1000
    assert app.test_client().get("/v1/health").get_json()["articles"] == 0


def test_body_limit_defaults_to_2_mb_and_comes_from_the_environment(client: FlaskClient) -> None:
    from api.config import Config

    assert Config().max_body_bytes == 2 * 1024 * 1024
    assert Config.from_env({"CROSSCHECK_MAX_BODY_BYTES": "5000"}).max_body_bytes == 5000
    big = {"source": "X", "text": "word " * (2 * 1024 * 1024 // 5)}
    assert_problem(client.post("/v1/articles", json=big), 413)


def test_too_many_claims_is_422_naming_the_limit(tmp_path) -> None:
    from api import create_app
    from api.config import TestConfig

    app = create_app(TestConfig(data_dir=tmp_path, max_claims=3))
    text = " ".join(f"The council met for the {n}th time on that day." for n in range(1, 8))
    body = assert_problem(
        app.test_client().post("/v1/articles", json={"source": "X", "text": text}), 422
    )
    assert body["limit"] == 3
    assert app.test_client().get("/v1/health").get_json()["articles"] == 0


def test_unknown_route_and_wrong_method(client: FlaskClient) -> None:
    assert_problem(client.get("/v1/nothing-here"), 404)
    assert_problem(client.get("/nothing-at-all"), 404)
    wrong_method = client.put("/v1/check", json={})
    assert_problem(wrong_method, 405)
    assert sorted(wrong_method.headers["Allow"].split(", ")) == ["OPTIONS", "POST"]
    assert_problem(client.get("/v1/check"), 405)
    assert_problem(client.put("/v1/health", data="x", content_type="text/plain"), 405)
    assert_problem(client.post("/v1/nothing-here", data="x", content_type="text/plain"), 404)


def test_unexpected_error_is_500_without_internals(
    app: Flask, client: FlaskClient, make_article, monkeypatch
) -> None:
    registry = app.extensions["crosscheck"]

    def explode(*args, **kwargs):
        raise RuntimeError("secret internal detail")

    monkeypatch.setattr(registry.service, "check_article", explode)
    response = client.post(
        "/v1/check", json={"article": make_article("a")}, headers={"X-Request-ID": "req-123"}
    )
    body = assert_problem(response, 500)
    assert body["request_id"] == "req-123"
    assert "secret" not in response.get_data(as_text=True)
    assert "Traceback" not in response.get_data(as_text=True)


def test_request_id_is_echoed_or_generated(client: FlaskClient) -> None:
    assert (
        client.get("/v1/health", headers={"X-Request-ID": "abc-1"}).headers["X-Request-ID"]
        == "abc-1"
    )
    assert len(client.get("/v1/health").headers["X-Request-ID"]) == 32


@pytest.mark.parametrize(
    "body",
    [
        b"\xff\xfe{",
        b"[" * 100_000,
        b'{"source": "S", "text": "\\ud800 is a lone surrogate."}',
        b'{"source": "S\\udfff", "text": "A claim was made."}',
        b'{"source": "S", "text": "A claim.", "\\ud800": 1}',
    ],
)
def test_bodies_json_cannot_carry_are_400(client: FlaskClient, body: bytes) -> None:
    response = client.post("/v1/articles", data=body, content_type="application/json")
    assert assert_problem(response, 400)["type"] == "urn:crosscheck:problem:malformed-json"
    assert client.get("/v1/health").get_json()["articles"] == 0


def test_non_object_json_is_422(client: FlaskClient) -> None:
    for body in (b"null", b"[]", b'"text"'):
        response = client.post("/v1/check", data=body, content_type="application/json")
        assert "_schema" in assert_problem(response, 422)["errors"]


def test_a_judge_path_without_a_model_is_503_not_500(tmp_path) -> None:
    from api import create_app
    from api.config import TestConfig

    app = create_app(TestConfig(data_dir=tmp_path, judge_path=str(tmp_path / "no-model")))
    response = app.test_client().post(
        "/v1/compare", json={"a": {"text": "One claim here."}, "b": {"text": "Another one."}}
    )
    assert_problem(response, 503)
