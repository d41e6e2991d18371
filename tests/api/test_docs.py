from __future__ import annotations

import re

from flask.testing import FlaskClient


def test_docs_page_loads_swagger_ui_from_this_server_only(client: FlaskClient) -> None:
    response = client.get("/docs")
    assert response.status_code == 200
    assert response.mimetype == "text/html"
    html = response.get_data(as_text=True)
    assert 'data-spec-url="/openapi.yaml"' in html
    assert "//" not in html.replace("<!DOCTYPE html>", "")
    assert "default-src 'self'" in response.headers["Content-Security-Policy"]
    assets = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert len(assets) == 4
    for asset in assets:
        assert asset.startswith("/docs/"), asset
        served = client.get(asset)
        assert served.status_code == 200, asset
        assert served.content_length and served.content_length > 100, asset


def test_docs_bundle_is_the_real_swagger_ui(client: FlaskClient) -> None:
    bundle = client.get("/docs/swagger-ui/swagger-ui-bundle.js").get_data(as_text=True)
    assert "SwaggerUIBundle" in bundle
    init = client.get("/docs/static/docs.js").get_data(as_text=True)
    assert "validatorUrl: null" in init


def test_docs_assets_cannot_escape_their_folder(client: FlaskClient) -> None:
    assert client.get("/docs/swagger-ui/../../../../etc/passwd").status_code == 404
    assert client.get("/docs/static/..%2F__init__.py").status_code == 404
