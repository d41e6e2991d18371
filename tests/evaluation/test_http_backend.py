from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from evaluation.backend import (
    ArticleInput,
    BackendError,
    HttpApiBackend,
    JsonDict,
    create_http_backend,
)
from evaluation.gold import score_gold
from evaluation.gold_sets import score_basil, score_ecb
from evaluation.pairs import score_falke

ARTICLE = ArticleInput("000", "Outlet", "Some text.", "2022-02-01T10:17:00-05:00", "Title")


class FakeResponse:
    def __init__(self, status_code: int, payload: Any) -> None:
        self.status_code = status_code
        self._payload = payload

    def get_json(self, silent: bool = False) -> Any:
        return self._payload

    def get_data(self, as_text: bool = False) -> str:
        return "raw body"


class RecordingClient:
    def __init__(self, status_code: int, payload: Any) -> None:
        self.response = FakeResponse(status_code, payload)
        self.posts: list[tuple[str, JsonDict]] = []

    def post(self, path: str, *, json: JsonDict) -> FakeResponse:
        self.posts.append((path, json))
        return self.response


def test_compare_posts_both_sides_with_calendar_dates() -> None:
    client = RecordingClient(200, {"similarity": 0.5, "verdict": "agree", "reasons": []})

    HttpApiBackend(client).compare("A text", "2022-02-01T10:17:00-05:00", "B text", None)

    assert client.posts == [
        (
            "/v1/compare",
            {"a": {"text": "A text", "published_at": "2022-02-01"}, "b": {"text": "B text"}},
        )
    ]


def test_index_posts_the_whole_article_and_expects_201() -> None:
    client = RecordingClient(201, {"id": "000", "claims": []})

    HttpApiBackend(client).index(ARTICLE)

    assert client.posts == [
        (
            "/v1/articles",
            {
                "id": "000",
                "source": "Outlet",
                "text": "Some text.",
                "published_at": "2022-02-01T10:17:00-05:00",
                "title": "Title",
            },
        )
    ]


def test_check_posts_the_article_without_title_and_top_k() -> None:
    client = RecordingClient(200, {"claims": []})

    HttpApiBackend(client).check(ARTICLE, top_k=5)

    path, body = client.posts[0]
    assert path == "/v1/check"
    assert body["top_k"] == 5
    assert body["article"] == {
        "id": "000",
        "source": "Outlet",
        "text": "Some text.",
        "published_at": "2022-02-01T10:17:00-05:00",
    }


@pytest.mark.parametrize(("status", "payload"), [(422, {"title": "Invalid"}), (200, None)])
def test_unexpected_answers_raise_backend_error(status: int, payload: Any) -> None:
    backend = HttpApiBackend(RecordingClient(status, payload))

    with pytest.raises(BackendError, match="/v1/compare"):
        backend.compare("a", None, "b", None)


@pytest.mark.slow
def test_the_real_app_answers_every_call_the_benchmark_makes(
    fixture_data: Path, tmp_path: Path
) -> None:
    backend = create_http_backend(tmp_path, "hashing", None)
    try:
        rows = [
            *score_gold(backend, fixture_data),
            *score_basil(backend, fixture_data),
            *score_ecb(backend, fixture_data),
            *score_falke(backend, fixture_data),
        ]
    finally:
        backend.close()

    keys = {row.key for row in rows}
    assert not {key for key in keys if key.endswith(".api_errors")}
    assert {
        "gold.check.diverge_f1",
        "gold.check.match_recall_at_5",
        "basil.check.unrelated_to_agree",
        "ecb.tune.swap_changes",
        "falke.balanced_accuracy",
    } <= keys
