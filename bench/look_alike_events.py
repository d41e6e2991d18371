"""Look-alike reports of two events, with no article dates to tell them apart.

    python bench/look_alike_events.py                # tune topics
    python bench/look_alike_events.py --part check   # measured, never tuned on
    python bench/look_alike_events.py --show         # also print the pairs called diverge

ECB+ holds, per topic, reports of two similar but different events (two earthquakes, two
title fights, two rehab check-ins). Every selected sentence of one event's reports is set
against the other event's selected sentences; the pairs whose packaged-MiniLM cosine reaches
``--min-similarity`` (the ones matching would offer) go through the served comparator with
its pair judge, **without article dates**, so that only the claims' own words can say the
events differ. Each such pair is two events: ``diverge`` there is a false alarm. The same is
done for pairs from two documents of one event, where ``diverge`` may be right; their
verdict shares show what the rules cost on reports of one event.
"""

from __future__ import annotations

import argparse
import itertools
import os
import sys
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

import numpy as np

from api.config import Config
from api.registry import Registry
from comparison import ClaimComparator, ClaimInput
from comparison.comparator import find_reasons
from comparison.distinct_events import distinct_events
from comparison.overlap import facts_overlap
from evaluation.ecb_corpus import (
    Doc,
    Sentence,
    load_docs,
    part_topics,
    selected_by_subtopic,
    sentence_text,
    siblings,
)
from evaluation.intervals import cluster_bootstrap

Pair = tuple[str, str, str, float]  # topic, claim, claim, cosine


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--shared-data", type=Path, default=Path(__file__).parents[2] / "shared/data"
    )
    parser.add_argument("--part", choices=("tune", "check"), default="tune")
    parser.add_argument("--min-similarity", type=float, default=0.6)
    parser.add_argument("--show", action="store_true", help="print the pairs called diverge")
    args = parser.parse_args(argv)
    topics = part_topics(args.shared_data, args.part)
    docs = load_docs(args.shared_data, topics)
    with tempfile.TemporaryDirectory() as tmp:
        registry = Registry(Config.from_env(data_dir=Path(tmp)))
        two, one = sentence_pairs(docs, registry.encoder.encode, args.min_similarity)
        print(f"ECB+ {args.part} topics: {len(topics)}, pairs at cosine >= {args.min_similarity}")
        for label, pairs in (("two events", two), ("one event", one)):
            report(label, pairs, registry.comparator, args.show and label == "two events")
        registry.close()
    return 0


def sentence_pairs(
    docs: dict[str, Doc], encode: object, floor: float
) -> tuple[list[Pair], list[Pair]]:
    """(pairs across the two events of a topic, pairs across two documents of one event)."""
    by_subtopic = selected_by_subtopic(docs)
    texts = {s: sentence_text(docs, s) for found in by_subtopic.values() for s in found}
    order = sorted(texts)
    vectors = np.asarray(encode([texts[s] for s in order]))  # type: ignore[operator]
    row = {s: i for i, s in enumerate(order)}
    two: list[Pair] = []
    one: list[Pair] = []
    for x, y in _subtopic_pairs(by_subtopic):
        for a, b in itertools.product(by_subtopic[x], by_subtopic[y]):
            if x == y and a[0] >= b[0]:
                continue  # one document's own sentences, or the pair twice
            cosine = float(vectors[row[a]] @ vectors[row[b]])
            if cosine >= floor:
                (one if x == y else two).append((x.split("_")[0], texts[a], texts[b], cosine))
    return two, one


def _subtopic_pairs(by_subtopic: dict[str, list[Sentence]]) -> Iterator[tuple[str, str]]:
    keys = sorted(by_subtopic)
    for x in keys:
        yield x, x
        yield from ((x, y) for y in keys if y > x and siblings(x, y))


def report(label: str, pairs: list[Pair], comparator: ClaimComparator, show: bool) -> None:
    judged: list[tuple[str, str]] = []  # topic, verdict
    set_apart = 0
    for topic, a, b, cosine in pairs:
        first, second = ClaimInput(a, None), ClaimInput(b, None)
        found = comparator.compare(first, second, cosine)
        judged.append((topic, found.verdict))
        fa, fb = comparator.facts(first), comparator.facts(second)
        set_apart += distinct_events(fa, fb, find_reasons(fa, fb, facts_overlap(fa, fb)))
        if show and found.verdict == "diverge":
            kinds = ", ".join(r.type for r in found.reasons)
            print(f"  [{kinds}] cosine {cosine:.2f}\n     A: {a}\n     B: {b}")
    shares = {v: _share(judged, v) for v in ("diverge", "agree", "unrelated")}
    interval = cluster_bootstrap(judged, lambda item: item[0], lambda xs: _share(xs, "diverge"))
    print(
        f"  {label:10s} n {len(judged):5d}  diverge {shares['diverge']:.3f} {interval}  "
        f"agree {shares['agree']:.3f}  unrelated {shares['unrelated']:.3f}  "
        f"set apart as two events: {set_apart}"
    )


def _share(judged: Sequence[tuple[str, str]], verdict: str) -> float:
    return sum(found == verdict for _, found in judged) / max(len(judged), 1)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
