"""Would the neighbouring sentences tell a counterpart from its neighbours? A probe, tune only.

    python bench/matching_recall.py --distractors 0 --data-dir /tmp/mr   # builds the corpus
    python bench/context_ranking_probe.py --data-dir /tmp/mr --window 1

Replays the recorded checks of the BASIL *tune* sides (``training/ranker_dump.py``) with the
hand re-ranker's score plus ``weight`` times a context term: the cosine of the mean packaged
MiniLM embedding of the ``window`` claims either side of the checked claim and of the
candidate, in their own articles. Prints match recall@5 for each weight and the sides gained
and lost against the hand weights.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from embeddings import PACKAGED_MODEL_NAME, SentenceTransformerEncoder, packaged_model_path
from training import train_ranker
from training.ranker_dump import CheckedArticle, load_or_dump

WEIGHTS = (0.0, 0.1, 0.2, 0.3, 0.5, 0.8)
Vector = npt.NDArray[np.float32]


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/crosscheck-ranker-dump.pkl"))
    parser.add_argument("--window", type=int, default=1)
    args = parser.parse_args(argv)
    data = load_or_dump(args.cache, args.data_dir)
    rows_of = {article: train_ranker.featurized(check) for article, check in data.checks.items()}
    hand = train_ranker.hand_weights()
    base = train_ranker.recall(data, rows_of, data.sides, hand)
    articles = stored_claims(args.data_dir / "crosscheck.sqlite3")
    texts = {t for check in data.checks.values() for t in check.texts}
    vectors = encode(sorted(texts | {t for claims in articles.values() for t in claims}))
    context = {
        article: context_terms(check, articles, vectors, args.window)
        for article, check in data.checks.items()
    }
    for weight in WEIGHTS:
        widened = {
            article: [
                train_ranker.Row(row.candidates, np.hstack([row.values, terms.reshape(-1, 1)]))
                for row, terms in zip(rows, context[article], strict=True)
            ]
            for article, rows in rows_of.items()
        }
        hits = train_ranker.recall(data, widened, data.sides, np.append(hand, weight))
        gained = sum(h and not b for h, b in zip(hits, base, strict=True))
        lost = sum(b and not h for h, b in zip(hits, base, strict=True))
        share = sum(hits) / len(hits)
        print(
            f"window {args.window}, weight {weight}: recall@5 {share:.3f} (n {len(hits)}), "
            f"gained {gained}, lost {lost}"
        )
    return 0


def stored_claims(database: Path) -> dict[str, list[str]]:
    claims: dict[str, list[str]] = defaultdict(list)
    with sqlite3.connect(database) as connection:
        query = "SELECT article_id, text FROM claims ORDER BY article_id, position"
        for article, text in connection.execute(query):
            claims[article].append(text)
    return claims


def encode(texts: list[str]) -> dict[str, Vector]:
    encoder = SentenceTransformerEncoder(packaged_model_path(), name=PACKAGED_MODEL_NAME)
    return dict(zip(texts, np.asarray(encoder.encode(texts)), strict=True))


def window_vector(
    texts: Sequence[str], index: int, size: int, vectors: dict[str, Vector]
) -> Vector | None:
    around = [
        j for j in range(index - size, index + size + 1) if 0 <= j < len(texts) and j != index
    ]
    if not around:
        return None
    mean = np.mean([vectors[texts[j]] for j in around], axis=0)
    return mean / np.linalg.norm(mean)


def context_terms(
    check: CheckedArticle,
    articles: dict[str, list[str]],
    vectors: dict[str, Vector],
    size: int,
) -> list[npt.NDArray[np.float64]]:
    terms = []
    for index, row in enumerate(check.scored):
        own = window_vector(check.texts, index, size, vectors)
        values = []
        for candidate in row:
            theirs = window_vector(
                articles[candidate.article.id], candidate.claim.position, size, vectors
            )
            values.append(float(own @ theirs) if own is not None and theirs is not None else 0.0)
        terms.append(np.array(values, dtype=np.float64))
    return terms


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
