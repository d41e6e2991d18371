"""Which matches can state the same fact: a claim's best match in each other article.

An article states a fact once, so of the claims of another article only the one most similar
to a claim can be its counterpart. The other candidates from that article are nearby facts of
the same story: they are shown, but given no verdict (a verdict on them would flag two
different facts as a divergence, or let one corroborate the other). The reverse does not hold:
one long sentence of the other article may state several facts of the checked article, so it
may be the counterpart of several claims, and so corroborate several. A divergence is held to
more: when a checked claim closer to the other claim states the very words that differ, the
other claim tells that claim's fact, and the two differ only as two facts of one story do. And
when the other claim is closer to another checked claim at all, only a difference in a figure or
in quoted words is specific enough to stand: a date, a negation, a hedge or a speaker is what two
facts of one story most often differ in.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from crosscheck.matching import CandidateMatch

_WORD = re.compile(r"\w+")
AlignedPair = tuple[int, str]  # (position of the checked claim, public id of the other claim)


def best_in_each_article(candidates: Sequence[Sequence[CandidateMatch]]) -> set[AlignedPair]:
    """The (claim position, candidate claim id) pairs where the candidate is the claim's most
    similar candidate (by cosine) among those of its article; ties are all kept."""
    aligned: set[AlignedPair] = set()
    for position, row in enumerate(candidates):
        best: dict[str, float] = {}
        for candidate in row:
            best[candidate.article.id] = max(
                best.get(candidate.article.id, -1.0), candidate.similarity
            )
        aligned.update(
            (position, candidate.claim.public_id)
            for candidate in row
            if candidate.similarity >= best[candidate.article.id]
        )
    return aligned


class Closeness:
    """For each claim of the other articles, how similar each checked claim found with it is;
    ``texts`` are the checked claims' texts, by position."""

    def __init__(
        self, candidates: Sequence[Sequence[CandidateMatch]], texts: Sequence[str]
    ) -> None:
        self._texts = texts
        self._found_with: dict[str, list[tuple[int, float]]] = {}
        for position, row in enumerate(candidates):
            for candidate in row:
                found = self._found_with.setdefault(candidate.claim.public_id, [])
                found.append((position, candidate.similarity))

    def stated_closer(self, position: int, claim_id: str, differing: Sequence[str]) -> bool:
        """Whether another checked claim, closer to the other claim than the claim at
        ``position`` is, states every one of ``differing`` (the other claim's differing words):
        the other claim then tells that claim's fact, and the difference is between two facts."""
        found = dict(self._found_with.get(claim_id, []))
        here = found.get(position)
        if here is None:
            return False
        wanted = [_words(text) for text in differing]
        return any(
            similarity > here and all(words <= _words(self._texts[other]) for words in wanted)
            for other, similarity in found.items()
            if other != position
        )

    def closest(self, position: int, claim_id: str) -> bool:
        """Whether no other checked claim found with the other claim is closer to it."""
        found = dict(self._found_with.get(claim_id, []))
        here = found.get(position)
        return here is not None and all(similarity <= here for similarity in found.values())


def _words(text: str) -> set[str]:
    return set(_WORD.findall(text.lower()))
