"""Reading articles for the CLI: text and HTML files, or JSONL of article objects."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import marshmallow as ma

from api.schemas import ArticleInSchema
from crosscheck.service import ArticleInput

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
_ID_UNSAFE = re.compile(r"[^A-Za-z0-9._:-]+")


@dataclass(frozen=True, slots=True)
class IngestItem:
    """One article read from disk, or why it could not be read."""

    origin: str
    article: ArticleInput | None = None
    error: str | None = None


def read_articles(paths: Sequence[Path], defaults: Mapping[str, Any]) -> Iterator[IngestItem]:
    for path in paths:
        if not path.is_file():
            yield IngestItem(str(path), error="not a file")
        elif path.suffix.lower() in JSONL_SUFFIXES:
            yield from _read_jsonl(path, defaults)
        else:
            yield _read_document(path, defaults)


def _read_document(path: Path, defaults: Mapping[str, Any]) -> IngestItem:
    try:
        content = path.read_text(encoding="utf-8", errors="replace")
    except OSError as error:
        return IngestItem(str(path), error=str(error))
    body = "html" if path.suffix.lower() in HTML_SUFFIXES else "text"
    raw = {"id": article_id_for(path), body: content, **_present(defaults)}
    return _validated(str(path), raw)


def _read_jsonl(path: Path, defaults: Mapping[str, Any]) -> Iterator[IngestItem]:
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            origin = f"{path}:{number}"
            if not line.strip():
                continue
            try:
                raw = json.loads(line)
            except json.JSONDecodeError as error:
                yield IngestItem(origin, error=f"invalid JSON: {error}")
                continue
            if not isinstance(raw, dict):
                yield IngestItem(origin, error="not a JSON object")
                continue
            yield _validated(origin, {**_present(defaults), **raw})


def _validated(origin: str, raw: dict[str, Any]) -> IngestItem:
    try:
        loaded = ArticleInSchema().load(raw)
    except ma.ValidationError as error:
        return IngestItem(origin, error=json.dumps(error.messages))
    return IngestItem(origin, article=ArticleInput(**loaded))


def article_id_for(path: Path) -> str:
    return _ID_UNSAFE.sub("-", path.stem).strip("-")[:128] or "article"


def _present(values: Mapping[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in values.items() if value is not None}
