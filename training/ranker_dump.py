"""What a check scores for each gold pair side of the BASIL *tune* part, kept for fitting the
match re-ranker (:mod:`training.train_ranker`).

Each tune side's article is checked through the real app on a stored corpus (the one
``bench/matching_recall.py --data-dir`` builds), and for every check the matcher's candidates
are recorded before its floor and re-ranking (:meth:`crosscheck.matching.MatchFinder._boosted`
is wrapped to see them), with the articles' affinities, the story articles and the syndicated
copies, so that a re-ranker can be replayed offline exactly as the service would apply it.
Check-part articles are never checked here.
"""

from __future__ import annotations

import pickle
import sys
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from bench import matching_recall as bench  # noqa: E402
from crosscheck import matching, service  # noqa: E402
from crosscheck.matching import CandidateMatch  # noqa: E402
from crosscheck.report import SyndicatedCopy  # noqa: E402

PART = "tune"


@dataclass(frozen=True, slots=True)
class CheckedArticle:
    """One check as the matcher saw it: the draft's claim texts and spans, each claim's
    candidates before the floor, the articles' affinities, the story articles, the copies."""

    article_id: str
    texts: list[str]
    spans: list[tuple[int, int]]
    article_text: str
    scored: list[list[CandidateMatch]]
    affinities: dict[str, float]
    story: list[str]
    copies: dict[str, SyndicatedCopy]
    claims_of: dict[str, int]
    """The number of stored claims of each candidate article."""


@dataclass(frozen=True, slots=True)
class Dump:
    sides: list[bench.Side]
    checks: dict[str, CheckedArticle]
    wanted: dict[str, set[str]]
    """Per side (``pair_id``), the public ids of the claims that hold the counterpart."""


@contextmanager
def recording(seen: list[dict[str, Any]]) -> Iterator[None]:
    """Record each check's pre-floor candidates and its syndicated copies."""
    boosted = matching.MatchFinder._boosted
    copies_of = service.syndicated_copies

    def record_boosted(
        self: matching.MatchFinder,
        scored: list[list[CandidateMatch]],
        weights: Mapping[str, float],
        story: Sequence[str] = (),
    ) -> list[list[CandidateMatch]]:
        seen.append({"scored": scored, "affinities": dict(weights), "story": list(story)})
        return boosted(self, scored, weights, story)

    def record_copies(*args: Any, **kwargs: Any) -> dict[str, SyndicatedCopy]:
        found = copies_of(*args, **kwargs)
        seen[-1]["copies"] = dict(found)
        return found

    matching.MatchFinder._boosted = record_boosted  # type: ignore[method-assign]
    service.syndicated_copies = record_copies
    try:
        yield
    finally:
        matching.MatchFinder._boosted = boosted  # type: ignore[method-assign]
        service.syndicated_copies = copies_of


def dump(data_dir: Path, shared: Path = bench.SHARED_DATA) -> Dump:
    sides = [s for s in bench.gold_sides(shared / bench.BASIL_GOLD, None) if s.part == PART]
    basil = bench.load_basil(shared / "corpora")
    app, client = bench.create_client(data_dir, "minilm")
    checks: dict[str, CheckedArticle] = {}
    try:
        indexed = bench.index_all(client, list(basil.values()))
        claim_counts = {key: len(body["claims"]) for key, body in indexed.items()}
        for number, article_id in enumerate(sorted({s.article for s in sides}), 1):
            seen: list[dict[str, Any]] = []
            with recording(seen):
                report = bench.check(client, basil[article_id], 5)
            (found,) = seen
            checks[article_id] = CheckedArticle(
                article_id,
                [claim["text"] for claim in report["claims"]],
                [(claim["start"], claim["end"]) for claim in report["claims"]],
                report["article"]["text"],
                found["scored"],
                found["affinities"],
                found["story"],
                found.get("copies", {}),
                claim_counts,
            )
            if number % 20 == 0:
                print(f"  checked {number}", file=sys.stderr, flush=True)
    finally:
        app.extensions["crosscheck"].close()
    wanted = {s.pair_id: bench.wanted_claim_ids(indexed[s.other], s.wanted) for s in sides}
    return Dump(sides, checks, wanted)


def load_or_dump(cache: Path, data_dir: Path) -> Dump:
    if cache.exists():
        with cache.open("rb") as handle:
            found: Dump = pickle.load(handle)  # our own cache file
        return found
    made = dump(data_dir)
    with cache.open("wb") as handle:
        pickle.dump(made, handle)
    return made
