"""Would a cross-encoder fine-tuned from the packaged MiniLM judge real pairs? A probe, tune only.

    python bench/cross_encoder_probe.py              # trained on the generated pairs alone
    python bench/cross_encoder_probe.py --folds 3    # plus the tune gold and audit pairs,
                                                     # scored out of fold (grouped by cluster)

The generated pairs are the pair judge's own (``make judge``: BBC, Reuters and BASIL tune
sentences edited FactCC-style). The model is MiniLM with its embeddings and lowest layers
frozen and a three-way head (agree / diverge / unrelated) on the mean of its last layer, read
over the pair as one input; seeded. Scored on the *tune* rows of each gold set, set against
what the engine does on them: the rules alone (``CROSSCHECK_VERDICT_JUDGE=off``) and the
shipped pair judge. Printed per set: the area under the ROC curve of p(diverge) over all pairs
and over the pairs where a rule fired (those the judge decides), and diverge precision /
recall / F1 when `diverge` needs a rule's reason and p(diverge) over a cut-off. Cut-offs are
not chosen on these rows: all are shown. It took 8 to 20 minutes on 2 cores (about 40 with
folds) on a machine shared with other runs.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

import numpy as np
import torch
from transformers import AutoModel, AutoTokenizer

from bench.slot_vectors import roc_auc
from training.gold import GoldPair

LABELS = ("agree", "diverge", "unrelated")
CUTOFFS = (0.3, 0.5, 0.7, 0.9)
SEED = 20261201
Row = tuple[str, str, str, float]  # a, b, label, weight


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=0, help="0: generated pairs only")
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--frozen-layers", type=int, default=3, help="of MiniLM's 6")
    parser.add_argument("--gold-weight", type=float, default=3.0)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args(argv)
    from training.audit_pairs import load_audit_pairs
    from training.gold import load_gold
    from training.train_judge import generated_pairs, load_featurizer, parse_args

    torch.manual_seed(SEED)
    settings = parse_args([])
    every = load_gold(settings.shared) + load_audit_pairs(settings.shared)
    tune = [p for p in every if p.part == "tune"]
    featurizer = load_featurizer(args.threads)
    generated: list[Row] = [
        (p.a, p.b, p.label, 0.3 if p.label == "unrelated" else 1.0)
        for p in generated_pairs(settings, featurizer)
    ]
    probe = Probe(args.frozen_layers, args.epochs)
    if args.folds:
        probabilities = probe.out_of_fold(generated, tune, args.folds, args.gold_weight)
    else:
        probabilities = probe.fit(generated).predict([(p.a, p.b) for p in tune])
    engine = engine_verdicts(settings.shared, [p for p in tune if p.set != "audit"])
    for name in ("basil", "ecb", "seed", "audit"):
        rows = [i for i, p in enumerate(tune) if p.set == name]
        print_set(name, [tune[i] for i in rows], probabilities[rows, 1], engine)
    return 0


class Probe:
    """MiniLM with a three-way head, fine-tuned on text pairs."""

    def __init__(self, frozen_layers: int, epochs: int) -> None:
        from embeddings import packaged_model_path

        self.path = str(packaged_model_path())
        self.tokenizer = AutoTokenizer.from_pretrained(self.path)
        self.frozen_layers, self.epochs = frozen_layers, epochs
        self.model: PairClassifier | None = None

    def out_of_fold(
        self, generated: list[Row], tune: Sequence[GoldPair], folds: int, weight: float
    ) -> np.ndarray:
        clusters = sorted({p.cluster for p in tune})
        random.Random(SEED).shuffle(clusters)
        fold_of = {cluster: i % folds for i, cluster in enumerate(clusters)}
        probabilities = np.zeros((len(tune), len(LABELS)))
        for fold in range(folds):
            held = [i for i, p in enumerate(tune) if fold_of[p.cluster] == fold]
            trained: list[Row] = [
                (p.a, p.b, p.label, weight) for p in tune if fold_of[p.cluster] != fold
            ]
            self.fit(generated + trained)
            probabilities[held] = self.predict([(tune[i].a, tune[i].b) for i in held])
        return probabilities

    def fit(self, rows: list[Row]) -> Probe:
        model = PairClassifier(self.path, self.frozen_layers)
        trainable = [p for p in model.encoder.parameters() if p.requires_grad]
        optimiser = torch.optim.AdamW(
            [{"params": trainable, "lr": 4e-5}, {"params": model.head.parameters(), "lr": 1e-3}],
            weight_decay=0.01,
        )
        order = random.Random(SEED)
        for _ in range(self.epochs):
            rows = order.sample(rows, len(rows))
            model.train()
            for start in range(0, len(rows), 16):
                batch = rows[start : start + 16]
                targets = torch.tensor([LABELS.index(label) for _, _, label, _ in batch])
                weights = torch.tensor([weight for *_, weight in batch])
                logits = model(self._inputs([(a, b) for a, b, _, _ in batch]))
                losses = torch.nn.functional.cross_entropy(logits, targets, reduction="none")
                optimiser.zero_grad()
                (losses * weights).mean().backward()
                optimiser.step()
        self.model = model
        return self

    def predict(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        assert isinstance(self.model, PairClassifier)
        self.model.eval()
        with torch.no_grad():
            parts = [
                torch.softmax(self.model(self._inputs(pairs[i : i + 64])), -1).numpy()
                for i in range(0, len(pairs), 64)
            ]
        return np.concatenate(parts)

    def _inputs(self, pairs: Sequence[tuple[str, str]]) -> dict[str, torch.Tensor]:
        return dict(
            self.tokenizer(
                [a for a, _ in pairs],
                [b for _, b in pairs],
                padding=True,
                truncation=True,
                max_length=160,
                return_tensors="pt",
            )
        )


class PairClassifier(torch.nn.Module):
    """MiniLM, its embeddings and lowest layers frozen, with a head on its last layer's mean."""

    def __init__(self, path: str, frozen_layers: int) -> None:
        super().__init__()
        self.encoder = AutoModel.from_pretrained(path)
        self.head = torch.nn.Linear(self.encoder.config.hidden_size, len(LABELS))
        for module in [self.encoder.embeddings, *self.encoder.encoder.layer[:frozen_layers]]:
            for parameter in module.parameters():
                parameter.requires_grad = False

    def forward(self, inputs: dict[str, torch.Tensor]) -> torch.Tensor:
        hidden = self.encoder(**inputs).last_hidden_state
        mask = inputs["attention_mask"].unsqueeze(-1).float()
        return self.head((hidden * mask).sum(1) / mask.sum(1))


