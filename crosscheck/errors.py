"""Domain errors: each names what went wrong in terms a caller can act on."""

from __future__ import annotations


class CrosscheckError(Exception):
    """Base of every error the service reports to its callers."""


class ArticleNotFound(CrosscheckError):
    def __init__(self, article_id: str):
        super().__init__(f"no article with id {article_id!r}")
        self.article_id = article_id


class TooManyClaims(CrosscheckError):
    def __init__(self, found: int, limit: int):
        super().__init__(f"the article has {found} claims; the limit is {limit}")
        self.found = found
        self.limit = limit


class ResourceUnavailable(CrosscheckError):
    """A model or index could not be loaded."""
