"""A sentence to perturb, with the named entities found in it and in its article."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Mention:
    """A named entity in the sentence: ``sentence[start:end] == text``."""

    text: str
    label: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Source:
    """One sentence and what an edit may borrow from its article."""

    text: str
    mentions: tuple[Mention, ...] = ()
    names: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # label → names
    words: tuple[str, ...] = ()  # content words of the article, for quote edits


def replace_span(text: str, start: int, end: int, new: str) -> str:
    return text[:start] + new + text[end:]
