"""A Crosscheck app served over HTTP on a free port of this process, and a small client for it."""

from __future__ import annotations

import json
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from werkzeug.serving import make_server

from api import create_app
from api.config import Config
from api.registry import EXTENSION_KEY

TIMEOUT_S = 120


@dataclass(frozen=True)
class Response:
    status: int
    headers: dict[str, str]
    body: Any


@dataclass(frozen=True)
class LiveServer:
    url: str

    def call(self, method: str, path: str, body: Any = None, key: str | None = None) -> Response:
        headers = {"Accept": "application/json"}
        data = None
        if body is not None:
            data = json.dumps(body).encode("utf-8")
            headers["Content-Type"] = "application/json"
        if key:
            headers["Authorization"] = f"Bearer {key}"
        request = urllib.request.Request(self.url + path, data, headers, method=method)
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT_S) as response:
                return Response(response.status, dict(response.headers), _json(response.read()))
        except urllib.error.HTTPError as error:
            return Response(error.code, dict(error.headers), _json(error.read()))

    def index(self, articles: list[dict[str, Any]], key: str | None = None) -> None:
        for article in articles:
            response = self.call("POST", "/v1/articles", article, key)
            assert response.status in (200, 201), response.body

    def check(self, article: dict[str, Any], key: str | None = None) -> dict[str, Any]:
        response = self.call("POST", "/v1/check", {"article": article}, key)
        assert response.status == 200, response.body
        report: dict[str, Any] = response.body
        return report


@contextmanager
def serving(config: Config) -> Iterator[LiveServer]:
    """The app of ``config`` on 127.0.0.1 and a free port, in a thread, until the block ends."""
    app = create_app(config)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, name="crosscheck-live", daemon=True)
    thread.start()
    try:
        yield LiveServer(f"http://127.0.0.1:{server.server_port}")
    finally:
        server.shutdown()
        thread.join()
        server.server_close()
        app.extensions[EXTENSION_KEY].close()


def _json(raw: bytes) -> Any:
    return json.loads(raw) if raw else None
