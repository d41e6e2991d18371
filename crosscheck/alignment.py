"""Which matches can state the same fact: a claim's best match in each other article.

An article states a fact once, so of the claims of another article only the one most similar
to a claim can be its counterpart. The other candidates from that article are nearby facts of
the same story: they are shown, but given no verdict (a verdict on them would flag two
different facts as a divergence, or let one corroborate the other). The reverse does not hold:
one long sentence of the other article may state several facts of the checked article, so it
may be the counterpart of several claims.
"""

from __future__ import annotations

from collections.abc import Sequence

from crosscheck.matching import CandidateMatch

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
