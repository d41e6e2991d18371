"""Cheap re-ranking of candidate claims: how alike two claims are, and how alike two articles.

A claim's relevance is its embedding cosine plus bonuses for content words, names and
numbers in common: a sentence embedding of a long news sentence blurs the details two
outlets share ("professional and fairly candid", "30,000"), which the bonuses bring back.
Among the claims of one article, the one that shares the check's *distinctive* words ranks
first: words weighted by how few of the check's texts (draft and candidates) hold them, so the
story's own names, which every candidate shares, count for little and the detail that sets
one sentence apart counts for much.
An article's affinity is how many of the checked article's claims found a close claim in it:
another outlet's story of the same event shares many facts, a story on a neighbouring topic
only a sentence or two, so its claims get a share of that affinity on top of their own score.
Only an article published within days of the checked one has any (:func:`near_in_time`):
a report of a like event weeks apart shares the topic and the names, not the event.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Collection, Container, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from comparison.overlap import overlap_coefficient, text_content_words
from crosscheck.publication import publication_date

LEXICAL_WEIGHT = 0.4
DISTINCTIVE_WEIGHT = 1.5
ANCHOR_WEIGHT = 0.2
AFFINITY_WEIGHT = 1.0
AFFINITY_FLOOR = 0.3
SAME_STORY_SHARE = 0.6
SAME_EVENT_DAYS = 3
TERMS_CACHE_SIZE = 1 << 15
_NUMBER = re.compile(r"\d[\d,.]*\d|\d")
_NAME = re.compile(r"(?<![.!?\"“‘'(]\s)(?<!^)\b[A-Z][\w'’-]*[a-z][\w'’-]*")

Key = TypeVar("Key", bound=Hashable)


def anchors(text: str) -> frozenset[str]:
    """Numbers and capitalised words inside the sentence (names, mostly), case-folded."""
    numbers = {match.replace(",", "") for match in _NUMBER.findall(text)}
    names = {match.casefold() for match in _NAME.findall(text.strip())}
    return frozenset(numbers | names)


@dataclass(frozen=True, slots=True)
class Terms:
    """What :func:`relevance` compares of a text, worked out once per text."""

    words: frozenset[str]
    anchors: frozenset[str]


@functools.lru_cache(maxsize=TERMS_CACHE_SIZE)
def terms(text: str) -> Terms:
    """The terms of a text, cached per process (bounded): a stored claim's terms are worked
    out the first time it is a candidate, not again at every check that finds it."""
    return Terms(text_content_words(text), anchors(text))


def relevance(similarity: float, this: Terms, other: Terms) -> float:
    """Cosine plus shares of content words and of names/numbers in common."""
    return (
        similarity
        + LEXICAL_WEIGHT * overlap_coefficient(this.words, other.words)
        + ANCHOR_WEIGHT * overlap_coefficient(this.anchors, other.anchors)
    )


@dataclass(frozen=True, slots=True)
class WordWeights:
    """Inverse document frequency of content words over one check's texts. The squared norm
    of each word set is worked out once: a check scores each of its claims against dozens
    of candidates, and a candidate against several claims."""

    idf: Mapping[str, float]
    unseen: float
    _norms: dict[frozenset[str], float] = field(default_factory=dict, compare=False)

    @classmethod
    def over(cls, texts: Collection[Terms]) -> WordWeights:
        counts = Counter(word for text in texts for word in text.words)
        documents = len(texts) + 1
        idf = {word: math.log(documents / (1 + count)) for word, count in counts.items()}
        return cls(idf, math.log(documents))

    def cosine(self, a: frozenset[str], b: frozenset[str]) -> float:
        """Cosine of the two word sets, each word weighted by its idf."""
        norm = math.sqrt(self._norm(a) * self._norm(b))
        return self._squares(a & b) / norm if norm else 0.0

    def _norm(self, words: frozenset[str]) -> float:
        found = self._norms.get(words)
        if found is None:
            found = self._norms[words] = self._squares(words)
        return found

    def _squares(self, words: Iterable[str]) -> float:
        return sum(self.idf.get(word, self.unseen) ** 2 for word in words)


def distinctive(this: Terms, other: Terms, weights: WordWeights) -> float:
    """The ranking bonus of ``other`` for ``this``: their idf-weighted word cosine."""
    return DISTINCTIVE_WEIGHT * weights.cosine(this.words, other.words)


def affinity(rows: Sequence[Iterable[tuple[Key, float]]]) -> dict[Key, float]:
    """Per article: the mean over the checked claims of the best score a claim of that article
    got for it, counted above ``AFFINITY_FLOOR`` (0 for a checked claim it had no candidate
    for), so that many faint likenesses do not add up to one story."""
    if not rows:
        return {}
    totals: dict[Key, float] = {}
    for row in rows:
        best: dict[Key, float] = {}
        for article, score in row:
            best[article] = max(score - AFFINITY_FLOOR, best.get(article, 0.0))
        for article, score in best.items():
            totals[article] = totals.get(article, 0.0) + score
    return {article: total / len(rows) for article, total in totals.items()}


def near_in_time(
    affinities: Mapping[Key, float],
    published: Mapping[Key, str | None],
    checked: str | None,
    days: int = SAME_EVENT_DAYS,
) -> dict[Key, float]:
    """The affinities, with that of each article published more than ``days`` away from the
    ``checked`` article's date set to 0: other outlets report one event within a day or two
    of each other, while a like event weeks apart (the next vote, another day of the same
    shutdown) shares the topic and its names. An article, or a check, without a readable
    date keeps its affinity."""
    checked_on = publication_date(checked)
    if checked_on is None:
        return dict(affinities)
    kept = {}
    for article, value in affinities.items():
        on = publication_date(published.get(article))
        kept[article] = 0.0 if on is not None and abs((on - checked_on).days) > days else value
    return kept


def same_story(affinities: Mapping[Key, float], copies: Container[Key] = ()) -> set[Key]:
    """The articles whose affinity is close to the highest: other outlets' versions of the
    checked story (at least ``SAME_STORY_SHARE`` of the best affinity). The best is taken
    over articles that are not ``copies`` of the checked article: a copy shares nearly every
    claim, and measured against it the other outlets' versions would not count."""
    top = max((value for key, value in affinities.items() if key not in copies), default=0.0)
    if top <= 0.0:
        return set()
    return {article for article, value in affinities.items() if value >= SAME_STORY_SHARE * top}
