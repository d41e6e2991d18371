from __future__ import annotations

from flask.testing import FlaskClient

from api.articles import encode_cursor


def test_post_article_returns_claims_with_exact_offsets(client: FlaskClient, make_article) -> None:
    payload = make_article("cms-post:42")
    response = client.post("/v1/articles", json=payload)

    assert response.status_code == 201
    body = response.get_json()
    assert body["id"] == "cms-post:42"
    assert body["title"] == "Storm Leaves Thousands Without Power"
    assert body["published_at"] == "2026-03-03"
    assert len(body["claims"]) == 3
    for claim in body["claims"]:
        assert body["text"][claim["start"] : claim["end"]] == claim["text"]
        assert claim["id"].startswith("cms-post:42:")
    assert all("Storm Leaves" not in claim["text"] for claim in body["claims"])


def test_post_without_id_generates_one(client: FlaskClient, make_article) -> None:
    payload = make_article("x")
    del payload["id"]
    body = client.post("/v1/articles", json=payload).get_json()
    assert len(body["id"]) == 32


def test_posting_same_id_replaces_the_article(
    client: FlaskClient, make_article, storm_reports
) -> None:
    client.post("/v1/articles", json=make_article("a1"))
    response = client.post("/v1/articles", json=make_article("a1", storm_reports[1]))

    assert response.status_code == 200
    assert response.get_json()["revision"] == 2
    stored = client.get("/v1/articles/a1").get_json()
    assert stored["text"] == storm_reports[1]
    assert client.get("/v1/health").get_json()["articles"] == 1


def test_html_article_is_reduced_to_its_main_text(client: FlaskClient) -> None:
    html = (
        "<html><head><title>Bridge Reopens</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        "<article><h1>Bridge Reopens After Repairs</h1>"
        "<p>The city reopened the Harbor Bridge on Monday after eight months of repairs, "
        "officials said.</p><p>The work cost an estimated $12 million, according to the city.</p>"
        "</article><footer>Copyright 2026 Example News. All rights reserved.</footer></body></html>"
    )
    response = client.post("/v1/articles", json={"source": "Example News", "html": html})

    assert response.status_code == 201
    body = response.get_json()
    assert "Home" not in body["text"]
    texts = [claim["text"] for claim in body["claims"]]
    assert any("eight months of repairs" in text for text in texts)
    for claim in body["claims"]:
        assert body["text"][claim["start"] : claim["end"]] == claim["text"]


def test_get_unknown_article_is_404_problem(client: FlaskClient) -> None:
    response = client.get("/v1/articles/nope")
    assert response.status_code == 404
    assert response.mimetype == "application/problem+json"
    assert response.get_json()["status"] == 404


def test_get_article_supports_etag(indexed: FlaskClient) -> None:
    first = indexed.get("/v1/articles/one")
    etag = first.headers["ETag"]
    again = indexed.get("/v1/articles/one", headers={"If-None-Match": etag})
    assert again.status_code == 304


def test_delete_removes_article_and_its_claims_from_matching(
    indexed: FlaskClient, make_article
) -> None:
    assert indexed.delete("/v1/articles/two").status_code == 204
    assert indexed.get("/v1/articles/two").status_code == 404
    report = indexed.post("/v1/check", json={"article": make_article("three")}).get_json()
    matched = {m["article_id"] for claim in report["claims"] for m in claim["matches"]}
    assert matched == {"one"}
    assert indexed.delete("/v1/articles/two").status_code == 404


def test_list_articles_paginates_with_opaque_cursor(client: FlaskClient, make_article) -> None:
    for number in range(5):
        client.post("/v1/articles", json=make_article(f"a{number}"))
    seen: list[str] = []
    cursor = None
    for _ in range(5):
        query = {"limit": 2} | ({"cursor": cursor} if cursor else {})
        page = client.get("/v1/articles", query_string=query).get_json()
        seen += [article["id"] for article in page["articles"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == [f"a{number}" for number in range(5)]


def test_list_rejects_foreign_cursor_and_large_limit(client: FlaskClient) -> None:
    for cursor in ("bm90LWEtY3Vyc29y", encode_cursor(10**30), "YWZ0ZXI6wrI", "%%%"):
        bad_cursor = client.get("/v1/articles", query_string={"cursor": cursor})
        assert bad_cursor.status_code == 422, cursor
        assert "cursor" in bad_cursor.get_json()["errors"]
    assert client.get("/v1/articles", query_string={"limit": 101}).status_code == 422
