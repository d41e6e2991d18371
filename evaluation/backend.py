"""The scoring backend: the real Flask app, called through its HTTP API (test client)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

JsonDict = dict[str, Any]
UNLIMITED_RATE = "1000000 per second"


class BackendError(Exception):
    """The API answered with an unexpected status or body."""


@dataclass(frozen=True, slots=True)
class ArticleInput:
    id: str
    source: str
    text: str
    published_at: str | None = None
    title: str | None = None

    def to_json(self) -> JsonDict:
        body: JsonDict = {"id": self.id, "source": self.source, "text": self.text}
        if self.published_at:
            body["published_at"] = self.published_at
        if self.title:
            body["title"] = self.title
        return body


class Backend(Protocol):
    """What the benchmark needs from the engine; answers are the API's JSON bodies."""

    def compare(self, a_text: str, a_date: str | None, b_text: str, b_date: str | None) -> JsonDict:
        """``POST /v1/compare`` → ``{similarity, verdict, reasons}``."""
        ...

    def index(self, article: ArticleInput) -> JsonDict:
        """``POST /v1/articles`` → the stored article with its ``claims``."""
        ...

    def check(self, article: ArticleInput, top_k: int) -> JsonDict:
        """``POST /v1/check`` → ``{article, summary, claims: [... matches ...]}``."""
        ...

    def close(self) -> None:
        """Release what the backend holds (storage handles)."""
        ...


class TestClient(Protocol):
    """The part of ``flask.testing.FlaskClient`` used here."""

    def post(self, path: str, *, json: JsonDict) -> Any: ...


class HttpApiBackend:
    """Calls the API's endpoints through a Flask test client."""

    def __init__(self, client: TestClient, on_close: Callable[[], None] | None = None) -> None:
        self._client = client
        self._on_close = on_close

    def compare(self, a_text: str, a_date: str | None, b_text: str, b_date: str | None) -> JsonDict:
        body = {"a": _dated_text(a_text, a_date), "b": _dated_text(b_text, b_date)}
        return self._post("/v1/compare", body, expected_status=200)

    def index(self, article: ArticleInput) -> JsonDict:
        return self._post("/v1/articles", article.to_json(), expected_status=201)

    def check(self, article: ArticleInput, top_k: int) -> JsonDict:
        checked = {key: value for key, value in article.to_json().items() if key != "title"}
        return self._post("/v1/check", {"article": checked, "top_k": top_k}, expected_status=200)

    def close(self) -> None:
        if self._on_close is not None:
            self._on_close()

    def _post(self, path: str, body: JsonDict, expected_status: int) -> JsonDict:
        response = self._client.post(path, json=body)
        payload = response.get_json(silent=True)
        if response.status_code != expected_status or not isinstance(payload, dict):
            detail = payload if payload is not None else response.get_data(as_text=True)[:300]
            raise BackendError(f"POST {path} → {response.status_code}: {detail}")
        return payload


def create_http_backend(data_dir: Path, encoder: str, judge_path: str | None) -> HttpApiBackend:
    """The real app (``api.create_app``) with its storage in ``data_dir``.

    Environment overrides (``CROSSCHECK_*``) apply, except those that would make the
    benchmark fail for reasons unrelated to accuracy: auth and rate limiting are off.
    Models load here, so the per-set times exclude model loading.
    """
    from api import create_app
    from api.config import Config

    settings: dict[str, Any] = {
        "data_dir": data_dir,
        "encoder": encoder,
        "api_keys": (),
        "api_keys_file": None,
        "rate_limit": UNLIMITED_RATE,
        "load_models_eagerly": True,
    }
    if judge_path:
        settings["judge_path"] = judge_path
    app = create_app(Config.from_env(**settings))
    return HttpApiBackend(app.test_client(), on_close=lambda: _close_app(app))


def _close_app(app: Any) -> None:
    services = app.extensions.get("crosscheck")
    if services is not None and hasattr(services, "close"):
        services.close()


def _dated_text(text: str, date: str | None) -> JsonDict:
    """A compare side; only the calendar date of a timestamp is sent."""
    side: JsonDict = {"text": text}
    if date:
        side["published_at"] = date[:10]
    return side
