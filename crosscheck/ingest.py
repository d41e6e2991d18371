"""Reading articles for the CLI: text and HTML files, or JSONL of article objects, streamed
(one article in memory at a time) and grouped in batches for the service's batched ingest."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import marshmallow as ma

from api.schemas import ArticleInSchema
from crosscheck.service import ArticleInput, IndexResult

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
_ID_UNSAFE = re.compile(r"[^A-Za-z0-9._:-]+")


@dataclass(frozen=True, slots=True)
class IngestItem:
    """One article read from disk, or why it could not be read."""

    origin: str
    article: ArticleInput | None = None
    error: str | None = None


@dataclass(slots=True)
class IngestTally:
    """What became of the articles read so far."""

    statuses: dict[str, int] = field(default_factory=dict)
    unreadable: int = 0
    claims: int = 0

    def count(self, result: IndexResult) -> None:
        self.statuses[result.status] = self.statuses.get(result.status, 0) + 1
        if result.article is not None:
            self.claims += len(result.article.claims)

    @property
    def failures(self) -> int:
        return self.unreadable + self.statuses.get("rejected", 0)

    def summary(self) -> str:
        order = ("created", "updated", "unchanged", "rejected")
        counts = ", ".join(f"{self.statuses.get(status, 0)} {status}" for status in order)
        return f"{counts}, {self.unreadable} unreadable; {self.claims} claims indexed"


def batches(items: Iterable[IngestItem], size: int) -> Iterator[list[IngestItem]]:
    """The items in lists of ``size`` (the last may be shorter), read lazily."""
    batch: list[IngestItem] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def count_articles(paths: Sequence[Path]) -> int:
    """How many items :func:`read_articles` will yield (a pass over JSONL lines, not parsed),
    so progress can show an estimated time to completion."""
    total = 0
    for path in paths:
        if path.is_file() and path.suffix.lower() in JSONL_SUFFIXES:
            with path.open("rb") as lines:
                total += sum(1 for line in lines if line.strip())
        else:
            total += 1
    return total


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
