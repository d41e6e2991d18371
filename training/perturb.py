"""Labelled pairs generated from the corpora's own sentences, deterministically.

For every source sentence: one meaning-changing edit (``diverge``), one meaning-keeping edit
(``agree``), and one other sentence of the same article or topic (``unrelated``). Edits are
picked least-used first so that every kind is represented; the side that holds the original
is drawn at random so that no feature can learn the order.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from comparison.model import Verdict
from training.agree_edits import AGREE_EDITS
from training.diverge_edits import DIVERGE_EDITS, Edit
from training.source import Source

SEED = 20261130
SAME_TOPIC_SHARE = 0.3  # share of unrelated partners drawn from another article of the topic
STACK_SHARE = 0.5
STACK_ON_DIVERGE = ("move_attribution", "move_leading_phrase", "reformat_number")
STACK_ON_AGREE = (*STACK_ON_DIVERGE, "drop_detail")
ALIKE_HEAD = 3  # unrelated partners are drawn from this many most alike sentences
EDIT_SETS: tuple[tuple[Verdict, Mapping[str, Edit]], ...] = (
    ("diverge", DIVERGE_EDITS),
    ("agree", AGREE_EDITS),
)


@dataclass(frozen=True, slots=True)
class SourceArticle:
    """An article's sentences prepared for editing; ``topic`` groups same-topic articles."""

    id: str
    corpus: str
    topic: str
    published_at: date | None
    sources: tuple[Source, ...]


@dataclass(frozen=True, slots=True)
class GeneratedPair:
    a: str
    b: str
    label: Verdict
    generator: str  # the edit's name, or "same_article" / "same_topic"
    corpus: str
    article_id: str
    published_at: date | None


def generate_pairs(
    articles: Sequence[SourceArticle],
    seed: int = SEED,
    neighbours: Mapping[str, Sequence[str]] | None = None,
) -> list[GeneratedPair]:
    """Every source sentence's diverge, agree and unrelated pair (each when one can be made).

    ``neighbours`` ranks, for a sentence, other sentences of its article or topic by how alike
    they read (most alike first); unrelated partners are drawn from its head. Without it, the
    article sentence sharing most words is taken."""
    rng = random.Random(seed)
    used: Counter[str] = Counter()
    by_topic = _articles_by_topic(articles)
    pairs: list[GeneratedPair] = []
    for article in articles:
        for index, source in enumerate(article.sources):
            for label, edits in EDIT_SETS:
                edited = _edit_least_used(source, edits, used, rng)
                if edited is None:
                    continue
                name, text = _maybe_stack(label, *edited, rng)
                if text != source.text:  # a second edit may undo the first
                    pairs.append(_pair(article, source.text, text, label, name, rng))
            ranked = (neighbours or {}).get(source.text, ())
            partner = _alike_partner(ranked, rng) or _unrelated_partner(
                article, index, by_topic, rng
            )
            if partner is not None:
                text, kind = partner
                pairs.append(_pair(article, source.text, text, "unrelated", kind, rng))
    return pairs


def _edit_least_used(
    source: Source, edits: Mapping[str, Edit], used: Counter[str], rng: random.Random
) -> tuple[str, str] | None:
    names = sorted(edits)
    rng.shuffle(names)
    for name in sorted(names, key=lambda n: used[n]):
        edited = edits[name](source, rng)
        if edited is not None and edited.strip() != source.text.strip():
            used[name] += 1
            return name, edited
    return None


def _maybe_stack(label: Verdict, name: str, text: str, rng: random.Random) -> tuple[str, str]:
    """Half the time, a second meaning-keeping edit of another kind on top, so that edited
    pairs are not all one word apart. Only edits that keep every detail go on a diverge edit."""
    if rng.random() >= STACK_SHARE:
        return name, text
    names = [n for n in (STACK_ON_DIVERGE if label == "diverge" else STACK_ON_AGREE) if n != name]
    for second in rng.sample(names, len(names)):
        stacked = AGREE_EDITS[second](Source(text), rng)
        if stacked is not None and stacked != text:
            return f"{name}+{second}", stacked
    return name, text


def _alike_partner(ranked: Sequence[str], rng: random.Random) -> tuple[str, str] | None:
    head = list(ranked[:ALIKE_HEAD])
    return (rng.choice(head), "alike_sentence") if head else None


def _pair(
    article: SourceArticle,
    original: str,
    other: str,
    label: Verdict,
    kind: str,
    rng: random.Random,
) -> GeneratedPair:
    a, b = (original, other) if rng.random() < 0.5 else (other, original)
    return GeneratedPair(a, b, label, kind, article.corpus, article.id, article.published_at)


def _articles_by_topic(articles: Sequence[SourceArticle]) -> dict[str, list[SourceArticle]]:
    grouped: dict[str, list[SourceArticle]] = {}
    for article in articles:
        grouped.setdefault(article.topic, []).append(article)
    return grouped


def _unrelated_partner(
    article: SourceArticle,
    index: int,
    by_topic: Mapping[str, Sequence[SourceArticle]],
    rng: random.Random,
) -> tuple[str, str] | None:
    """Another sentence of the article sharing most words with this one, or one of the topic."""
    others = [s for i, s in enumerate(article.sources) if i != index]
    neighbours = [a for a in by_topic.get(article.topic, ()) if a.id != article.id and a.sources]
    if neighbours and (not others or rng.random() < SAME_TOPIC_SHARE):
        return rng.choice(rng.choice(neighbours).sources).text, "same_topic"
    if not others:
        return None
    source = article.sources[index]
    return max(others, key=lambda other: _shared_words(source, other)).text, "same_article"


def _shared_words(a: Source, b: Source) -> int:
    return len(set(a.text.lower().split()) & set(b.text.lower().split()))


def label_counts(pairs: Sequence[GeneratedPair]) -> dict[str, dict[str, int]]:
    """``{label: {generator: count}}``, for the model card."""
    counts: dict[str, Counter[str]] = {}
    for pair in pairs:
        counts.setdefault(pair.label, Counter())[pair.generator] += 1
    return {label: dict(sorted(c.items())) for label, c in sorted(counts.items())}
