"""Fit the match re-ranker's weights on the BASIL tune part; record them and their recall.

    python training/train_ranker.py --data-dir /tmp/h3-store            # report + record
    python training/train_ranker.py --data-dir /tmp/h3-store --dry-run  # report only

The data dir is a store built by ``bench/matching_recall.py --distractors 0 --data-dir``
(the 300 BASIL articles, indexed once). Every tune side's article is checked there and the
matcher's candidates recorded (:mod:`training.ranker_dump`, cached in ``--cache``); each
candidate gets the features of :mod:`training.ranker_features`, and a re-ranker is replayed
exactly as the service applies it (floor, closest claim of each story article, same-story
first, diversified top 5) to count recall@5. Weights are fitted by a pairwise logistic
ranker (scikit-learn: the gold counterpart against each rival that could be shown in its
place) and cross-validated by event (GroupKFold over the BASIL triplets); the feature set
and C are chosen inside each training fold (nested), against the hand weights of
:mod:`crosscheck.rerank`. The record (``training/ranker_weights.json``) says whether the
fit is ``adopted``: only a nested-CV recall above the hand weights' would justify wiring it
into :mod:`crosscheck.rerank`. Deterministic: no sampling, a fixed fold assignment.
Check-part pairs are never read.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
import numpy.typing as npt
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from bench import matching_recall as bench  # noqa: E402
from crosscheck import rerank  # noqa: E402
from crosscheck.matching import (  # noqa: E402
    STORY_FLOOR_SHARE,
    CandidateMatch,
    closest_in_story,
    mark_same_story,
    select,
)
from evaluation.intervals import cluster_bootstrap  # noqa: E402
from training.ranker_dump import CheckedArticle, Dump, load_or_dump  # noqa: E402
from training.ranker_features import (  # noqa: E402
    FEATURES,
    Ranker,
    features,
    relative_position,
    text_position,
)

FLOOR = 0.5
TOP_K = 5
FOLDS = 5
OUTPUT = REPO_ROOT / "training" / "ranker_weights.json"
HAND = Ranker(
    {
        "cosine": 1.0,
        "lexical": rerank.LEXICAL_WEIGHT,
        "anchors": rerank.ANCHOR_WEIGHT,
        "distinctive": rerank.DISTINCTIVE_WEIGHT,
        "affinity": rerank.AFFINITY_WEIGHT,
    }
)
Matrix = npt.NDArray[np.float64]


@dataclass(frozen=True, slots=True)
class Row:
    """One checked claim's candidates with their features (rows of ``values``)."""

    candidates: list[CandidateMatch]
    values: Matrix


def featurized(check: CheckedArticle) -> list[Row]:
    rows = []
    count = len(check.texts)
    words = rerank.WordWeights.over([])  # unused: the recorded bonus stands for it, below
    for index, (text, scored) in enumerate(zip(check.texts, check.scored, strict=True)):
        this = rerank.terms(text)
        values = []
        for c in scored:
            other = rerank.terms(c.claim.text)
            found = features(
                c.similarity,
                this,
                other,
                words,
                check.affinities.get(c.article.id, 0.0),
                relative_position(index, count),
                text_position(c.claim.start, len(c.article.text)),
            )
            # the check's own idf weights are not kept: the recorded bonus is their cosine
            found["distinctive"] = c.distinctive / rerank.DISTINCTIVE_WEIGHT
            values.append([found[name] for name in FEATURES])
        rows.append(
            Row(list(scored), np.array(values, dtype=np.float64).reshape(-1, len(FEATURES)))
        )
    return rows


def shown(
    rows: Sequence[Row], check: CheckedArticle, weights: npt.NDArray[np.float64]
) -> list[list[CandidateMatch]]:
    """The top ``TOP_K`` of each claim as the service would show them under ``weights``."""
    boosted = []
    for row in rows:
        scores = row.values @ weights if len(row.candidates) else np.zeros(0)
        ranked = [
            replace(c, distinctive=float(score) - c.relevance)
            for c, score in zip(row.candidates, scores, strict=True)
        ]
        kept = closest_in_story(ranked, check.story, STORY_FLOOR_SHARE * FLOOR)
        boosted.append(
            sorted(
                (
                    replace(
                        c,
                        affinity=check.affinities.get(c.article.id, 0.0),
                        under_floor=c.relevance < FLOOR,
                    )
                    for c in ranked
                    if c.relevance >= FLOOR or c.claim.key in kept
                ),
                key=lambda c: -c.rank,
            )
        )
    return [select(row, TOP_K, check.copies) for row in mark_same_story(boosted, check.copies)]


