"""POST /v1/articles/bulk: per-article results, nothing half-stored, its own rate limit."""

from __future__ import annotations

from typing import Any

from flask.testing import FlaskClient

from tests.api.conftest import AppFactory, ArticleFactory

RAIN = "Heavy rain fell across the valley on Tuesday. The old bridge reopened after repairs."


def bulk(client: FlaskClient, articles: list[Any], **headers: str) -> Any:
    return client.post("/v1/articles/bulk", json={"articles": articles}, headers=headers)


def test_each_article_gets_its_own_result(
    make_app: AppFactory, make_article: ArticleFactory
) -> None:
    client = make_app(max_claims=3).test_client()
    long_text = " ".join(f"The council counted {n} new homes in the district." for n in range(5))
    articles = [
        make_article("one"),
        {"id": "no-body", "source": "X"},
        make_article("one", RAIN),
        make_article("long", long_text),
        {"source": "Y", "text": RAIN},
    ]
    response = bulk(client, articles)
    assert response.status_code == 200
    body = response.get_json()
    statuses = [(r["index"], r["status"]) for r in body["results"]]
    assert statuses == [
        (0, "created"),
        (1, "rejected"),
        (2, "rejected"),
        (3, "rejected"),
        (4, "created"),
    ]
    problems = [r["problem"] for r in body["results"] if r["status"] == "rejected"]
    assert problems[0]["errors"]["text"] and problems[0]["status"] == 422
    assert problems[1]["type"].endswith("duplicate-id")
    assert problems[2]["type"].endswith("too-many-claims") and problems[2]["limit"] == 3
    assert body["summary"] == {"created": 2, "updated": 0, "unchanged": 0, "rejected": 3}
    assert client.get("/v1/articles/one").get_json()["revision"] == 1
    assert client.get("/v1/articles/long").status_code == 404
    generated = body["results"][4]["id"]
    assert (
        client.get(f"/v1/articles/{generated}").get_json()["claims"][0]["text"].startswith("Heavy")
    )


def test_a_resubmission_is_unchanged_and_an_edit_updates(
    client: FlaskClient, make_article: ArticleFactory
) -> None:
    assert bulk(client, [make_article("one"), make_article("two", RAIN)]).status_code == 200
    again = bulk(client, [make_article("one"), make_article("two", RAIN + " Crews cheered.")])
    assert [r["status"] for r in again.get_json()["results"]] == ["unchanged", "updated"]
    assert client.get("/v1/articles/two").get_json()["revision"] == 2


def test_bulk_indexed_claims_are_found_by_a_check(
    client: FlaskClient, make_article: ArticleFactory, storm_reports: tuple[str, str]
) -> None:
    bulk(client, [make_article("one", storm_reports[0])])
    report = client.post(
        "/v1/check", json={"article": make_article("draft", storm_reports[1])}
    ).get_json()
    assert any(match["article_id"] == "one" for c in report["claims"] for match in c["matches"])


def test_too_many_articles_in_one_call_is_a_422(
    make_app: AppFactory, make_article: ArticleFactory
) -> None:
    client = make_app(bulk_max_articles=2).test_client()
    response = bulk(client, [make_article(name) for name in ("a", "b", "c")])
    assert response.status_code == 422
    assert "At most 2" in str(response.get_json()["errors"])
    assert client.get("/v1/articles/a").status_code == 404


def test_bulk_writes_have_their_own_rate_limit(
    make_app: AppFactory, make_article: ArticleFactory
) -> None:
    client = make_app(rate_limit="3 per minute", bulk_rate_limit="1 per minute").test_client()
    assert bulk(client, [make_article("a")]).status_code == 200
    refused = bulk(client, [make_article("b")])
    assert refused.status_code == 429
    assert refused.headers["Retry-After"]
    assert refused.mimetype == "application/problem+json"
    for name in ("c", "d"):
        assert client.post("/v1/articles", json=make_article(name)).status_code == 201


def test_a_read_key_cannot_index_in_bulk(
    make_app: AppFactory, make_article: ArticleFactory, tmp_path: Any
) -> None:
    import hashlib

    keys = tmp_path / "keys"
    keys.write_text(f"{hashlib.sha256(b'reader').hexdigest()} read\n", encoding="utf-8")
    client = make_app(api_keys_file=str(keys)).test_client()
    response = bulk(client, [make_article("a")], Authorization="Bearer reader")
    assert response.status_code == 403
