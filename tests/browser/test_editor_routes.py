"""The widget's files and the /editor page over HTTP (no browser needed)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from api import create_app
from api.config import Config, TestConfig
from api.editor import STATIC, widget_version
from tests.api.helpers import assert_problem

AppFactory = Callable[..., Flask]

WIDGET = "/static/crosscheck-widget.js"


@pytest.fixture
def make_app(tmp_path: Path) -> Iterator[AppFactory]:
    built: list[Flask] = []

    def build(**changes: Any) -> Flask:
        app = create_app(TestConfig(data_dir=tmp_path / f"data{len(built)}", **changes))
        built.append(app)
        return app

    yield build
    for app in built:
        app.extensions["crosscheck"].close()


def declared_version() -> str:
    source = (STATIC / "crosscheck-widget.js").read_text(encoding="utf-8")
    found = re.search(r'^export const VERSION = "(.+)";$', source, re.MULTILINE)
    assert found
    return found.group(1)


def test_the_page_is_off_unless_the_editor_setting_is_on(make_app: AppFactory) -> None:
    assert_problem(make_app().test_client().get("/editor"), 404)
    assert Config.from_env({"CROSSCHECK_EDITOR": "1"}).editor
    assert not Config.from_env({}).editor


def test_the_page_loads_only_its_own_versioned_files(make_app: AppFactory) -> None:
    response = make_app(editor=True).test_client().get("/editor")
    assert response.status_code == 200 and response.mimetype == "text/html"
    policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "connect-src 'self'" in policy
    page = response.get_data(as_text=True)
    assert "<script>" not in page  # no inline script: the policy would block it
    version = declared_version()
    for asset in ("crosscheck-widget.css", "editor-page.css", "editor-page.js"):
        assert f'"/static/{asset}?v={version}"' in page
    for control in ('id="api-key"', 'id="source"', 'id="published-at"', 'id="index-draft"'):
        assert control in page


def test_a_versioned_widget_is_cached_for_good_and_any_origin_may_load_it(
    client: FlaskClient,
) -> None:
    version = declared_version()
    assert widget_version() == version
    response = client.get(f"{WIDGET}?v={version}")
    assert response.status_code == 200
    assert response.mimetype == "text/javascript"
    assert response.headers["X-Crosscheck-Widget-Version"] == version
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert response.cache_control.immutable and response.cache_control.max_age == 31536000
    assert not response.cache_control.no_cache
    css = client.get(f"/static/crosscheck-widget.css?v={version}")
    assert css.status_code == 200 and css.mimetype == "text/css"


def test_the_unversioned_widget_is_revalidated_each_time(client: FlaskClient) -> None:
    response = client.get(WIDGET)
    assert response.status_code == 200
    assert response.cache_control.no_cache and not response.cache_control.immutable
    again = client.get(WIDGET, headers={"If-None-Match": response.headers["ETag"]})
    assert again.status_code == 304


def test_another_version_is_not_served_in_its_place(client: FlaskClient) -> None:
    body = assert_problem(client.get(f"{WIDGET}?v=0.0.1"), 404)
    assert f"version {declared_version()} of the widget, not 0.0.1" in body["detail"]


def test_the_widget_files_need_no_key(make_app: AppFactory) -> None:
    client = make_app(api_keys=("secret",)).test_client()
    assert client.get(WIDGET).status_code == 200
    assert client.get("/v1/articles").status_code == 401
