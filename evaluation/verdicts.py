"""Verdict metrics of a gold set, per tune/check part, each with a cluster bootstrap interval.

Every pair is compared in both orders (``a`` vs ``b``, then ``b`` vs ``a``). The scores use
the first order; the second only feeds swap consistency (a verdict should not depend on
which side is "this").
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial

from evaluation.backend import Backend
from evaluation.datasets import GoldPair
from evaluation.intervals import cluster_bootstrap
from evaluation.metrics import CharSpan, any_overlap, locate, mean, precision_recall_f1, rate
from evaluation.report import MetricRow, Target, Unit, at_least, at_most
from evaluation.responses import CompareOutcome, compare_or_fail
from evaluation.splits import PARTS


@dataclass(frozen=True, slots=True)
class JudgedPair:
    pair: GoldPair
    forward: CompareOutcome
    backward: CompareOutcome

    @property
    def verdict(self) -> str:
        return self.forward.verdict

    @property
    def changes_on_swap(self) -> bool:
        return self.forward.verdict != self.backward.verdict

    @property
    def is_diverge(self) -> bool:
        return self.pair.label == "diverge"


Statistic = Callable[[Sequence[JudgedPair]], float | None]
Condition = Callable[[JudgedPair], bool]


@dataclass(frozen=True, slots=True)
class VerdictMetric:
    name: str
    label: str
    statistic: Statistic
    counted: Condition
    """Which pairs make up the metric's n."""
    missed: Condition
    """Which pairs count against the metric (listed by ``--misses``)."""
    target: Target | None = None
    unit: Unit = "ratio"


def judge_pair(backend: Backend, pair: GoldPair) -> JudgedPair:
    a_text, a_date, b_text, b_date = (
        pair.a_text,
        pair.a_published_at,
        pair.b_text,
        pair.b_published_at,
    )
    forward = compare_or_fail(partial(backend.compare, a_text, a_date, b_text, b_date))
    backward = compare_or_fail(partial(backend.compare, b_text, b_date, a_text, a_date))
    return JudgedPair(pair, forward, backward)


def judge_pairs(backend: Backend, pairs: Sequence[GoldPair]) -> list[JudgedPair]:
    return [judge_pair(backend, pair) for pair in pairs]


def all_outcomes(judged: Sequence[JudgedPair]) -> list[CompareOutcome]:
    """Both orders' outcomes, for counting failed API calls."""
    return [outcome for item in judged for outcome in (item.forward, item.backward)]


def verdict_rows(
    set_name: str, negative_label: str, judged: Sequence[JudgedPair]
) -> list[MetricRow]:
    """The metrics of each part, keyed ``<set>.<part>.<metric>``."""
    rows: list[MetricRow] = []
    for part in PARTS:
        items = [item for item in judged if item.pair.part == part]
        prefix = (f"{set_name}.{part}", f"{set_name} {part}")
        rows += [metric_row(prefix, metric, items) for metric in verdict_metrics(negative_label)]
    return rows


def metric_row(
    prefix: tuple[str, str], metric: VerdictMetric, items: Sequence[JudgedPair]
) -> MetricRow:
    key, label = prefix
    return MetricRow(
        f"{key}.{metric.name}",
        f"{label}: {metric.label}",
        metric.statistic(items),
        sum(metric.counted(item) for item in items),
        target=metric.target,
        unit=metric.unit,
        misses=tuple(item.pair.id for item in items if metric.missed(item)),
        interval=cluster_bootstrap(items, cluster_of, metric.statistic),
    )


def cluster_of(item: JudgedPair) -> str:
    return item.pair.cluster


