"""Which matches can state the same fact: a claim's best match in each other article.

An article states a fact once, so of the claims of another article only the one most similar
to a claim can be its counterpart. The other candidates from that article are nearby facts of
the same story: they are shown, but given no verdict (a verdict on them would flag two
different facts as a divergence, or let one corroborate the other). The reverse does not hold:
one long sentence of the other article may state several facts of the checked article, so it
may be the counterpart of several claims, and so corroborate several. A divergence is held to
more: the other claim must also be closer to this claim than to any other claim of the checked
article it was found for (the pair is each other's best), or it is more likely another fact of
the story than this fact told differently.
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


def each_others_best(
    candidates: Sequence[Sequence[CandidateMatch]], aligned: set[AlignedPair]
) -> set[AlignedPair]:
    """The aligned pairs whose other claim is, of all the checked claims it was found for, most
    similar to this one (ties kept)."""
    closest: dict[str, float] = {}
    for row in candidates:
        for candidate in row:
            claim_id = candidate.claim.public_id
            closest[claim_id] = max(closest.get(claim_id, -1.0), candidate.similarity)
    return {
        (position, candidate.claim.public_id)
        for position, row in enumerate(candidates)
        for candidate in row
        if (position, candidate.claim.public_id) in aligned
        and candidate.similarity >= closest[candidate.claim.public_id]
    }
