"""CLIFF and Goyal'21 summaries: is an intrinsic error flagged, and where?

Each summary sentence is paired with its best-supporting article sentence: a cheap word
overlap picks a few candidates, and the API's own similarity picks among them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from evaluation.backend import Backend
from evaluation.datasets import SummaryRow, load_summary_rows
from evaluation.metrics import CharSpan, any_overlap, locate, rate
from evaluation.report import MetricRow
from evaluation.responses import FAILED_COMPARISON, CompareOutcome, compare_or_fail
from evaluation.scoring import error_rows
from evaluation.text import best_matching_sentences, split_sentences

CANDIDATES_PER_SENTENCE = 3
MAX_SUMMARY_SENTENCES = 4
CORRECT_ROWS_LIMIT = 75


@dataclass(frozen=True, slots=True)
class SummaryJudgement:
    flagged: bool
    flagged_spans: tuple[CharSpan, ...]
    outcomes: tuple[CompareOutcome, ...]


def score_cliff(backend: Backend, data_dir: Path) -> list[MetricRow]:
    rows = load_summary_rows(data_dir, "CLIFF_error_types.csv", CORRECT_ROWS_LIMIT)
    return summary_rows("cliff", rows, [judge_summary(backend, row) for row in rows])


def score_goyal(backend: Backend, data_dir: Path) -> list[MetricRow]:
    rows = load_summary_rows(data_dir, "Goyal21_error_types.csv", CORRECT_ROWS_LIMIT)
    return summary_rows("goyal", rows, [judge_summary(backend, row) for row in rows])


def summary_rows(
    set_name: str, rows: Sequence[SummaryRow], judgements: Sequence[SummaryJudgement]
) -> list[MetricRow]:
    scored = list(zip(rows, judgements, strict=True))
    errors = [judgement for row, judgement in scored if row.is_intrinsic_error]
    correct = [judgement for row, judgement in scored if not row.is_error]
    flagged_errors = [(row, j) for row, j in scored if row.is_intrinsic_error and j.flagged]
    missed = tuple(row.id for row, j in scored if row.is_intrinsic_error and not j.flagged)
    false_alarms = tuple(row.id for row, j in scored if not row.is_error and j.flagged)
    off_span = tuple(row.id for row, j in flagged_errors if not flags_annotated_span(row, j))
    outcomes = [outcome for judgement in judgements for outcome in judgement.outcomes]
    return [
        MetricRow(
            f"{set_name}.intrinsic_error_recall",
            f"{set_name}: intrinsic-error recall",
            rate(judgement.flagged for judgement in errors),
            len(errors),
            misses=missed,
        ),
        MetricRow(
            f"{set_name}.correct_to_diverge",
            f"{set_name}: correct summary → diverge",
            rate(judgement.flagged for judgement in correct),
            len(correct),
            misses=false_alarms,
        ),
        MetricRow(
            f"{set_name}.span_overlap",
            f"{set_name}: flagged span overlaps annotated span",
            rate(flags_annotated_span(row, judgement) for row, judgement in flagged_errors),
            len(flagged_errors),
            misses=off_span,
        ),
        *error_rows(set_name, outcomes),
    ]


def flags_annotated_span(row: SummaryRow, judgement: SummaryJudgement) -> bool:
    annotated = [locate(row.summary, span) for span in row.annotated_spans]
    return any_overlap(judgement.flagged_spans, [span for span in annotated if span])


def judge_summary(backend: Backend, row: SummaryRow) -> SummaryJudgement:
    """Flag the summary if any of its sentences diverges from its best-supporting sentence."""
    article_sentences = split_sentences(row.document)
    flagged_spans: list[CharSpan] = []
    outcomes: list[CompareOutcome] = []
    flagged = False
    cursor = 0
    for sentence in split_sentences(row.summary)[:MAX_SUMMARY_SENTENCES]:
        position = locate(row.summary, sentence, cursor)
        offset = position.start if position else 0
        cursor = position.end if position else cursor
        best = best_supporting_outcome(backend, sentence, article_sentences)
        outcomes.append(best)
        if best.is_diverge:
            flagged = True
            flagged_spans += _shifted_highlights(sentence, best, offset)
    return SummaryJudgement(flagged, tuple(flagged_spans), tuple(outcomes))


def best_supporting_outcome(
    backend: Backend, sentence: str, article_sentences: list[str]
) -> CompareOutcome:
    """The comparison with the candidate article sentence the API finds most similar."""
    candidates = best_matching_sentences(sentence, article_sentences, CANDIDATES_PER_SENTENCE)
    outcomes = [
        compare_or_fail(partial(backend.compare, sentence, None, candidate, None))
        for candidate in candidates
    ]
    return max(outcomes, key=lambda outcome: outcome.similarity, default=FAILED_COMPARISON)


def _shifted_highlights(sentence: str, outcome: CompareOutcome, offset: int) -> list[CharSpan]:
    spans = [reason.this.within(sentence) for reason in outcome.reasons]
    return [CharSpan(span.start + offset, span.end + offset) for span in spans if span]
