"""Would MiniLM fine-tuned on ECB+ event coreference find counterparts better? A probe.

    python bench/encoder_finetune_probe.py --out /tmp/minilm-ecb
    CROSSCHECK_MODEL_PATH=/tmp/minilm-ecb python bench/matching_recall.py --distractors 0

The misses of matching are paraphrases of one fact in other words, where the packaged
encoder's cosine is low. ECB+ annotates which event mentions of different documents refer to
the same event: two sentences of two documents of one sub-topic that hold mentions of one
event instance are two outlets' words for it. This trains the packaged MiniLM to bring such
sentences together (contrastive, in-batch negatives), with a sentence about the *other*,
look-alike event of the same topic as each pair's hard negative; in-batch sentences of the
anchor's own sub-topic are not counted as negatives (they often tell the same event).

Only the ECB+ topics of the *tune* part of ``ecb-dev.jsonl`` are read: the check topics are
for measuring, and topics outside the dev set may be held out. BASIL is not trained on, so
``bench/matching_recall.py``'s tune figure is out of sample. Seeded; one epoch.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import sys
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

import torch
from sentence_transformers import SentenceTransformer

from embeddings import packaged_model_path
from evaluation.ecb_corpus import (
    ECB,
    Sentence,
    is_prose,
    load_docs,
    part_topics,
    selected_by_subtopic,
    sentence_text,
    siblings,
)

SEED = 20261201
SCALE = 20.0


@dataclass(frozen=True, slots=True)
class Example:
    anchor: str
    positive: str
    negative: str
    subtopic: str


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--shared-data", type=Path, default=Path(__file__).parents[2] / "shared/data"
    )
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--pairs", type=int, default=4000, help="most training pairs")
    parser.add_argument("--per-sentence", type=int, default=8, help="most pairs per sentence")
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--lr", type=float, default=2e-5)
    parser.add_argument("--epochs", type=int, default=1)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args(argv)
    random.seed(SEED)
    torch.manual_seed(SEED)
    torch.set_num_threads(args.threads)
    examples = training_examples(args.shared_data, args.pairs, args.per_sentence)
    print(f"{len(examples)} pairs from {len({e.subtopic for e in examples})} sub-topics")
    model = SentenceTransformer(str(packaged_model_path()), device="cpu")
    train(model, examples, args.batch, args.lr, args.epochs)
    model.save(str(args.out))
    print(f"saved {args.out}")
    return 0


# -- data -------------------------------------------------------------------------------------


def training_examples(shared: Path, most: int, per_sentence: int) -> list[Example]:
    docs = load_docs(shared, part_topics(shared, "tune"))
    pairs = coreferent_pairs(shared, docs)
    rng = random.Random(SEED)
    rng.shuffle(pairs)
    by_subtopic = selected_by_subtopic(docs)
    used: dict[Sentence, int] = defaultdict(int)
    examples = []
    for a, b in pairs:
        if used[a] >= per_sentence or used[b] >= per_sentence:
            continue
        subtopic = docs[a[0]]["subtopic"]
        others = [s for key, found in by_subtopic.items() if siblings(key, subtopic) for s in found]
        if not others:
            continue
        negative = rng.choice(others)
        used[a] += 1
        used[b] += 1
        examples.append(
            Example(
                sentence_text(docs, a),
                sentence_text(docs, b),
                sentence_text(docs, negative),
                subtopic,
            )
        )
        if len(examples) >= most:
            break
    return examples


def coreferent_pairs(shared: Path, docs: dict[str, dict]) -> list[tuple[Sentence, Sentence]]:
    """Sentence pairs of two documents of one sub-topic that mention one event instance."""
    holders: dict[tuple[str, str], set[Sentence]] = defaultdict(set)
    with (shared / ECB / "ecbplus_mentions.csv").open(encoding="utf-8") as handle:
        for mention in csv.DictReader(handle):
            doc = docs.get(mention["doc_id"])
            if doc is None or not mention["instance_id"] or "ACTION" not in mention["tag"]:
                continue
            sentence = int(mention["sent"])
            if sentence in doc["selected_sentences"] and is_prose(doc, sentence):
                holders[(doc["subtopic"], mention["instance_id"])].add((doc["doc_id"], sentence))
    pairs = {
        (a, b)
        for sentences in holders.values()
        for a in sentences
        for b in sentences
        if a[0] < b[0]
    }
    return sorted(pairs)


# -- training ---------------------------------------------------------------------------------


def train(
    model: SentenceTransformer, examples: list[Example], batch: int, lr: float, epochs: int
) -> None:
    optimiser = torch.optim.AdamW(model.parameters(), lr=lr)
    steps = epochs * ((len(examples) + batch - 1) // batch)
    warmup = max(1, steps // 10)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda step: min(1.0, (step + 1) / warmup) * max(0.0, (steps - step) / steps)
    )
    model.train()
    step = 0
    for epoch in range(epochs):
        order = list(examples)
        random.Random(SEED + epoch).shuffle(order)
        for chunk in _batches(order, batch):
            loss = _loss(model, chunk)
            loss.backward()
            optimiser.step()
            schedule.step()
            optimiser.zero_grad()
            step += 1
            if step % 10 == 0 or step == steps:
                print(f"step {step}/{steps} loss {loss.item():.4f}", flush=True)
    model.eval()


def _batches(items: list[Example], size: int) -> Iterator[list[Example]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _loss(model: SentenceTransformer, chunk: list[Example]) -> torch.Tensor:
    """Cross-entropy of each anchor over every positive and negative of the batch, with the
    other positives of the anchor's own sub-topic masked out (likely the same event)."""
    anchors = _embed(model, [e.anchor for e in chunk])
    candidates = _embed(model, [e.positive for e in chunk] + [e.negative for e in chunk])
    scores = SCALE * anchors @ candidates.T
    n = len(chunk)
    same = torch.tensor([[a.subtopic == b.subtopic for b in chunk] for a in chunk])
    mask = torch.cat(
        [same & ~torch.eye(n, dtype=torch.bool), torch.zeros(n, n, dtype=torch.bool)], 1
    )
    scores = scores.masked_fill(mask, float("-inf"))
    return torch.nn.functional.cross_entropy(scores, torch.arange(n))


def _embed(model: SentenceTransformer, texts: list[str]) -> torch.Tensor:
    features = model.tokenize(texts)
    return model(features)["sentence_embedding"]


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
