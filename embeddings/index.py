"""Nearest-neighbour index of claim vectors: the interface every index kind implements."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from embeddings.encoder import Vectors

if TYPE_CHECKING:
    from embeddings.snapshots import IndexSnapshot

Hit = tuple[int, float]


class ClaimIndex(Protocol):
    """Maps integer claim ids to vectors; search returns (claim id, cosine similarity).

    ``add`` takes ids new to the index (an id already there is replaced); ``remove`` forgets
    ids. Searches may run beside writes and never wait for them.
    """

    @property
    def dimension(self) -> int: ...

    @property
    def kind(self) -> str:
        """The structure searched now: ``flat`` (exact), ``ivf-sq8``, ``ivf-pq`` or
        ``ivf-fastscan``."""
        ...

    def __len__(self) -> int: ...

    def add(self, ids: Sequence[int], vectors: Vectors) -> None: ...

    def remove(self, ids: Sequence[int]) -> None: ...

    def search(self, vectors: Vectors, k: int) -> list[list[Hit]]: ...

    def hold_compactions(self) -> None:
        """Start no background merge of added or removed claims until
        :meth:`release_compactions` (searches and writes go on as usual)."""
        ...

    def release_compactions(self) -> None:
        """Merge in the background again when due, now if it became due while held."""
        ...

    def snapshot(self) -> IndexSnapshot:
        """A frozen copy of the contents, cheap to take, to be written at leisure."""
        ...

    def save(self, path: Path) -> None: ...
