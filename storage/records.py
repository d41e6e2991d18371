"""What the store keeps: articles, their claims and claim vectors."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from claims.model import Claim
from storage.errors import UnstorableText

NUL = "\x00"


@dataclass(frozen=True, slots=True)
class ArticleRecord:
    """An article as submitted and cleaned, ready to be stored."""

    id: str
    source: str
    text: str
    title: str | None = None
    url: str | None = None
    published_at: str | None = None
    content_hash: str | None = None
    """A digest of the article as submitted, so an unchanged resubmission can be skipped."""


@dataclass(frozen=True, slots=True)
class StoredClaim:
    """A claim as stored: ``key`` is the integer id the vector index uses."""

    key: int
    article_id: str
    position: int
    text: str
    start: int
    end: int

    @property
    def public_id(self) -> str:
        return f"{self.article_id}:{self.position}"


@dataclass(frozen=True, slots=True)
class UnparsedClaim:
    """A stored claim whose parsed facts are not stored yet, with its article's date (the
    facts of a claim depend on when it was published)."""

    key: int
    text: str
    published_at: str | None


@dataclass(frozen=True, slots=True)
class StoredArticle:
    id: str
    source: str
    text: str
    title: str | None
    url: str | None
    published_at: str | None
    revision: int
    created_at: str
    updated_at: str
    claims: list[StoredClaim] = field(default_factory=list)
    content_hash: str | None = None


@dataclass(frozen=True, slots=True)
class IndexChange:
    """One entry of the index log: a claim vector added to or removed from the corpus."""

    sequence: int
    operation: str
    claim_key: int


def ensure_storable(article: ArticleRecord, claims: Sequence[Claim]) -> None:
    """Raise UnstorableText when a field of the article or a claim holds a NUL character."""
    fields: Iterable[tuple[str, str | None]] = (
        ("id", article.id),
        ("source", article.source),
        ("text", article.text),
        ("title", article.title),
        ("url", article.url),
        ("published_at", article.published_at),
        ("content_hash", article.content_hash),
        *(("claim text", claim.text) for claim in claims),
    )
    for name, value in fields:
        if value and NUL in value:
            raise UnstorableText(name)


def storable(values: Iterable[str]) -> list[str]:
    """The values that could be stored (no NUL): the only ones a lookup can find."""
    return [value for value in values if NUL not in value]
