from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from flask.testing import FlaskClient

from api.auth import READ, WRITE, KeyFileError, load_keyring, parse_keys_file
from tests.api.helpers import assert_problem

WRITER = "writer-key-0123456789"
READER = "reader-key-9876543210"


def sha(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


@pytest.fixture
def keys_file(tmp_path: Path) -> Path:
    path = tmp_path / "keys"
    path.write_text(
        "# newsroom CMS keys\n"
        "\n"
        f"{sha(WRITER)}\n"
        f"{sha(READER).upper()}   read   # the browser-side editor\n",
        encoding="utf-8",
    )
    return path


@pytest.fixture
def secured(make_app, keys_file: Path) -> FlaskClient:
    return make_app(api_keys_file=str(keys_file)).test_client()


def bearer(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


# -- the keys file --------------------------------------------------------------------------


def test_keys_file_lines_give_digests_and_scopes(keys_file: Path) -> None:
    keys = parse_keys_file(keys_file)
    assert [(key.digest.hex(), key.scope) for key in keys] == [
        (sha(WRITER), WRITE),
        (sha(READER), READ),
    ]


def test_plain_keys_are_hashed_and_have_write_scope(keys_file: Path) -> None:
    keyring = load_keyring(["plain-one"], keys_file)
    assert len(keyring) == 3
    plain = keyring.identify("plain-one")
    assert plain is not None and plain.scope == WRITE
    assert plain.digest == hashlib.sha256(b"plain-one").digest()
    reader = keyring.identify(READER)
    assert reader is not None and reader.scope == READ
    assert keyring.identify("plain-two") is None


@pytest.mark.parametrize(
    ("line", "complaint"),
    [
        ("my-secret-plain-key", "line 2: expected"),
        (f"{sha('x')} admin", "line 2: the scope must be"),
        (f"{sha('x')} read write", "line 2: expected"),
        (sha("x")[:-1], "line 2: expected"),
        (sha(WRITER), "line 2: the same hash is on line 1"),
    ],
)
def test_bad_keys_file_line_is_a_startup_error_without_its_content(
    tmp_path: Path, make_app, line: str, complaint: str
) -> None:
    path = tmp_path / "keys"
    path.write_text(f"{sha(WRITER)} write\n{line}\n", encoding="utf-8")
    with pytest.raises(KeyFileError, match=complaint) as raised:
        make_app(api_keys_file=str(path))
    assert "my-secret-plain-key" not in str(raised.value)


def test_missing_keys_file_is_a_startup_error(tmp_path: Path, make_app) -> None:
    with pytest.raises(KeyFileError, match="cannot be read"):
        make_app(api_keys_file=str(tmp_path / "absent"))


def test_keys_come_from_the_environment() -> None:
    from api.config import Config

    config = Config.from_env({"CROSSCHECK_API_KEYS": "one, two,,", "CROSSCHECK_API_KEYS_FILE": ""})
    assert config.api_keys == ("one", "two")
    assert config.api_keys_file is None


# -- the guard ------------------------------------------------------------------------------


def test_missing_key_is_401_with_a_bearer_challenge(secured: FlaskClient) -> None:
    response = secured.get("/v1/articles")
    body = assert_problem(response, 401)
    assert response.headers["WWW-Authenticate"] == 'Bearer realm="crosscheck"'
    assert body["type"] == "urn:crosscheck:problem:unauthorized"


@pytest.mark.parametrize(
    "headers",
    [
        bearer("wrong"),
        {"X-API-Key": "wrong"},
        {"Authorization": f"Basic {WRITER}"},
        {"Authorization": f"Bearer {sha(WRITER)}"},
    ],
)
def test_wrong_key_is_401(secured: FlaskClient, headers: dict[str, str]) -> None:
    response = secured.get("/v1/articles", headers=headers)
    assert_problem(response, 401)
    assert response.headers["WWW-Authenticate"].startswith('Bearer realm="crosscheck"')


def test_known_key_is_accepted_in_either_header(secured: FlaskClient, make_article) -> None:
    assert (
        secured.post("/v1/articles", json=make_article("a"), headers=bearer(WRITER)).status_code
        == 201
    )
    assert secured.get("/v1/articles/a", headers={"X-API-Key": WRITER}).status_code == 200
    assert (
        secured.get("/v1/articles/a", headers={"authorization": f"bearer {READER}"}).status_code
        == 200
    )


def test_read_key_cannot_write(secured: FlaskClient, make_article) -> None:
    response = secured.post("/v1/articles", json=make_article("a"), headers=bearer(READER))
    body = assert_problem(response, 403)
    assert "write" in body["detail"]
    assert_problem(secured.delete("/v1/articles/a", headers=bearer(READER)), 403)
    assert secured.get("/v1/health").get_json()["articles"] == 0


def test_read_key_may_check_and_compare_but_not_index(secured: FlaskClient, make_article) -> None:
    checked = secured.post("/v1/check", json={"article": make_article("d")}, headers=bearer(READER))
    assert checked.status_code == 200
    pair = {"a": {"text": "Ten people were hurt."}, "b": {"text": "Ten people were hurt."}}
    assert secured.post("/v1/compare", json=pair, headers=bearer(READER)).status_code == 200

    indexing = {"article": make_article("d"), "index": True}
    assert_problem(secured.post("/v1/check", json=indexing, headers=bearer(READER)), 403)
    assert_problem(
        secured.post("/v1/check", json=indexing | {"index": "yes"}, headers=bearer(READER)), 403
    )
    assert secured.get("/v1/health").get_json()["articles"] == 0
    assert secured.post("/v1/check", json=indexing, headers=bearer(WRITER)).status_code == 200
    assert secured.get("/v1/health").get_json()["articles"] == 1


def test_health_spec_and_docs_need_no_key(secured: FlaskClient) -> None:
    health = secured.get("/v1/health")
    assert health.status_code == 200
    assert health.get_json()["auth"] is True
    assert secured.get("/openapi.yaml").status_code == 200
    assert secured.get("/docs").status_code == 200


def test_unknown_v1_route_needs_a_key_before_it_is_404(secured: FlaskClient) -> None:
    assert_problem(secured.get("/v1/nothing-here"), 401)
    assert_problem(secured.get("/v1/nothing-here", headers=bearer(READER)), 404)


def test_auth_comes_before_the_content_type_check(secured: FlaskClient) -> None:
    response = secured.post("/v1/articles", data="source=x", content_type="text/plain")
    assert_problem(response, 401)


def test_open_server_needs_no_key(client: FlaskClient, make_article) -> None:
    assert client.post("/v1/articles", json=make_article("a")).status_code == 201
    assert client.get("/v1/health").get_json()["auth"] is False


def test_plain_keys_from_config_work(make_app, make_article) -> None:
    client = make_app(api_keys=("k1", "k2")).test_client()
    assert_problem(client.get("/v1/articles"), 401)
    assert client.get("/v1/articles", headers=bearer("k2")).status_code == 200
