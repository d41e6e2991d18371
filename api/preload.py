"""The claim index opened by ``crosscheck serve``'s master process while it imports the app.

A worker's start is the models' load, then the index's: at a million claims, loading the
snapshot and replaying the index log after a crash adds a second or two to the worker's
start, while the master process, which imports Flask, torch and spaCy before it forks the
workers, leaves the second core idle. :class:`IndexPreload` opens the index (snapshot and log
replay: reading files and the store, mostly outside the interpreter lock) on a thread while
the master imports; each worker forked from the master inherits it and takes it
(:func:`take`) instead of opening the snapshot again. The master also loads the models
before the fork (:func:`api.registry.load_shared_models`); the store's connections and every
thread belong to the workers.

This module imports only the index and the store, never the engine or Flask.
"""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path

from api.config import Config
from crosscheck.index_opening import OpenedIndex, open_snapshot
from embeddings import IndexSettings
from storage import StoreError, open_store

log = logging.getLogger(__name__)

_offered: OpenedIndex | None = None


def index_settings(config: Config) -> IndexSettings:
    """The index settings the config names; ValueError when they are invalid."""
    return IndexSettings(
        kind=config.index_kind, flat_below=config.index_flat_below, nprobe=config.index_nprobe
    )


class IndexPreload:
    """The claim index of ``config`` opened on a thread; :meth:`offer` waits for it and
    offers it to the workers about to fork."""

    def __init__(self, config: Config):
        self._config = config
        self._opened: OpenedIndex | None = None
        self._thread = threading.Thread(target=self._open, name="index-preload", daemon=True)

    @classmethod
    def start(cls, config: Config) -> IndexPreload:
        preload = cls(config)
        preload._thread.start()
        return preload

    def offer(self) -> None:
        """Wait for the index, then make it what :func:`take` returns. The thread is done
        before this returns: no thread of it is alive when the master forks."""
        self._thread.join()
        global _offered
        _offered = self._opened

    def _open(self) -> None:
        config = self._config
        started = time.perf_counter()
        try:
            settings = index_settings(config)
            store = open_store(
                config.database_url or config.database_path, timeout=config.database_timeout
            )
        except (ValueError, StoreError) as error:
            log.warning("index not opened ahead: %s", error)
            return
        try:
            self._opened = open_snapshot(store, config.index_path, settings, True)
        except (OSError, StoreError) as error:
            log.warning("index not opened ahead: %s", error)
        finally:
            store.close()
        if self._opened is not None:
            log.info(
                "index opened ahead of the workers in %.2f s: %d claims at log position %d",
                time.perf_counter() - started,
                len(self._opened.index),
                self._opened.applied,
            )


def take(index_path: Path) -> OpenedIndex | None:
    """The index opened ahead for ``index_path``, once: later calls get None."""
    global _offered
    found, _offered = _offered, None
    return found if found is not None and found.path == index_path else None


def withdraw() -> None:
    """Drop the index offered (the master, once its workers forked: a worker started later
    opens the snapshot itself rather than replay the log since this start)."""
    global _offered
    _offered = None
