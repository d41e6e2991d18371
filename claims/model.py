"""Plain data types of the claim layer."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Claim:
    """One factual statement of an article: ``article_text[start:end] == text``."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class ExtractedArticle:
    """An article's main text, its headline and the claims found in it.

    For plain-text input ``text`` is the submitted text unchanged (boilerplate is skipped,
    never cut out, so offsets stay valid); for HTML input it is the extracted main text.
    """

    text: str
    title: str | None
    claims: list[Claim] = field(default_factory=list)
