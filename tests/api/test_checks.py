from __future__ import annotations

from typing import Any

import pytest
from flask.testing import FlaskClient


def test_check_matches_claims_of_other_articles_only(indexed: FlaskClient, make_article) -> None:
    response = indexed.post("/v1/check", json={"article": make_article("one"), "top_k": 3})

    assert response.status_code == 200
    report = response.get_json()
    assert report["article"]["id"] == "one"
    for claim in report["claims"]:
        assert report["article"]["text"][claim["start"] : claim["end"]] == claim["text"]
        assert len(claim["matches"]) <= 3
        assert all(match["article_id"] != "one" for match in claim["matches"])


def test_check_flags_the_differing_count(indexed: FlaskClient, make_article) -> None:
    report = indexed.post("/v1/check", json={"article": make_article("draft")}).get_json()

    power = next(claim for claim in report["claims"] if "40,000 homes" in claim["text"])
    assert power["status"] == "contested"
    diverging = [m for m in power["matches"] if m["verdict"] == "diverge"]
    assert diverging and diverging[0]["article_id"] == "two"
    reason = next(r for r in diverging[0]["reasons"] if r["type"] == "number")
    assert "40,000" in reason["this"]["text"] and "25,000" in reason["other"]["text"]
    assert power["text"][reason["this"]["start"] : reason["this"]["end"]] == reason["this"]["text"]

    schools = next(claim for claim in report["claims"] if "schools" in claim["text"])
    assert schools["status"] == "corroborated"
    summary = report["summary"]
    assert summary["claims"] == len(report["claims"])
    assert (
        summary["corroborated"] + summary["contested"] + summary["unverified"] == summary["claims"]
    )


def test_check_stores_nothing_by_default(indexed: FlaskClient, make_article) -> None:
    indexed.post("/v1/check", json={"article": make_article("draft")})
    assert indexed.get("/v1/articles/draft").status_code == 404
    assert indexed.get("/v1/health").get_json()["articles"] == 2


def test_check_with_index_true_stores_the_article(indexed: FlaskClient, make_article) -> None:
    indexed.post("/v1/check", json={"article": make_article("published"), "index": True})
    assert indexed.get("/v1/articles/published").status_code == 200


def test_check_of_empty_corpus_leaves_claims_unverified(client: FlaskClient, make_article) -> None:
    report = client.post("/v1/check", json={"article": make_article("lonely")}).get_json()
    assert report["summary"]["unverified"] == report["summary"]["claims"] > 0
    assert report["summary"]["consistency"] is None


def test_compare_two_claims(client: FlaskClient) -> None:
    response = client.post(
        "/v1/compare",
        json={
            "a": {
                "text": "Officials said 300 people were evacuated from the valley on Friday.",
                "published_at": "2026-04-04",
            },
            "b": {
                "text": "Officials said 1,200 people were evacuated from the valley on Friday.",
                "published_at": "2026-04-04",
            },
        },
    )
    assert response.status_code == 200
    body = response.get_json()
    assert body["verdict"] == "diverge"
    assert "number" in {reason["type"] for reason in body["reasons"]}
    assert 0.0 <= body["similarity"] <= 1.0001


def test_compare_identical_claims_agree(client: FlaskClient) -> None:
    text = "The council approved the budget by a vote of seven to two on Monday."
    body = client.post("/v1/compare", json={"a": {"text": text}, "b": {"text": text}}).get_json()
    assert body["verdict"] == "agree"
    assert body["reasons"] == []


def test_health_needs_no_models(client: FlaskClient) -> None:
    body = client.get("/v1/health").get_json()
    assert body["status"] == "ok"
    assert body["models_loaded"] is False
    assert body["articles"] == 0


def test_only_the_best_claim_of_another_article_gets_a_verdict(
    indexed: FlaskClient, make_article
) -> None:
    nearby = (
        "Storm Cuts Power\n\n"
        "More than 40,000 homes lost power on Tuesday after a storm crossed the coast, "
        "the utility said. "
        "The utility said more than 40,000 homes lost power in the storm on the coast."
    )
    assert indexed.post("/v1/articles", json=make_article("three", nearby)).status_code == 201

    report = indexed.post("/v1/check", json={"article": make_article("draft")}).get_json()

    power = next(claim for claim in report["claims"] if "40,000 homes" in claim["text"])
    from_three = [match for match in power["matches"] if match["article_id"] == "three"]
    assert len(from_three) == 2, from_three
    best, second = sorted(from_three, key=lambda match: -match["similarity"])
    assert best["verdict"] == "agree"
    assert second["verdict"] == "unrelated"
    assert second["reasons"] == []


