"""Loaders for the gold dev pairs and the public sets, as plain dataclasses of pairs.

File formats and label mappings follow ``shared/data/gold/README.md``,
``shared/data/external/README.md`` and each set's ``SOURCE.md``.
"""

from __future__ import annotations

import ast
import csv
import json
import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from evaluation.splits import cluster_parts, seed_cluster
from evaluation.text import best_matching_sentences, split_sentences

SEEDS_DIR = "seed-articles"
GOLD_FILE = "gold/pairs-dev.jsonl"
FALKE_FILE = "external/falke2019/val_sentence_pairs.json"
EQUATE_DIR = "external/equate"
AGGREFACT_DIR = "external/aggrefact_errtypes"
FNC1_STANCES = "external/fnc1/competition_test_stances.csv"
FNC1_BODIES = "external/fnc1/competition_test_bodies.csv"

EQUATE_TO_VERDICT = {"entailment": "agree", "contradiction": "diverge"}
FNC1_TO_VERDICT = {"agree": "agree", "disagree": "diverge"}
FNC1_SENTENCES_PER_BODY = 2


@dataclass(frozen=True, slots=True)
class SeedArticle:
    id: str
    file: str
    source: str
    published_at: str
    title: str
    text: str


@dataclass(frozen=True, slots=True)
class GoldPair:
    """A hand-labelled pair of a gold set, with its cluster and its tune/check part."""

    id: str
    a_doc: str
    b_doc: str
    a_text: str
    b_text: str
    label: str
    types: tuple[str, ...]
    a_span: str | None
    b_span: str | None
    rationale: str
    a_published_at: str | None
    b_published_at: str | None
    cluster: str
    part: str

    def furniture_texts(self) -> list[tuple[str, str]]:
        """``(doc, text)`` of the boilerplate side(s) of an ``unrelated_boilerplate`` pair.

        The gold file puts the furniture on side ``a``; a rationale starting with "Both"
        says side ``b`` is furniture too (e.g. two page timestamps).
        """
        if self.label != "unrelated_boilerplate":
            return []
        sides = [(self.a_doc, self.a_text)]
        if self.rationale.startswith("Both"):
            sides.append((self.b_doc, self.b_text))
        return sides


@dataclass(frozen=True, slots=True)
class LabelledPair:
    """Two texts and the verdict a careful editor would give: ``agree`` or ``diverge``."""

    id: str
    premise: str
    hypothesis: str
    label: str


@dataclass(frozen=True, slots=True)
class SummaryRow:
    """A document, its summary and the summary's annotated errors (none when correct)."""

    id: str
    origin: str
    document: str
    summary: str
    error_types: tuple[str, ...]
    annotated_spans: tuple[str, ...]

    @property
    def is_error(self) -> bool:
        return bool(self.error_types)

    @property
    def is_intrinsic_error(self) -> bool:
        return any(kind.startswith("intrinsic") for kind in self.error_types)


def load_seed_articles(data_dir: Path) -> dict[str, SeedArticle]:
    """The five seed articles keyed by file name, with their manifest metadata."""
    seeds = data_dir / SEEDS_DIR
    manifest = json.loads((seeds / "manifest.json").read_text(encoding="utf-8"))
    articles = [_seed_article(seeds, entry) for entry in manifest["articles"]]
    return {article.file: article for article in articles}


def _seed_article(seeds: Path, entry: dict[str, Any]) -> SeedArticle:
    file = str(entry["file"])
    return SeedArticle(
        id=Path(file).stem,
        file=file,
        source=str(entry["source"]),
        published_at=str(entry["published_at"]),
        title=str(entry.get("title", "")),
        text=(seeds / file).read_text(encoding="utf-8"),
    )


def load_gold_pairs(data_dir: Path, articles: dict[str, SeedArticle]) -> list[GoldPair]:
    """The seed pairs (``pairs-dev.jsonl``), each dated by its two articles."""
    rows = read_jsonl(data_dir / GOLD_FILE)
    parts = cluster_parts(rows, seed_cluster)
    return [
        gold_pair(
            row,
            docs=(row["a_doc"], row["b_doc"]),
            dates=(articles[row["a_doc"]].published_at, articles[row["b_doc"]].published_at),
            cluster=seed_cluster(row),
            part=parts[seed_cluster(row)],
        )
        for row in rows
    ]


def gold_pair(
    row: dict[str, Any],
    docs: tuple[str, str],
    dates: tuple[str | None, str | None],
    cluster: str,
    part: str,
) -> GoldPair:
    """A gold-file row with its documents, dates, cluster and part filled in."""
    return GoldPair(
        id=row["id"],
        a_doc=docs[0],
        b_doc=docs[1],
        a_text=row["a_text"],
        b_text=row["b_text"],
        label=row["label"],
        types=tuple(row.get("types") or ()),
        a_span=row.get("a_span"),
        b_span=row.get("b_span"),
        rationale=row.get("rationale", ""),
        a_published_at=dates[0],
        b_published_at=dates[1],
        cluster=cluster,
        part=part,
    )


