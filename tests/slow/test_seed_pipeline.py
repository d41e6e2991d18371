"""End to end on the real packaged models: the five seed pages indexed and checked."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from api import create_app
from api.config import Config

pytestmark = pytest.mark.slow

ABC_TROOPS = "more than 30,000 Russian troops will mass in Belarus in the coming days"
CNN_TROOPS = "could reach 30,000 by early February"


@pytest.fixture(scope="module")
def seeded(
    seed_articles: list[dict[str, Any]], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[FlaskClient, dict[str, Any]]]:
    app: Flask = create_app(Config(data_dir=tmp_path_factory.mktemp("data"), encoder="minilm"))
    client = app.test_client()
    indexed = {}
    for article in seed_articles:
        response = client.post("/v1/articles", json=article)
        assert response.status_code == 201, response.get_json()
        indexed[article["id"]] = response.get_json()
    yield client, indexed
    app.extensions["crosscheck"].close()


def overlaps(claim: dict[str, Any], text: str, article_text: str) -> bool:
    start = article_text.find(text)
    return start >= 0 and claim["start"] < start + len(text) and start < claim["end"]


def furniture_lines(gold_pairs: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """Page furniture from the gold boilerplate pairs: always the a side; the b side too when
    it is not a sentence (a timestamp line)."""
    lines = []
    for pair in gold_pairs:
        if pair["label"] != "unrelated_boilerplate":
            continue
        lines.append((pair["a_doc"][:3], pair["a_text"]))
        if not pair["b_text"].rstrip().endswith((".", "”", '"')):
            lines.append((pair["b_doc"][:3], pair["b_text"]))
    return lines


def test_every_claim_offset_is_exact(seeded) -> None:
    _, indexed = seeded
    for article in indexed.values():
        assert article["claims"], article["id"]
        for claim in article["claims"]:
            assert article["text"][claim["start"] : claim["end"]] == claim["text"]


def test_no_boilerplate_becomes_a_claim(seeded, gold_pairs) -> None:
    _, indexed = seeded
    furniture = furniture_lines(gold_pairs)
    assert furniture
    for article_id, line in furniture:
        article = indexed[article_id]
        assert line in article["text"]
        leaked = [c["text"] for c in article["claims"] if overlaps(c, line, article["text"])]
        assert not leaked, (article_id, line, leaked)


def test_abc_troop_claim_diverges_from_cnn(seeded, seed_articles) -> None:
    client, _ = seeded
    abc = next(article for article in seed_articles if article["id"] == "001")
    report = client.post("/v1/check", json={"article": abc, "top_k": 5}).get_json()

    claim = next(c for c in report["claims"] if ABC_TROOPS in c["text"])
    cnn = [m for m in claim["matches"] if CNN_TROOPS in m["text"]]
    assert cnn, [m["text"] for m in claim["matches"]]
    assert cnn[0]["article_id"] == "004"
    assert cnn[0]["verdict"] == "diverge"
    assert cnn[0]["reasons"]
    assert claim["status"] == "contested"


def test_claims_are_never_matched_to_their_own_article(seeded, seed_articles) -> None:
    client, _ = seeded
    for article in seed_articles:
        report = client.post("/v1/check", json={"article": article}).get_json()
        for claim in report["claims"]:
            assert all(match["article_id"] != article["id"] for match in claim["matches"])


def test_syndicated_copy_is_detected_and_not_counted_as_corroboration(
    seeded, seed_articles
) -> None:
    client, _ = seeded
    abc = next(article for article in seed_articles if article["id"] == "001")
    report = client.post("/v1/check", json={"article": abc}).get_json()

    assert [copy["article_id"] for copy in report["syndicated_copies"]] == ["000"]
    for claim in report["claims"]:
        if claim["status"] == "corroborated":
            independent = {
                m["article_id"]
                for m in claim["matches"]
                if m["verdict"] == "agree" and not m["syndicated"]
            }
            assert independent and "000" not in independent


def test_health_reports_the_corpus(seeded, seed_articles) -> None:
    client, indexed = seeded
    health = client.get("/v1/health").get_json()
    assert health["articles"] == len(seed_articles)
    assert health["claims"] == sum(len(article["claims"]) for article in indexed.values())
