"""Diverge pairs made from tune pairs that agree (``training.paraphrase``), on sentences written
for these tests: an edit counts only when it changes a detail both sides state; near-misses are
edits of a detail only the edited side has. Also: out-of-fold predictions leave out the rows
made from a held-out group."""

from __future__ import annotations

import random
from datetime import date
from typing import cast

import numpy as np
import pytest

from facts.model import ClaimFacts
from training.featurize import FeatureRows, Featurizer
from training.fit import LabelledRows, out_of_fold_probabilities
from training.gold import GoldPair
from training.paraphrase import edit_is_shared, paraphrase_pairs
from training.perturb import GeneratedPair
from training.source import Source
from training.train_judge import with_paraphrase_pairs

DAY = date(2024, 5, 6)


@pytest.mark.parametrize(
    ("original", "edited", "other"),
    [
        (  # a figure both sides give
            "The storm killed 12 people in the region, officials said.",
            "The storm killed 15 people in the region, officials said.",
            "Twelve? No: 12 people died when the storm hit, the governor said.",
        ),
        (  # a day both sides give, in other words around it
            "Voters approved the measure on Tuesday.",
            "Voters approved the measure on Thursday.",
            "The measure, approved Tuesday by voters, takes effect in May.",
        ),
        (  # an inserted negation next to a verb both sides state
            "The company will close the plant.",
            "The company will not close the plant.",
            "Managers said they would close the plant next year.",
        ),
    ],
)
def test_an_edit_of_a_shared_detail_counts(original: str, edited: str, other: str) -> None:
    assert edit_is_shared(original, edited, other)


@pytest.mark.parametrize(
    ("original", "edited", "other"),
    [
        (  # the figure is a detail only the edited side adds
            "The storm killed 12 people in the region, officials said.",
            "The storm killed 15 people in the region, officials said.",
            "The storm hit the region overnight, officials said.",
        ),
        (  # a name only the edited side has
            "Smith told reporters the storm was the worst in years.",
            "Jones told reporters the storm was the worst in years.",
            "The storm was the worst in years, the mayor said.",
        ),
        (  # an insertion next to words the other side does not state
            "The company will close the plant.",
            "The company will not close the plant.",
            "Output at the factory fell sharply.",
        ),
        ("The plant stays open.", "The plant stays open.", "The plant stays open."),
    ],
)
def test_an_edit_of_a_detail_only_one_side_has_does_not(
    original: str, edited: str, other: str
) -> None:
    assert not edit_is_shared(original, edited, other)


def _facts(claim: tuple[str, date | None]) -> ClaimFacts:
    return ClaimFacts(claim[0], claim[1], frozenset())


def _change_twelve(source: Source, rng: random.Random) -> str | None:
    return source.text.replace("12", "15") if "12" in source.text else None


def _pair(ident: str, a: str, b: str, label: str = "agree") -> GoldPair:
    return GoldPair("basil", "tune", ident, f"event-{ident}", a, b, DAY, DAY, label)  # type: ignore[arg-type]


def test_one_diverge_pair_per_agree_pair_whose_shared_detail_an_edit_changes() -> None:
    pairs = [
        _pair("1", "The storm killed 12 people.", "Officials said 12 people died in the storm."),
        _pair("2", "The storm killed 12 people.", "The storm hit the coast."),  # not shared
        _pair("3", "The storm killed 12 people.", "12 people were killed.", label="diverge"),
    ]

    made = paraphrase_pairs(
        pairs, _facts, lambda p: f"basil:{p.cluster}", seed=1, edits={"number": _change_twelve}
    )

    assert len(made) == 1
    (pair,) = made
    assert {pair.a, pair.b} & {pairs[0].a, pairs[0].b}
    assert "15" in pair.b and "15" not in pair.a
    assert pair.edit == "number"
    assert pair.group == "basil:event-1"
    again = paraphrase_pairs(
        pairs, _facts, lambda p: f"basil:{p.cluster}", seed=1, edits={"number": _change_twelve}
    )
    assert again == made


def test_rows_made_from_a_held_out_group_stay_out_of_its_fold() -> None:
    # one "always" row per group, labelled to contradict that group's tune row: were it kept in
    # the fold that holds its group out, it would pull that row's prediction its way
    groups = ["g1", "g2", "g3", "g4", "g5"]
    features = np.array([[float(i)] for i in range(5)])
    labels = np.array(["agree", "diverge", "unrelated", "agree", "diverge"])
    folded = LabelledRows(features, labels, np.ones(5))
    always = LabelledRows(features.copy(), np.roll(labels, 1), np.full(5, 100.0))

    leaky = out_of_fold_probabilities(always, folded, groups, 1.0)
    clean = out_of_fold_probabilities(always, folded, groups, 1.0, always_groups=groups)

    assert not np.allclose(leaky, clean)
    assert clean.shape == (5, 3)


class _FakeFeaturizer:
    """Facts with no parse, one zero row per pair: enough to follow the pairs through."""

    def facts(self, claims: list[tuple[str, date | None]]) -> list[ClaimFacts]:
        return [_facts(claim) for claim in claims]

    def rows(self, pairs: list[tuple[tuple[str, date | None], ...]]) -> FeatureRows:
        types = tuple(("number",) for _ in pairs)
        return FeatureRows(np.zeros((len(pairs), 2), np.float32), np.ones(len(pairs), bool), types)


def test_training_adds_pairs_made_from_tune_agree_pairs_only(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import training.paraphrase as paraphrase

    monkeypatch.setattr(paraphrase, "DIVERGE_EDITS", {"number": _change_twelve})
    tune = _pair("1", "The storm killed 12 people.", "Officials said 12 people died.")
    check = GoldPair(
        "basil",
        "check",
        "9",
        "event-9",
        "Police said 12 were hurt.",
        "12 were hurt.",
        DAY,
        DAY,
        "agree",
    )
    generated = [GeneratedPair("x", "y", "agree", "drop_detail", "bbc", "a1", DAY)]
    features = FeatureRows(np.ones((1, 2), np.float32), np.zeros(1, bool), ((),))
    featurizer = cast(Featurizer, _FakeFeaturizer())

    pairs, rows, groups = with_paraphrase_pairs(generated, features, [tune, check], featurizer, 1)

    assert len(pairs) == len(rows.features) == len(groups) == 2
    assert pairs[0] == generated[0] and groups[0] is None
    assert pairs[1].label == "diverge" and pairs[1].generator == "paraphrase:number"
    assert groups[1] == "basil:event-1"  # the check pair made nothing
    assert "hurt" not in pairs[1].a + pairs[1].b