def own_rows(side: bench.Side, check: CheckedArticle) -> list[int]:
    """The draft claims that hold the side's text (as the bench finds them)."""
    start = check.article_text.find(side.text)
    if start < 0:
        start = check.article_text.casefold().find(side.text.casefold())
    if start < 0:
        return []
    end = start + len(side.text)
    return [index for index, (s, e) in enumerate(check.spans) if s < end and start < e]


def is_wanted(c: CandidateMatch, side: bench.Side, wanted: set[str]) -> bool:
    return c.article.id == side.other and c.claim.public_id in wanted


def side_hit(
    side: bench.Side,
    check: CheckedArticle,
    top: Sequence[Sequence[CandidateMatch]],
    wanted: set[str],
) -> bool:
    return any(is_wanted(c, side, wanted) for index in own_rows(side, check) for c in top[index])


def recall(
    data: Dump, rows_of: Mapping[str, list[Row]], sides: Sequence[bench.Side], weights: Matrix
) -> list[bool]:
    tops = {
        article: shown(rows_of[article], data.checks[article], weights)
        for article in sorted({side.article for side in sides})
    }
    return [
        side_hit(side, data.checks[side.article], tops[side.article], data.wanted[side.pair_id])
        for side in sides
    ]


def pairs(data: Dump, rows_of: Mapping[str, list[Row]], sides: Sequence[bench.Side]) -> Matrix:
    """Differences (gold counterpart − rival) for every rival that could be shown in its
    place: above the floor, or a claim of a story article above the story floor."""
    differences: list[Matrix] = []
    for side in sides:
        check = data.checks[side.article]
        for index in own_rows(side, check):
            row = rows_of[side.article][index]
            gold = [
                n
                for n, c in enumerate(row.candidates)
                if is_wanted(c, side, data.wanted[side.pair_id])
                and c.relevance >= STORY_FLOOR_SHARE * FLOOR
            ]
            rivals = [
                n
                for n, c in enumerate(row.candidates)
                if n not in gold
                and (
                    c.relevance >= FLOOR
                    or (c.article.id in check.story and c.relevance >= STORY_FLOOR_SHARE * FLOOR)
                )
            ]
            for g in gold:
                differences.extend(row.values[g] - row.values[r] for r in rivals)
    return np.array(differences, dtype=np.float64).reshape(-1, len(FEATURES))


def fit(differences: Matrix, used: Sequence[str], c_value: float) -> Matrix:
    """Pairwise logistic ranker on the ``used`` features, scaled so cosine weighs 1."""
    columns = [FEATURES.index(name) for name in used]
    x = differences[:, columns]
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    # both orders of each pair, so the problem is symmetric and needs no intercept
    xs = np.vstack([x / scale, -x / scale])
    ys = np.concatenate([np.ones(len(x)), np.zeros(len(x))])
    model = LogisticRegression(C=c_value, fit_intercept=False, max_iter=5000)
    model.fit(xs, ys)
    weights = np.zeros(len(FEATURES))
    weights[columns] = model.coef_[0] / scale
    cosine = weights[FEATURES.index("cosine")]
    return weights / cosine if cosine > 0 else weights


def hand_weights() -> Matrix:
    return np.array([HAND.weights.get(name, 0.0) for name in FEATURES])


def event(side: bench.Side) -> str:
    return side.article.rsplit("_", 1)[0]


def out_of_fold(
    data: Dump,
    rows_of: Mapping[str, list[Row]],
    sides: Sequence[bench.Side],
    choose: Callable[[Sequence[bench.Side]], Matrix],
) -> list[bool]:
    """Hits of every side under weights chosen (``choose``) on the other events' sides."""
    hits = [False] * len(sides)
    groups = [event(side) for side in sides]
    for train, test in GroupKFold(n_splits=FOLDS).split(np.zeros(len(sides)), groups=groups):
        weights = choose([sides[n] for n in train])
        found = recall(data, rows_of, [sides[n] for n in test], weights)
        for n, hit in zip(test, found, strict=True):
            hits[n] = hit
    return hits


def fitter(
    data: Dump, rows_of: Mapping[str, list[Row]], used: Sequence[str], c_value: float
) -> Callable[[Sequence[bench.Side]], Matrix]:
    """Fits the weights of ``used`` features with ``C`` on the sides it is given."""

    def fitted(train: Sequence[bench.Side]) -> Matrix:
        return fit(pairs(data, rows_of, train), used, c_value)

    return fitted