def verdict_metrics(negative_label: str) -> list[VerdictMetric]:
    """Diverge P/R/F1, agreements recognised, false diverges, false corroboration, swaps,
    reason types and spans."""
    return [
        VerdictMetric(
            "diverge_precision",
            "diverge precision",
            diverge_precision,
            counted=lambda item: item.verdict == "diverge",
            missed=false_diverge,
        ),
        VerdictMetric(
            "diverge_recall",
            "diverge recall",
            diverge_recall,
            counted=lambda item: item.is_diverge,
            missed=missed_diverge,
        ),
        VerdictMetric(
            "diverge_f1",
            "diverge F1",
            diverge_f1,
            counted=lambda item: True,
            missed=lambda item: false_diverge(item) or missed_diverge(item),
            target=at_least(0.80),
        ),
        verdict_rate_metric("agree", "agree", target=at_least(0.80)),
        verdict_rate_metric("agree", "diverge"),
        verdict_rate_metric(negative_label, "diverge"),
        verdict_rate_metric(negative_label, "agree"),
        VerdictMetric(
            "swap_changes",
            "verdict changes when sides swap",
            swap_changes,
            counted=lambda item: True,
            missed=lambda item: item.changes_on_swap,
            target=at_most(0),
            unit="count",
        ),
        VerdictMetric(
            "types_named",
            "diverge types named in reasons",
            types_named,
            counted=lambda item: item.is_diverge,
            missed=lambda item: item.is_diverge and bool(unnamed_types(item)),
        ),
        VerdictMetric(
            "span_overlap",
            "diverge span overlap (a/b sides)",
            span_overlap,
            counted=lambda item: item.is_diverge,
            missed=lambda item: item.is_diverge and span_overlap_score(item) < 1,
        ),
    ]


def verdict_rate_metric(label: str, verdict: str, target: Target | None = None) -> VerdictMetric:
    """How often pairs labelled ``label`` get ``verdict``: wanted always when both are the
    same (agreements recognised), never otherwise."""
    wanted = label == verdict

    def share(items: Sequence[JudgedPair]) -> float | None:
        return rate(item.verdict == verdict for item in items if item.pair.label == label)

    return VerdictMetric(
        f"{label}_to_{verdict}",
        f"{label} → {verdict} rate",
        share,
        counted=lambda item: item.pair.label == label,
        missed=lambda item: item.pair.label == label and (item.verdict == verdict) != wanted,
        target=target or at_most(0.10),
    )


def false_diverge(item: JudgedPair) -> bool:
    return item.verdict == "diverge" and not item.is_diverge


def missed_diverge(item: JudgedPair) -> bool:
    return item.is_diverge and item.verdict != "diverge"


def _diverge_scores(items: Sequence[JudgedPair]) -> tuple[float | None, float | None, float | None]:
    scores = precision_recall_f1(
        [item.verdict == "diverge" for item in items], [item.is_diverge for item in items]
    )
    return scores.precision, scores.recall, scores.f1


def diverge_precision(items: Sequence[JudgedPair]) -> float | None:
    return _diverge_scores(items)[0]


def diverge_recall(items: Sequence[JudgedPair]) -> float | None:
    return _diverge_scores(items)[1]


def diverge_f1(items: Sequence[JudgedPair]) -> float | None:
    return _diverge_scores(items)[2]


def swap_changes(items: Sequence[JudgedPair]) -> float | None:
    return float(sum(item.changes_on_swap for item in items)) if items else None


def types_named(items: Sequence[JudgedPair]) -> float | None:
    """Share of the gold divergence types that appear among the reasons' types."""
    diverging = [item for item in items if item.is_diverge]
    total = sum(len(set(item.pair.types)) for item in diverging)
    missing = sum(len(unnamed_types(item)) for item in diverging)
    return None if total == 0 else (total - missing) / total


def unnamed_types(item: JudgedPair) -> set[str]:
    return set(item.pair.types) - {reason.type for reason in item.forward.reasons}


def span_overlap(items: Sequence[JudgedPair]) -> float | None:
    return mean(span_overlap_score(item) for item in items if item.is_diverge)


def span_overlap_score(item: JudgedPair) -> float:
    """Half a point per side whose gold span overlaps a highlighted span of some reason."""
    pair, reasons = item.pair, item.forward.reasons
    a_highlights = [reason.this.within(pair.a_text) for reason in reasons]
    b_highlights = [reason.other.within(pair.b_text) for reason in reasons]
    a_hit = _overlaps_gold(pair.a_text, pair.a_span, a_highlights)
    b_hit = _overlaps_gold(pair.b_text, pair.b_span, b_highlights)
    return (a_hit + b_hit) / 2


def _overlaps_gold(text: str, gold: str | None, highlights: list[CharSpan | None]) -> bool:
    gold_span = locate(text, gold or "")
    if gold_span is None:
        return False
    return any_overlap([span for span in highlights if span], [gold_span])