def engine_verdicts(shared: Path, pairs: Sequence[GoldPair]) -> dict[tuple[str, str], list[str]]:
    """(set, id) → the verdicts of the rules alone and of the shipped judge."""
    from api.config import Config
    from api.registry import Registry
    from comparison.model import ClaimInput

    verdicts: dict[tuple[str, str], list[str]] = {}
    for judge in ("off", "packaged"):
        with tempfile.TemporaryDirectory() as tmp:
            registry = Registry(Config.from_env(data_dir=Path(tmp), verdict_judge=judge))
            for p in pairs:
                a, b = ClaimInput(p.a, p.a_date), ClaimInput(p.b, p.b_date)
                _, comparison = registry.service.compare_claims(a, b)
                verdicts.setdefault((p.set, p.id), []).append(comparison.verdict)
            registry.close()
    return verdicts


def print_set(
    name: str,
    pairs: Sequence[GoldPair],
    p_diverge: np.ndarray,
    engine: dict[tuple[str, str], list[str]],
) -> None:
    gold = np.array([p.label == "diverge" for p in pairs])
    print(f"{name} tune: n {len(pairs)}, diverge {int(gold.sum())}")
    print(f"   p(diverge) AUC, all pairs {_auc(gold, p_diverge):.3f}", end="")
    if name == "audit":
        print()
        return
    rules = np.array([engine[(p.set, p.id)][0] == "diverge" for p in pairs])
    judge = np.array([engine[(p.set, p.id)][1] == "diverge" for p in pairs])
    print(f"; where a rule fired ({int(rules.sum())}) {_auc(gold[rules], p_diverge[rules]):.3f}")
    print(f"   rules alone            {_prf(gold, rules)}")
    print(f"   rules + shipped judge  {_prf(gold, judge)}")
    for cutoff in CUTOFFS:
        print(f"   rules + probe >= {cutoff}  {_prf(gold, rules & (p_diverge >= cutoff))}")


def _auc(gold: np.ndarray, scores: np.ndarray) -> float:
    return roc_auc(list(zip(gold.tolist(), scores.tolist(), strict=True)))


def _prf(gold: np.ndarray, called: np.ndarray) -> str:
    hits = int((gold & called).sum())
    precision = hits / called.sum() if called.sum() else 0.0
    recall = hits / gold.sum() if gold.sum() else 0.0
    f1 = 2 * precision * recall / (precision + recall) if hits else 0.0
    return f"P {precision:.2f}  R {recall:.2f}  F1 {f1:.2f}"


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
