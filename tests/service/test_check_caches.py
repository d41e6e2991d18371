"""A repeated check pays for no text work on stored claims: their lexical keys and parsed
facts come from the per-process caches."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from flask import Flask

import comparison.comparator
import comparison.overlap
from comparison.overlap import text_content_words
from crosscheck.rerank import terms
from crosscheck.service import ArticleInput

STORM = (
    "More than 40,000 homes lost power on Tuesday after a storm crossed the coast, the utility "
    "said. The mayor said schools will stay closed for two days."
)
RIVAL = (
    "About 25,000 homes lost power on Tuesday after a storm crossed the coast, the utility said. "
    "The mayor said schools would stay closed for three days."
)


def counting(monkeypatch: pytest.MonkeyPatch, module: Any, name: str) -> list[Any]:
    calls: list[Any] = []
    original: Callable[..., Any] = getattr(module, name)

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls.append(args)
        return original(*args, **kwargs)

    monkeypatch.setattr(module, name, counted)
    return calls


def test_a_repeated_check_rebuilds_no_word_sets_and_parses_nothing(
    app: Flask, monkeypatch: pytest.MonkeyPatch
) -> None:
    service = app.extensions["crosscheck"].service
    service.index_article(ArticleInput(source="A", text=STORM, id="storm"))
    terms.cache_clear()
    text_content_words.cache_clear()
    comparison.overlap._content_word.cache_clear()
    keyed = counting(monkeypatch, comparison.overlap, "entity_key")
    parsed = counting(monkeypatch, comparison.comparator, "parse_claims")
    draft = ArticleInput(source="B", text=RIVAL)
    first = service.check_article(draft)
    assert keyed and parsed  # the first check worked the texts out
    keyed.clear()
    parsed.clear()
    second = service.check_article(draft)
    assert keyed == [] and parsed == []
    assert [c.matches for c in second.claims] == [c.matches for c in first.claims]


def test_cached_content_words_are_those_of_the_text() -> None:
    text_content_words.cache_clear()
    words = text_content_words("The Mayor said schools closed in Orbán's town.")
    assert words == text_content_words("The Mayor said schools closed in Orbán's town.")
    assert {"mayor", "school", "clos", "orban", "town"} <= words
    assert "the" not in words and "said" not in words