def cross_validated(
    data: Dump, rows_of: Mapping[str, list[Row]], used: Sequence[str], c_value: float
) -> list[bool]:
    """Out-of-fold hits of every tune side for one feature set and C."""
    return out_of_fold(data, rows_of, data.sides, fitter(data, rows_of, used, c_value))


def best_setting(
    data: Dump, rows_of: Mapping[str, list[Row]], sides: Sequence[bench.Side]
) -> tuple[str, float, float]:
    """The feature set and C of the highest recall cross-validated within ``sides``, and that
    recall (ties: the first, so the smaller set and C)."""
    best: tuple[str, float, float] | None = None
    for name, used in SETS.items():
        for c_value in C_VALUES:
            hits = out_of_fold(data, rows_of, sides, fitter(data, rows_of, used, c_value))
            score = sum(hits) / len(hits)
            if best is None or score > best[2]:
                best = (name, c_value, score)
    assert best is not None
    return best


def nested(data: Dump, rows_of: Mapping[str, list[Row]]) -> list[bool]:
    """Out-of-fold hits where the feature set and C are chosen inside each training fold."""

    def choose(train: Sequence[bench.Side]) -> Matrix:
        name, c_value, _ = best_setting(data, rows_of, train)
        print(f"  fold: chose {name}, C={c_value}", file=sys.stderr, flush=True)
        return fit(pairs(data, rows_of, train), SETS[name], c_value)

    return out_of_fold(data, rows_of, data.sides, choose)


def describe(name: str, sides: Sequence[bench.Side], hits: Sequence[bool]) -> str:
    """The share of hits with its 95% interval, resampling events (sides of one event are not
    independent), as every figure of :mod:`evaluation` is given."""
    hit_of = dict(zip(map(id, sides), hits, strict=True))
    found = cluster_bootstrap(sides, event, lambda drawn: _share([hit_of[id(s)] for s in drawn]))
    return f"{name:<34} {_share(hits):.3f} {found or '[n/a]'} n={len(hits)}"


def _share(hits: Sequence[bool]) -> float:
    return sum(hits) / len(hits)


HAND_FEATURES = ("cosine", "lexical", "anchors", "distinctive", "affinity")
SETS: dict[str, tuple[str, ...]] = {
    "hand features": HAND_FEATURES,
    "+ names/numbers": (*HAND_FEATURES, "names", "numbers"),
    "+ position": (*HAND_FEATURES, "position_gap", "both_lede"),
    "+ length": (*HAND_FEATURES, "length_ratio"),
    "all": FEATURES,
}
C_VALUES = (0.01, 0.1, 1.0)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/crosscheck-ranker-dump.pkl"))
    parser.add_argument("--output", type=Path, default=OUTPUT)
    parser.add_argument("--dry-run", action="store_true", help="report, write nothing")
    args = parser.parse_args(argv)
    data = load_or_dump(args.cache, args.data_dir)
    rows_of = {article: featurized(check) for article, check in data.checks.items()}
    hand = recall(data, rows_of, data.sides, hand_weights())
    print(describe("hand weights (no fit)", data.sides, hand))
    for name, used in SETS.items():
        for c_value in C_VALUES:
            print(
                describe(
                    f"CV {name}, C={c_value}",
                    data.sides,
                    cross_validated(data, rows_of, used, c_value),
                )
            )
    outer = nested(data, rows_of)
    print(describe("nested CV (set and C chosen per fold)", data.sides, outer))
    name, c_value, _ = best_setting(data, rows_of, data.sides)
    weights = fit(pairs(data, rows_of, data.sides), SETS[name], c_value)
    pairs_of = zip(FEATURES, weights, strict=True)
    fitted = {feature: round(float(w), 4) for feature, w in pairs_of if w}
    in_sample = recall(data, rows_of, data.sides, weights)
    print(f"fitted on all tune sides: {name}, C={c_value}: {json.dumps(fitted)}")
    print(describe("  in-sample", data.sides, in_sample))
    adopted = sum(outer) > sum(hand)
    print(
        "adopted: nested CV recall beats the hand weights"
        if adopted
        else "not adopted: nested CV recall does not beat the hand weights"
    )
    if args.dry_run:
        return
    body = {
        "about": "match re-ranker fitted by training/train_ranker.py on the BASIL tune part",
        "adopted": adopted,
        "tune_sides": len(data.sides),
        "recall_at_5_tune": {
            "hand_weights": round(sum(hand) / len(hand), 4),
            "nested_cv": round(sum(outer) / len(outer), 4),
            "fitted_in_sample": round(sum(in_sample) / len(in_sample), 4),
        },
        "features": name,
        "C": c_value,
        "weights": fitted,
    }
    args.output.write_text(json.dumps(body, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()
