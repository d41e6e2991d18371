"""The batched ingest path: claims of many articles encoded together, one transaction."""

from __future__ import annotations

from flask import Flask

from crosscheck.service import ArticleInput, ConsistencyService

FIRST = ArticleInput(source="A", id="a", text="Troops massed at the border on Monday.")
SECOND = ArticleInput(
    source="B",
    id="b",
    text="Heavy rain fell across the valley on Tuesday. The old bridge reopened after repairs.",
)


def service_of(app: Flask) -> ConsistencyService:
    return app.extensions["crosscheck"].service


def test_a_batch_stores_every_article_with_its_own_claims(app: Flask) -> None:
    service = service_of(app)
    results = service.index_articles([FIRST, SECOND])
    assert [(r.article_id, r.status) for r in results] == [("a", "created"), ("b", "created")]
    assert [c.text for c in service.get_article("b").claims] == [
        "Heavy rain fell across the valley on Tuesday.",
        "The old bridge reopened after repairs.",
    ]
    one_by_one = service.index_article(ArticleInput(source="B", id="c", text=SECOND.text))[0]
    batch_vectors = app.extensions["crosscheck"].store.article_vectors("b")
    single_vectors = app.extensions["crosscheck"].store.article_vectors(one_by_one.id)
    assert (batch_vectors == single_vectors).all()


def test_an_unchanged_resubmission_is_skipped_and_a_changed_one_updated(app: Flask) -> None:
    service = service_of(app)
    service.index_articles([FIRST, SECOND])
    changed = ArticleInput(source="B", id="b", text="Heavy rain fell across the valley.")
    results = service.index_articles([FIRST, changed])
    assert [r.status for r in results] == ["unchanged", "updated"]
    assert service.get_article("a").revision == 1
    assert service.get_article("b").revision == 2


def test_a_rejected_article_leaves_the_rest_of_the_batch_stored(app: Flask) -> None:
    service = service_of(app)
    sentences = [f"The council counted {n} new homes in the district." for n in range(600)]
    too_long = ArticleInput(source="C", id="c", text=" ".join(sentences))
    results = service.index_articles([FIRST, too_long])
    assert [r.status for r in results] == ["created", "rejected"]
    assert "limit" in str(results[1].error)
    assert service.corpus_size()[0] == 1
