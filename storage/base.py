"""What every store offers: the interface the service, matching and the corpus rely on.

Two implementations keep the same contract: :class:`storage.sqlite_store.SqliteStore`, the
embedded default, and the PostgreSQL store for a corpus shared across hosts.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Protocol

from claims.model import Claim
from embeddings import Vectors
from storage.lexical import LexicalHit
from storage.records import (
    ArticleRecord,
    IndexChange,
    StoredArticle,
    StoredClaim,
    UnparsedClaim,
)


class ArticleStore(Protocol):
    """Articles, their claims and claim vectors; every write also appends to the index log."""

    migrations_applied: list[str]
    """The schema migration steps applied when this store was opened (none when current)."""

    def close(self) -> None: ...

    # -- writes -----------------------------------------------------------------------------

    def save_article(
        self, article: ArticleRecord, claims: Sequence[Claim], vectors: Vectors
    ) -> tuple[StoredArticle, bool]:
        """Insert or replace one article with its claims; True when it is new."""
        ...

    def save_articles(
        self, items: Sequence[tuple[ArticleRecord, Sequence[Claim], Vectors]]
    ) -> list[tuple[StoredArticle, bool]]:
        """Insert or replace several articles in one transaction: all are stored or none."""
        ...

    def delete_article(self, article_id: str) -> bool: ...

    def set_meta(self, key: str, value: str) -> None: ...

    def replace_vectors(self, keys: Sequence[int], vectors: Vectors) -> None: ...

    def truncate_log(self, through: int) -> int: ...

    def save_claim_facts(self, version: str, facts: Mapping[int, bytes]) -> int:
        """Store claims' parsed facts (by claim key) under ``version``, replacing what each
        had; claims no longer stored are skipped. Returns how many were stored."""
        ...

    # -- reads ------------------------------------------------------------------------------

    def get_article(self, article_id: str) -> StoredArticle | None: ...

    def content_hashes(self, article_ids: Sequence[str]) -> dict[str, str | None]:
        """The content hash each given, stored article was saved with."""
        ...

    def list_articles(
        self, limit: int, after_sequence: int = 0
    ) -> tuple[list[StoredArticle], int]: ...

    def has_articles_after(self, sequence: int) -> bool: ...

    def claims_by_key(self, keys: Sequence[int]) -> dict[int, StoredClaim]: ...

    def articles_by_id(self, article_ids: Sequence[str]) -> dict[str, StoredArticle]: ...

    def vectors(self, keys: Sequence[int] | None = None) -> tuple[list[int], Vectors]: ...

    def article_vectors(self, article_id: str) -> Vectors: ...

    def vectors_of_articles(self, article_ids: Sequence[str]) -> dict[str, Vectors]: ...

    def vectors_by_text(self, texts: Sequence[str]) -> dict[str, Vectors]: ...

    def all_claim_texts(self) -> tuple[list[int], list[str]]: ...

    def lexical_search(
        self, texts: Sequence[str], limit: int, exclude_article: str | None = None
    ) -> list[list[LexicalHit]]: ...

    def claim_facts(self, keys: Sequence[int], version: str) -> dict[int, bytes]:
        """The parsed facts stored under ``version`` for the given claims that have them."""
        ...

    def claims_without_facts(self, version: str, after_key: int, limit: int) -> list[UnparsedClaim]:
        """Up to ``limit`` claims above ``after_key`` with no facts under ``version``, by key."""
        ...

    def count_claim_facts(self, version: str) -> int: ...

    def hold_backfill_lease(self) -> bool:
        """Whether this store holds the database's one lease for background backfill,
        taking it when no other store (of any process) holds it; kept until closed."""
        ...

    def changes_after(self, sequence: int) -> list[IndexChange]: ...

    def last_change(self) -> int: ...

    def log_floor(self) -> int: ...

    def count_log_entries(self) -> int: ...

    def get_meta(self, key: str) -> str | None: ...

    def count_articles(self) -> int: ...

    def count_claims(self) -> int: ...
