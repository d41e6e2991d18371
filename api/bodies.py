"""Reading JSON bodies: anything the JSON parser cannot turn into safe Python data is a 400.

Two kinds of body pass ``json.loads`` (or crash it) yet cannot be processed: nesting deep
enough to exhaust the recursion limit, and strings holding lone UTF-16 surrogates
(``"\\ud800"``), which cannot be stored or encoded as UTF-8 (RFC 7493 forbids them). Both
are reported like any other malformed body, before a view runs.
"""

from __future__ import annotations

import json
from typing import Any

import flask
import flask_smorest
from webargs import core
from webargs.flaskparser import FlaskParser, is_json_request

_BODY = "<request body>"  # webargs reads an empty ``doc`` as "no body", not as an error


class JsonBodyParser(FlaskParser):
    def _raw_load_json(self, req: flask.Request) -> Any:
        if not is_json_request(req):
            return core.missing
        try:
            data = core.parse_json(req.get_data(cache=True))
        except RecursionError as error:
            raise json.JSONDecodeError("nested too deeply", _BODY, 0) from error
        if not is_valid_unicode(data):
            raise json.JSONDecodeError("a string holds a lone surrogate", _BODY, 0)
        return data


class Blueprint(flask_smorest.Blueprint):
    """flask-smorest's Blueprint reading bodies with :class:`JsonBodyParser`."""

    ARGUMENTS_PARSER = JsonBodyParser()


def is_valid_unicode(data: Any) -> bool:
    """Every string (key or value) in decoded JSON encodes to UTF-8; iterative, any depth."""
    pending = [data]
    while pending:
        item = pending.pop()
        if isinstance(item, str):
            if not _encodable(item):
                return False
        elif isinstance(item, dict):
            pending.extend(item.keys())
            pending.extend(item.values())
        elif isinstance(item, list):
            pending.extend(item)
    return True


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
