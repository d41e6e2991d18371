"""The editor widget's files, versioned, and the demo editor page.

``/static/crosscheck-widget.js`` and ``.css`` (and the demo page's own script and style) are
always served, with ``Access-Control-Allow-Origin: *`` because a CMS on another origin loads
the widget as a module script. The version is the widget's ``VERSION`` constant: with
``?v=<version>`` a file is cached for a year (immutable); without it the browser revalidates
every time (ETag); another version gives a 404, so a CMS pinned to a version never gets a
different widget silently.

``/editor`` exists only when ``CROSSCHECK_EDITOR=1``. The page itself holds no data and needs
no key; every call it makes sends the key typed into the page, so the API stays behind the
same keys.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from flask import Blueprint, Flask, Response, request, send_from_directory, url_for
from flask_smorest import abort
from markupsafe import escape

from api.config import Config

STATIC = Path(__file__).resolve().parent / "static"
WIDGET_SCRIPT = "crosscheck-widget.js"
SERVED_FILES = (WIDGET_SCRIPT, "crosscheck-widget.css", "editor-page.js", "editor-page.css")
VERSION_HEADER = "X-Crosscheck-Widget-Version"
ONE_YEAR_S = 365 * 24 * 3600
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; connect-src 'self'; img-src 'self' data:; style-src 'self'; "
    "script-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
)
_VERSION_LINE = re.compile(r'^export const VERSION = "([0-9A-Za-z.+-]+)";$', re.MULTILINE)

widget_blp = Blueprint("widget", __name__)
page_blp = Blueprint("editor", __name__)


def init_editor(app: Flask, config: Config) -> None:
    """Serve the widget files; add the ``/editor`` page only when the config turns it on."""
    app.register_blueprint(widget_blp)
    if config.editor:
        app.register_blueprint(page_blp)


@functools.cache
def widget_version() -> str:
    """The ``VERSION`` declared by the widget module (one source for the script and server)."""
    found = _VERSION_LINE.search((STATIC / WIDGET_SCRIPT).read_text(encoding="utf-8"))
    if found is None:
        raise RuntimeError(f"{WIDGET_SCRIPT} declares no VERSION")
    return found.group(1)


@widget_blp.get(f"/static/<any({', '.join(map(repr, SERVED_FILES))}):filename>")
def widget_file(filename: str) -> Response:
    version = widget_version()
    requested = request.args.get("v")
    if requested is not None and requested != version:
        abort(
            404, message=f"This server has version {version} of the widget, not {requested[:40]}."
        )
    response = send_from_directory(STATIC, filename, max_age=None)
    if filename.endswith(".js"):
        response.mimetype = "text/javascript"
    if requested is None:
        response.cache_control.no_cache = True
    else:
        response.cache_control.no_cache = None
        response.cache_control.public = True
        response.cache_control.max_age = ONE_YEAR_S
        response.cache_control.immutable = True
    response.headers[VERSION_HEADER] = version
    response.headers["Access-Control-Allow-Origin"] = "*"
    return response


@page_blp.get("/editor")
def editor_page() -> Response:
    def asset(filename: str) -> str:
        return str(escape(url_for("widget.widget_file", filename=filename, v=widget_version())))

    page = _PAGE.format(
        widget_css=asset("crosscheck-widget.css"),
        page_css=asset("editor-page.css"),
        page_js=asset("editor-page.js"),
    )
    response = Response(page, mimetype="text/html")
    response.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
    response.headers["Cache-Control"] = "no-cache"
    return response


_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Crosscheck editor</title>
  <link rel="icon" href="data:,">
  <link rel="stylesheet" href="{widget_css}">
  <link rel="stylesheet" href="{page_css}">
  <script type="module" src="{page_js}"></script>
</head>
<body>
  <header>
    <h1>Crosscheck editor</h1>
    <p>Write or paste a draft. Each claim is checked against the indexed articles as you
    write, and highlighted by what other outlets say about it: select a claim to see its
    matches. Nothing is stored unless you index the draft.</p>
  </header>
  <main class="editor-layout">
    <form class="article-fields" id="article-fields" autocomplete="off">
      <label>API key <input id="api-key" type="password" spellcheck="false"
        placeholder="a read key checks; indexing needs a write key"></label>
      <label>Source <input id="source" placeholder="e.g. Example Gazette"></label>
      <label>Date <input id="published-at" placeholder="YYYY-MM-DD"></label>
      <label>Article id <input id="article-id" placeholder="optional, e.g. cms-post:4217"></label>
      <label>URL <input id="url" type="url" placeholder="optional"></label>
    </form>
    <section class="draft" aria-label="Draft">
      <label for="draft">Draft</label>
      <textarea id="draft" rows="26" spellcheck="true"></textarea>
      <p class="index-row">
        <button type="button" id="index-draft">Index this draft as published</button>
        <span id="index-status" role="status"></span>
      </p>
    </section>
    <section class="report" id="report" aria-label="Report"></section>
  </main>
</body>
</html>
"""