def load_falke_pairs(data_dir: Path) -> list[LabelledPair]:
    """Each triple as two pairs: article↔correct (agree), article↔incorrect (diverge)."""
    triples = json.loads((data_dir / FALKE_FILE).read_text(encoding="utf-8"))
    pairs: list[LabelledPair] = []
    for triple in triples:
        base = f"{triple['article_id']}"
        article_sentence = triple["article_sent"]
        pairs.append(
            LabelledPair(
                f"{base}/{triple['correct_sent_id']}",
                article_sentence,
                triple["correct_sent"],
                "agree",
            )
        )
        pairs.append(
            LabelledPair(
                f"{base}/{triple['incorrect_sent_id']}",
                article_sentence,
                triple["incorrect_sent"],
                "diverge",
            )
        )
    return pairs


def load_equate_pairs(data_dir: Path, subset: str, label: str) -> list[LabelledPair]:
    """Rows of one EQUATE file (``NewsNLI``, ``RTE_Quant``, ``RedditNLI``) with one label."""
    verdict = EQUATE_TO_VERDICT[label]
    rows = read_jsonl(data_dir / EQUATE_DIR / f"{subset}.jsonl")
    return [
        LabelledPair(row["id"], row["premise"], row["hypothesis"], verdict)
        for row in rows
        if row["label"] == label
    ]


def load_fnc1_sample(data_dir: Path, per_stance: int = 150, seed: int = 2019) -> list[LabelledPair]:
    """A fixed, seeded sample of agree and disagree pairs (``per_stance`` of each).

    The hypothesis is the body's best-matching sentences for the headline, so each pair
    is claim-sized rather than headline-vs-whole-article.
    """
    bodies = _fnc1_bodies(data_dir / FNC1_BODIES)
    stances = _read_csv(data_dir / FNC1_STANCES)
    generator = random.Random(seed)
    pairs: list[LabelledPair] = []
    for stance, verdict in FNC1_TO_VERDICT.items():
        rows = [row for row in stances if row["Stance"] == stance]
        for row in generator.sample(rows, min(per_stance, len(rows))):
            pairs.append(_fnc1_pair(row, bodies[row["Body ID"]], verdict))
    return pairs


def _fnc1_pair(row: dict[str, str], body: str, verdict: str) -> LabelledPair:
    headline = row["Headline"]
    sentences = best_matching_sentences(headline, split_sentences(body), FNC1_SENTENCES_PER_BODY)
    return LabelledPair(f"{row['Body ID']}/{headline[:40]}", headline, " ".join(sentences), verdict)


def _fnc1_bodies(path: Path) -> dict[str, str]:
    return {row["Body ID"]: row["articleBody"] for row in _read_csv(path)}


def load_summary_rows(
    data_dir: Path, file_name: str, correct_limit: int, seed: int = 2021
) -> list[SummaryRow]:
    """Intrinsic-error rows of an AggreFact error-type CSV plus a seeded sample of correct rows."""
    rows = [_summary_row(row) for row in _read_csv(data_dir / AGGREFACT_DIR / file_name)]
    intrinsic = [row for row in rows if row.is_intrinsic_error]
    correct = [row for row in rows if not row.is_error]
    sampled = random.Random(seed).sample(correct, min(correct_limit, len(correct)))
    return intrinsic + sampled


def _summary_row(row: dict[str, str]) -> SummaryRow:
    return SummaryRow(
        id=f"{row['origin']}/{row['id']}",
        origin=row["origin"],
        document=row["doc"],
        summary=row["summ"],
        error_types=parse_error_types(row["error_type"]),
        annotated_spans=parse_annotated_spans(row["annotated_span"]),
    )


def parse_error_types(value: str) -> tuple[str, ...]:
    """``"['intrinsic-NP']"`` → ``('intrinsic-NP',)``; ``"correct"`` or empty → ``()``."""
    text = value.strip()
    if text in ("", "correct"):
        return ()
    return tuple(_flatten_strings(ast.literal_eval(text)))


def parse_annotated_spans(value: str) -> tuple[str, ...]:
    """CLIFF's ``"['a', 'b']"`` and Goyal's ``"[['a'], ['b']]"`` → ``('a', 'b')``."""
    text = value.strip()
    if not text:
        return ()
    try:
        parsed = ast.literal_eval(text)
    except (ValueError, SyntaxError):
        return (text,)
    return tuple(span for span in _flatten_strings(parsed) if span.strip())


def _flatten_strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _flatten_strings(item)


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def _read_csv(path: Path) -> list[dict[str, str]]:
    csv.field_size_limit(sys.maxsize)
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))
