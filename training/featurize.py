"""Feature rows of text pairs, made by the real pipeline: spaCy parse into facts, the rules'
reasons, and the MiniLM cosine. Parses and vectors are kept for one run only, never on disk,
so that a rule or parser change always shows in the next training run."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np
import numpy.typing as npt
from spacy.language import Language

from comparison.comparator import find_reasons
from comparison.overlap import facts_overlap
from comparison.pair_features import FEATURE_NAMES, pair_features
from comparison.slots import judged_types
from embeddings import Encoder
from facts import ClaimFacts, parse_claims

Claim = tuple[str, date | None]


@dataclass(frozen=True, slots=True)
class FeatureRows:
    """One row per pair, and whether the rules found reasons (the only way to ``diverge``)."""

    features: npt.NDArray[np.float32]
    has_reasons: npt.NDArray[np.bool_]
    reason_types: tuple[tuple[str, ...], ...]


class Featurizer:
    """Parses and encodes each distinct claim once per run, then builds pair features."""

    def __init__(self, nlp: Language, encoder: Encoder) -> None:
        self._nlp = nlp
        self._encoder = encoder
        self._facts: dict[Claim, ClaimFacts] = {}
        self._vectors: dict[str, npt.NDArray[np.float32]] = {}

    def facts(self, claims: Sequence[Claim]) -> list[ClaimFacts]:
        missing = [c for c in dict.fromkeys(claims) if c not in self._facts]
        for claim, parsed in zip(missing, parse_claims(self._nlp, missing), strict=True):
            self._facts[claim] = parsed
        return [self._facts[claim] for claim in claims]

    def encode(self, texts: Sequence[str]) -> None:
        missing = [t for t in dict.fromkeys(texts) if t not in self._vectors]
        if missing:
            vectors = self._encoder.encode(missing)
            self._vectors.update(zip(missing, np.asarray(vectors, dtype=np.float32), strict=True))

    @property
    def vectors(self) -> dict[str, npt.NDArray[np.float32]]:
        """The unit vectors encoded so far, by text."""
        return self._vectors

    def rows(self, pairs: Sequence[tuple[Claim, Claim]]) -> FeatureRows:
        self.facts([claim for pair in pairs for claim in pair])
        self.encode([claim[0] for pair in pairs for claim in pair])
        built = [self._row(a, b) for a, b in pairs]
        features = np.stack([row for row, _ in built]) if built else _empty()
        types = tuple(kinds for _, kinds in built)
        return FeatureRows(features, np.array([bool(k) for k in types], dtype=bool), types)

    def _row(self, a: Claim, b: Claim) -> tuple[npt.NDArray[np.float32], tuple[str, ...]]:
        fa, fb = self._facts[a], self._facts[b]
        similarity = float(self._vectors[a[0]] @ self._vectors[b[0]])
        reasons = find_reasons(fa, fb, facts_overlap(fa, fb))
        return pair_features(fa, fb, similarity, reasons), judged_types(reasons, fa, fb)


def _empty() -> npt.NDArray[np.float32]:
    return np.zeros((0, len(FEATURE_NAMES)), dtype=np.float32)
