"""The ECB+ corpus (``corpora/ecbplus``): its documents, the selected sentences of each
sub-topic (one event), and the tune/check part of each topic that ``gold/ecb-dev.jsonl``
holds. Two sub-topics of one topic are two similar but different events."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from pathlib import Path
from typing import Any

from evaluation.datasets import read_jsonl
from evaluation.splits import CLUSTER_OF, cluster_parts

ECB = Path("corpora/ecbplus")
ECB_GOLD = "gold/ecb-dev.jsonl"
Sentence = tuple[str, int]  # doc id, sentence number
Doc = dict[str, Any]


def part_topics(shared: Path, part: str) -> set[int]:
    """The topics of one part ("tune" or "check") of the ECB+ dev pairs."""
    rows = read_jsonl(shared / ECB_GOLD)
    return {
        int(key) for key, found in cluster_parts(rows, CLUSTER_OF["ecb"]).items() if found == part
    }


def load_docs(shared: Path, topics: set[int]) -> dict[str, Doc]:
    with (shared / ECB / "ecbplus_docs.jsonl").open(encoding="utf-8") as handle:
        return {doc["doc_id"]: doc for doc in map(json.loads, handle) if doc["topic"] in topics}


def selected_by_subtopic(docs: dict[str, Doc]) -> dict[str, list[Sentence]]:
    found: dict[str, list[Sentence]] = defaultdict(list)
    for doc in docs.values():
        for sentence in doc["selected_sentences"]:
            if is_prose(doc, sentence):
                found[doc["subtopic"]].append((doc["doc_id"], sentence))
    return found


def siblings(key: str, subtopic: str) -> bool:
    """The other sub-topic of the same topic: ``12_ecb`` and ``12_ecbplus``."""
    return key != subtopic and key.split("_")[0] == subtopic.split("_")[0]


def is_prose(doc: Doc, sentence: int) -> bool:
    """Sentence 0 of an ``ecbplus`` document is its URL."""
    return not (doc["corpus_part"] == "ecbplus" and sentence == 0) and sentence < len(
        doc["sentences"]
    )


def sentence_text(docs: dict[str, Doc], sentence: Sentence) -> str:
    return detokenize(docs[sentence[0]]["sentences"][sentence[1]])


_SPACE_BEFORE = re.compile(r" (?=[.,;:!?%)\]}]|'s\b|n't\b|'re\b|'ll\b|'ve\b|'d\b|'m\b)")
_SPACE_AFTER = re.compile(r"(?<=[(\[{$]) ")


def detokenize(text: str) -> str:
    """PTB tokens back to running text (close enough for an encoder and a parser)."""
    text = (
        text.replace("``", '"').replace("''", '"').replace(" -LRB- ", " (").replace(" -RRB-", ")")
    )
    text = _SPACE_AFTER.sub("", _SPACE_BEFORE.sub("", text))
    text = re.sub(r"(?<=\w) - (?=\w)", "-", text)
    return re.sub(r'" (.*?) "', r'"\1"', text)