def test_each_match_carries_its_articles_date_and_address(
    client: FlaskClient, make_article, storm_reports: tuple[str, str]
) -> None:
    storm, rival = storm_reports
    linked = make_article("two", rival, url="https://example.org/storm", published_at="2026-03-02")
    assert client.post("/v1/articles", json=linked).status_code == 201

    report = client.post("/v1/check", json={"article": make_article("draft", storm)}).get_json()

    matches = [match for claim in report["claims"] for match in claim["matches"]]
    assert matches
    assert {(m["url"], m["published_at"]) for m in matches} == {
        ("https://example.org/storm", "2026-03-02")
    }


def test_a_match_without_an_address_says_so(indexed: FlaskClient, make_article) -> None:
    report = indexed.post("/v1/check", json={"article": make_article("draft")}).get_json()

    matches = [match for claim in report["claims"] for match in claim["matches"]]
    assert matches and all(match["url"] is None for match in matches)


Checked = tuple[dict[str, Any], dict[str, Any]]  # a draft claim and its match from "plant"


def check_two_claims(
    client: FlaskClient, make_article: Any, published: str, draft: str
) -> tuple[Checked, Checked]:
    """Index ``published`` as "plant", check the two-claim ``draft``, and give each draft claim
    with its one match from "plant"."""
    assert client.post("/v1/articles", json=make_article("plant", published)).status_code == 201
    report = client.post("/v1/check", json={"article": make_article("draft", draft)}).get_json()
    first, second = report["claims"]
    (match_first,) = [m for m in first["matches"] if m["article_id"] == "plant"]
    (match_second,) = [m for m in second["matches"] if m["article_id"] == "plant"]
    return (first, match_first), (second, match_second)


def test_a_divergence_stated_by_a_closer_claim_of_the_draft_is_not_flagged(
    client: FlaskClient, make_article
) -> None:
    (other_fact, farther), (_, closer) = check_two_claims(
        client,
        make_article,
        "Plant Jobs\n\nThe plant in Dayton employs 300 workers, the company said.",
        "Plant Jobs\n\n"
        "The company said its Dayton plant now employs 400 workers on two shifts. "
        "The plant in Dayton employs 300 workers, the company said.",
    )

    assert closer["verdict"] == "agree"
    assert farther["similarity"] < closer["similarity"]
    assert farther["verdict"] == "unrelated"
    assert other_fact["status"] != "contested"


def test_a_divergence_stays_when_the_closer_claim_states_another_fact(
    client: FlaskClient, make_article
) -> None:
    (workers, from_workers), (_, from_visit) = check_two_claims(
        client,
        make_article,
        "Plant Jobs\n\n"
        "The plant in Dayton employs 300 workers and the mayor visited it on Monday, "
        "the company said.",
        "Plant Jobs\n\n"
        "The company said its Dayton plant now employs 400 workers on two shifts. "
        "The mayor visited the plant in Dayton on Monday, the company said.",
    )

    assert from_workers["similarity"] < from_visit["similarity"]
    assert from_workers["verdict"] == "diverge"
    assert workers["status"] == "contested"


def test_a_date_divergence_with_a_match_closer_to_another_claim_is_not_flagged(
    client: FlaskClient, make_article
) -> None:
    (governor, from_governor), (_, from_mayor) = check_two_claims(
        client,
        make_article,
        "Plant Tours\n\n"
        "The mayor toured the Dayton plant on Monday and praised its new assembly line, "
        "the company said.",
        "Plant Tours\n\n"
        "The governor toured the Dayton plant on Tuesday. "
        "The mayor toured the Dayton plant and praised its new assembly line, the company said.",
    )

    assert from_governor["similarity"] < from_mayor["similarity"]
    assert from_governor["verdict"] == "unrelated"
    assert governor["status"] != "contested"


def test_health_once_loaded_counts_claims_from_the_index_in_step_with_the_store(
    indexed: FlaskClient, monkeypatch
) -> None:
    from claims.model import Claim
    from storage import ArticleRecord

    registry = indexed.application.extensions["crosscheck"]
    store = registry.store
    before = store.count_claims()
    text = "A bridge on the southern road reopened after repairs."
    encoder = registry.encoder
    store.save_article(  # as another process would: only the index log tells this one
        ArticleRecord("elsewhere", "Outlet", text),
        [Claim(text, 0, len(text))],
        encoder.encode([text]),
    )
    stored = store.count_claims()
    monkeypatch.setattr(store, "count_claims", lambda: pytest.fail("counted in the store"))

    body = indexed.get("/v1/health").get_json()

    assert body["models_loaded"] is True
    assert body["claims"] == stored == before + 1
