"""The model card ``comparison/data/PAIR_JUDGE.md``, written from the judge file itself."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

HEADER = """# Pair judge (model card)

A small learned judge over rule-based pair features. It decides, per claim pair, between
`agree`, `diverge` and `unrelated`; it never invents a divergence: `diverge` needs the rules'
reasons, which are what the editor sees.

*This file is written by `make judge` (`python -m training.train_judge`); do not edit by hand.*

## Decision

`p = judge.probabilities(pair_features(fa, fb, similarity, reasons))`;
**diverge** iff the rules found reasons and `p[diverge] >= {diverge_quote}` when a quote
reason is among them or a number or date reason fills one slot of two claims of one news cycle
(`comparison/slots.py`), `p[diverge] >= {diverge}` otherwise;
else **agree** iff `p[agree] >= {agree}`; else **unrelated**.
The judge is not asked about pairs the comparator settles: different events and pairs
sharing nothing are **unrelated**; a pair with no reasons shown to state one fact (every
figure, date, name, quote, stance and source matched, the same words in the same roles
outside them: `comparison/same_fact.py`) is **agree**.

Thresholds were chosen on out-of-fold (grouped by cluster) predictions of the *tune* rows
(gold tune parts and tune audit records): the two diverge thresholds together, for the highest
diverge F1 with diverge precision >= 0.85, false diverge on agree <= 0.05 and false diverge on
unrelated (different events, look-alike facts, claims stating another fact) <= 0.05
(met: {diverge_met}); the lowest agree threshold with agree precision >= 0.9
(met: {agree_met}). Pairs the comparator settles before asking the judge (different events,
lemma overlap below 0.1) count as unrelated. Quote reasons get their own threshold because on
the tune rows they are the reliable kind: words that differ inside two renderings of one
utterance (and, likewise, two figures or dates given to one counted noun or one predicate by
two claims of one news cycle), while the other reasons fire as often on two claims stating
different facts. Whether a reason fills one slot is also a feature (`reason_same_slot`): two
claims framed differently share few words, and without it their low similarity kept
p(diverge) under even the quote threshold.

## Model

{model}, scikit-learn {sklearn}, C = {c}, tune rows weighted {gold_weight}x against
generated rows, generated unrelated rows weighted {unrelated_weight}x (all three chosen by
out-of-fold log loss on the tune rows: {cv_log_loss}). Inputs are
standardised with the stored means/scales; inference is numpy only
(`comparison/pair_judge.py`). {n_features} features, {n_labels} classes; file size
{size} bytes. Seed {seed}.

## Data

Generated pairs: sentences of {bbc} BBC articles, {reuters} Reuters-21578 stories and every
article of the BASIL *tune* triplets (check and held-out triplets are never read), edited by
`training/perturb.py` (meaning-changing edits → diverge, meaning-keeping edits → agree,
another sentence of the same article or topic → unrelated). Per corpus: {by_corpus}.

| label | generator | pairs | of which with a second, meaning-keeping edit |
|---|---|---|---|
{generated}

Gold *tune* parts (`evaluation/splits.py`; different_event and unrelated_boilerplate →
unrelated) and the labelled audit records of BASIL *tune* events (`training/audit_pairs.py`:
the flags and corroborations real check reports raised, labelled by reading; files read:
{audit_files}): {gold_tune}.

## Features

{features}

Largest standardised weights (p(diverge) and p(agree) logits):

{weights}

## Scores

Tune rows are scored on out-of-fold predictions, check rows with the final model.
"Rules" is the comparator without a judge: unrelated for different events or lemma overlap
below 0.1, diverge whenever the rules find reasons, agree from overlap 0.2, else unrelated.
Agree P is the share of agree verdicts that are gold agree; agree R the share of gold agree
pairs judged agree (agr.); f.d. is the share of gold agree (or unrelated, unr.) pairs judged
diverge.

| set | part | n | who | div. P | div. R | div. F1 | f.d. agree | f.d. unr. | agr. P (n) | agr. R |
|---|---|---|---|---|---|---|---|---|---|---|
{scores}

## Rebuild

```sh
make judge          # = .venv/bin/python -m training.train_judge
```

Deterministic for a given code state and data (fixed seed, sorted file lists, no caches);
a rule change changes the features, so re-run it after changing the rules.
"""


def _generated_rows(generated: Mapping[str, Mapping[str, int]]) -> str:
    """One row per label and first edit; edits stacked on top of it are counted apart."""
    rows = []
    for label, names in generated.items():
        totals: dict[str, list[int]] = {}
        for name, count in names.items():
            base = name.split("+")[0]
            total = totals.setdefault(base, [0, 0])
            total[0] += count
            total[1] += count if "+" in name else 0
        rows += [f"| {label} | {base} | {n} | {stacked} |" for base, (n, stacked) in totals.items()]
    return "\n".join(rows)


def _score_rows(scores: list[Mapping[str, Any]]) -> str:
    lines = []
    for row in scores:
        for who in ("judge", "rules"):
            s = row[who]
            lines.append(
                f"| {row['set']} | {row['part']} | {int(s['n'])} | {who} "
                f"| {s['diverge_precision']:.2f} | {s['diverge_recall']:.2f} "
                f"| {s['diverge_f1']:.2f} | {s['false_diverge_on_agree']:.2f} "
                f"| {s['false_diverge_on_unrelated']:.2f} "
                f"| {s['agree_precision']:.2f} ({int(s['agree_predicted'])}) "
                f"| {s['agree_recall']:.2f} |"
            )
    return "\n".join(lines)


def _top_weights(data: Mapping[str, Any], count: int = 8) -> str:
    lines = []
    for label in ("diverge", "agree"):
        row = data["coefficients"][data["labels"].index(label)]
        ranked = sorted(zip(data["feature_names"], row, strict=True), key=lambda w: -abs(w[1]))
        shown = ", ".join(f"`{name}` {weight:+.2f}" for name, weight in ranked[:count])
        lines.append(f"- {label}: {shown}")
    return "\n".join(lines)


def _inline(counts: Mapping[str, int]) -> str:
    return ", ".join(f"{key} {value}" for key, value in counts.items())


def render_card(data: Mapping[str, Any], size: int) -> str:
    training = data["training"]
    met = training["thresholds_met_constraints"]
    return HEADER.format(
        diverge=data["thresholds"]["diverge"],
        diverge_quote=data["thresholds"].get("diverge_quote", data["thresholds"]["diverge"]),
        agree=data["thresholds"]["agree"],
        diverge_met=met["diverge"],
        agree_met=met["agree"],
        model=training["model"],
        sklearn=training["sklearn"],
        c=training["regularisation_C"],
        gold_weight=training["gold_weight"],
        unrelated_weight=training["generated_unrelated_weight"],
        cv_log_loss=training["cv_log_loss"],
        n_features=len(data["feature_names"]),
        n_labels=len(data["labels"]),
        size=size,
        seed=training["seed"],
        bbc=training["articles"]["bbc"],
        reuters=training["articles"]["reuters"],
        by_corpus=_inline(training["generated_by_corpus"]),
        generated=_generated_rows(training["generated"]),
        gold_tune=_inline(training["gold_tune"]),
        audit_files=", ".join(f"`{name}`" for name in training.get("audit_files", [])) or "none",
        features=", ".join(f"`{name}`" for name in data["feature_names"]),
        scores=_score_rows(training["scores"]),
        weights=_top_weights(data),
    )


def write_card(path: Path, data: Mapping[str, Any], size: int) -> None:
    path.write_text(render_card(data, size), encoding="utf-8")
