"""The FAISS structures an index can search, and which one fits a corpus of a given size.

- ``flat``: exact inner product over float32 vectors (1.5 KB a claim with MiniLM).
- ``ivf-sq8``: an inverted file over k-means cells, one byte per dimension (about 0.4 KB a
  claim); a search scans the ``nprobe`` cells nearest the query.
- ``ivf-pq``: the same cells with product-quantised codes (``pq_bytes`` a claim): smaller and
  faster, less exact.
- ``ivf-fastscan``: the same cells with 4-bit product-quantised codes of the offset from the
  cell's centre, scanned by FAISS's SIMD fast-scan (``fastscan_parts`` half-bytes a claim:
  96 bytes for MiniLM), the best ``rerank_factor`` × k candidates (at least 200) then scored
  again on one byte per dimension (:mod:`embeddings.rerank`): about 0.5 KB a claim, and at
  1M claims several times faster than ``ivf-sq8`` at the same recall.

The cells and codes are trained on the corpus's own claim vectors when the index is built.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import faiss
import numpy as np
import numpy.typing as npt

from embeddings.encoder import Vectors
from embeddings.rerank import ScalarCodes

FLAT = "flat"
IVF_SQ8 = "ivf-sq8"
IVF_PQ = "ivf-pq"
IVF_FASTSCAN = "ivf-fastscan"
AUTO = "auto"
KINDS = (AUTO, FLAT, IVF_SQ8, IVF_PQ, IVF_FASTSCAN)
_ALIASES = {"ivf": IVF_SQ8, "exact": FLAT, "fastscan": IVF_FASTSCAN}
TRAINING_SEED = 1234
POINTS_PER_CELL = 30  # training points per cell (FAISS suggests 39; 30 trains 1M in ~1 min)
TRAINING_ITERATIONS = 10
MIN_TRAINING = 2_000  # below this many vectors an IVF is not worth training


@dataclass(frozen=True, slots=True)
class IndexSettings:
    """How the claim index is built. ``kind`` ``auto`` searches exactly below ``flat_below``
    claims and switches to ``ivf-fastscan`` above; a named kind is used whenever the corpus is
    large enough to train it. An IVF search scans the ``nprobe`` nearest cells; a fast-scan
    one re-ranks ``rerank_factor`` candidates per hit wanted. Writes land in a small exact
    delta that is merged into the trained base in the background once it holds
    ``delta_limit`` claims or ``dead_limit`` claims were removed from the base."""

    kind: str = AUTO
    flat_below: int = 50_000
    nprobe: int = 256
    pq_bytes: int = 48
    fastscan_parts: int = 192
    rerank_factor: int = 2
    delta_limit: int = 20_000
    dead_limit: int = 20_000
    background: bool = True

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", _ALIASES.get(self.kind, self.kind))
        if self.kind not in KINDS:
            raise ValueError(f"unknown index kind {self.kind!r}: use one of {', '.join(KINDS)}")
        sizes = (self.flat_below, self.nprobe, self.fastscan_parts, self.rerank_factor)
        if min(*sizes, self.delta_limit, self.dead_limit) < 1:
            raise ValueError("index sizes must be positive")

    def kind_for(self, claims: int) -> str:
        """The structure a corpus of ``claims`` live claims should be searched with."""
        if self.kind == FLAT:
            return FLAT
        if self.kind == AUTO:
            return FLAT if claims < self.flat_below else IVF_FASTSCAN
        return self.kind if claims >= MIN_TRAINING else FLAT


_search_threads = 0  # what set_search_threads asked for; 0: FAISS's default


def set_search_threads(threads: int) -> None:
    """OpenMP threads FAISS uses per call; 0 leaves FAISS's default (all cores). One by
    default in the server: request threads and worker processes already share the cores, and
    FAISS threads spinning beside them slow every call many times over. OpenMP keeps the
    setting per thread, so each thread that searches or merges applies it again
    (:func:`use_search_threads`)."""
    global _search_threads
    _search_threads = max(0, threads)
    use_search_threads()


def use_search_threads() -> None:
    """Apply the configured FAISS thread count on the calling thread (a request thread or a
    background merge: a thread that OpenMP did not start takes the default, every core)."""
    if _search_threads > 0:
        faiss.omp_set_num_threads(_search_threads)


def kind_of(index: faiss.Index) -> str:
    if isinstance(index, faiss.IndexIVFPQFastScan):
        return IVF_FASTSCAN
    if isinstance(index, faiss.IndexIVFScalarQuantizer):
        return IVF_SQ8
    if isinstance(index, faiss.IndexIVFPQ):
        return IVF_PQ
    return FLAT


def empty_flat(dimension: int) -> faiss.Index:
    return faiss.IndexIDMap2(faiss.IndexFlatIP(dimension))


def cell_count(claims: int) -> int:
    """About 4 sqrt(n) cells, each with enough training points. Measured at 1M real-derived
    claim vectors (bench/scale.py): 4,096 cells scanned 128 at a time reach recall@10 0.96 in
    a third of the time 1,000 cells need for 0.95."""
    return max(8, min(int(4 * math.sqrt(claims)), claims // POINTS_PER_CELL))


def trained(kind: str, vectors: Vectors, settings: IndexSettings) -> faiss.Index:
    """An empty index of ``kind`` whose cells (and codes) were trained on ``vectors``."""
    dimension = vectors.shape[1]
    if kind == FLAT:
        return empty_flat(dimension)
    cells = cell_count(len(vectors))
    quantizer = faiss.IndexFlatIP(dimension)
    if kind == IVF_SQ8:
        index: Any = faiss.IndexIVFScalarQuantizer(
            quantizer, dimension, cells, faiss.ScalarQuantizer.QT_8bit, faiss.METRIC_INNER_PRODUCT
        )
    elif kind == IVF_PQ:
        index = faiss.IndexIVFPQ(
            quantizer, dimension, cells, _pq_parts(dimension, settings.pq_bytes), 8,
            faiss.METRIC_INNER_PRODUCT,
        )  # fmt: skip
    elif kind == IVF_FASTSCAN:
        index = faiss.IndexIVFPQFastScan(
            quantizer, dimension, cells, _pq_parts(dimension, settings.fastscan_parts), 4,
            faiss.METRIC_INNER_PRODUCT,
        )  # fmt: skip
        index.by_residual = True  # codes of the offset from the cell's centre: far finer
    else:
        raise ValueError(f"cannot train an index of kind {kind!r}")
    index.cp.niter = TRAINING_ITERATIONS
    index.cp.min_points_per_centroid = POINTS_PER_CELL
    index.train(_training_sample(vectors, cells))
    return index


def reranks(kind: str) -> bool:
    """Whether a base of ``kind`` keeps one-byte codes to re-rank its candidates."""
    return kind == IVF_FASTSCAN


def trained_rerank_codes(vectors: Vectors) -> ScalarCodes:
    """Empty re-ranking codes whose per-dimension range covers ``vectors``."""
    return ScalarCodes.trained(vectors)


def remove_from(index: Any, keys: npt.NDArray[np.int64]) -> None:
    """``index.remove_ids(keys)``, leaving a fast-scan index fit for later adds.

    FAISS (1.15) removes from a fast-scan list by moving its last codes into the holes but
    leaves the moved codes' old bytes in the list's last block of 32; a later add ORs new
    4-bit codes into those bytes, so claims added after a removal were scored as other
    vectors. Writing zero codes over the unused slots of each last block prevents it.
    """
    index.remove_ids(keys)
    if kind_of(index) == IVF_FASTSCAN:
        _clear_unused_block_slots(index)


def _clear_unused_block_slots(index: Any) -> None:
    lists: Any = faiss.downcast_InvertedLists(index.invlists)  # BlockInvertedLists
    packer = lists.packer
    zero = np.zeros(packer.code_size, dtype=np.uint8)
    for list_no in range(lists.nlist):
        size = lists.list_size(list_no)
        codes = lists.get_codes(list_no)
        for slot in range(size, -(-size // packer.nvec) * packer.nvec):
            packer.pack_1_c(faiss.swig_ptr(zero), slot, codes)


def search_parameters(index: Any, excluded: faiss.IDSelector | None, nprobe: int) -> Any:
    parameters: Any
    if kind_of(index) == FLAT:
        parameters = faiss.SearchParameters()
    else:
        parameters = faiss.SearchParametersIVF()
        parameters.nprobe = min(nprobe, index.nlist)  # fast-scan goes wrong beyond nlist
    if excluded is not None:
        parameters.sel = excluded
    return parameters


def stored_vectors(index: Any) -> tuple[npt.NDArray[np.int64], Vectors]:
    """The ids and vectors a flat index (an ``IndexIDMap2``) holds, exactly as added."""
    ids = faiss.vector_to_array(index.id_map).astype(np.int64)
    if not len(ids):
        return ids, np.zeros((0, index.d), dtype=np.float32)
    vectors: Vectors = index.index.reconstruct_n(0, len(ids))
    return ids, vectors


def _pq_parts(dimension: int, pq_bytes: int) -> int:
    """The largest number of sub-quantizers up to ``pq_bytes`` that divides the dimension."""
    return next(m for m in range(min(pq_bytes, dimension), 0, -1) if dimension % m == 0)


def _training_sample(vectors: Vectors, cells: int) -> Vectors:
    wanted = max(cells * POINTS_PER_CELL, 256 * POINTS_PER_CELL)
    if len(vectors) <= wanted:
        return np.ascontiguousarray(vectors, dtype=np.float32)
    rows = np.random.default_rng(TRAINING_SEED).choice(len(vectors), wanted, replace=False)
    return np.ascontiguousarray(vectors[np.sort(rows)], dtype=np.float32)
