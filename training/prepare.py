"""From raw articles to editable sources: pick sentences, parse them, collect their names."""

from __future__ import annotations

import random
from collections.abc import Sequence

from facts import ClaimFacts
from training.corpora import RawArticle
from training.perturb import SourceArticle
from training.source import Mention, Source


def pick_sentences(article: RawArticle, count: int, rng: random.Random) -> tuple[str, ...]:
    """Up to ``count`` of the article's sentences, in random order."""
    return tuple(rng.sample(article.sentences, min(count, len(article.sentences))))


def source_of(
    facts: ClaimFacts, names: dict[str, tuple[str, ...]], words: tuple[str, ...]
) -> Source:
    mentions = tuple(
        Mention(e.span.text, e.label, e.span.start, e.span.end) for e in facts.entities
    )
    return Source(facts.text, mentions, names, words)


def article_names(parsed: Sequence[ClaimFacts]) -> dict[str, tuple[str, ...]]:
    """Label → the distinct names the article's parsed sentences mention."""
    found: dict[str, set[str]] = {}
    for facts in parsed:
        for entity in facts.entities:
            found.setdefault(entity.label, set()).add(entity.span.text)
    return {label: tuple(sorted(names)) for label, names in sorted(found.items())}


def article_words(parsed: Sequence[ClaimFacts]) -> tuple[str, ...]:
    """Lower-case content words (four letters or more) of the article's parsed sentences."""
    return tuple(
        sorted(
            {
                token.text
                for facts in parsed
                for token in facts.tokens
                if token.is_content
                and token.text.isalpha()
                and token.text.islower()
                and len(token.text) >= 4
            }
        )
    )


def source_article(
    article: RawArticle, parsed: Sequence[ClaimFacts], sources: int
) -> SourceArticle:
    """The first ``sources`` parsed sentences become sources; all of them lend their names."""
    names, words = article_names(parsed), article_words(parsed)
    chosen = tuple(source_of(facts, names, words) for facts in parsed[:sources])
    return SourceArticle(article.id, article.corpus, article.topic, article.published_at, chosen)
