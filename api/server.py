"""Serving the app with gunicorn from the ``crosscheck serve`` command."""

from __future__ import annotations

import atexit
import gc
import logging
import os
import sys
import time

from flask import Flask
from gunicorn.app.base import BaseApplication
from gunicorn.arbiter import Arbiter

from api import create_app, preload
from api.config import Config
from api.preload import IndexPreload
from api.registry import EXTENSION_KEY, current_registry, load_shared_models

log = logging.getLogger(__name__)


class CrosscheckServer(BaseApplication):
    """Gunicorn worker processes, each with threads. The master loads the models (the spaCy
    pipeline, the sentence encoder) and opens the claim index before it forks them, and each
    process starts from those (copy-on-write) with its own store connections, service and
    threads; the processes share the store and keep their indexes in step through its index
    log (every search first applies the log entries it has not seen), so a write through any
    process is found by every process's next search."""

    def __init__(
        self,
        config: Config,
        host: str,
        port: int,
        threads: int = 4,
        index: IndexPreload | None = None,
    ):
        self._config = config
        self._index = index
        self._options = {
            "bind": f"{host}:{port}",
            "workers": worker_count(config.workers),
            "threads": threads,
            "timeout": 120,
            "accesslog": None,
        }
        super().__init__()

    def load_config(self) -> None:
        for key, value in self._options.items():
            self.cfg.set(key, value)

    def run(self) -> None:
        """The models are loaded and the index opened ahead (if any) is offered, then the
        workers are forked: each starts with both (copy-on-write)."""
        if self._config.load_models_eagerly:
            started = time.perf_counter()
            load_shared_models(self._config)
            log.info("models loaded ahead of the workers in %.2f s",
                     time.perf_counter() - started)  # fmt: skip
        if self._index is not None:
            self._index.offer()
        # Before the fork: no worker's collection walks (and so copies) what they inherit. Not
        # collected first: a full pass over half a million objects (0.4 s on a busy 2-core
        # box) for the few hundred of garbage the load leaves. The collector, off while the
        # master started (crosscheck.cli), runs again from here, in the master and workers.
        gc.freeze()
        gc.enable()
        try:
            _WithdrawingArbiter(self).run()
        except RuntimeError as error:  # as gunicorn's own run: a bad bind or config
            print(f"\nError: {error}\n", file=sys.stderr)
            sys.exit(1)

    def load(self) -> Flask:
        app = create_app(self._config)
        announce(app)
        atexit.register(app.extensions[EXTENSION_KEY].close)
        keep_out_of_collections()
        return app


class _WithdrawingArbiter(Arbiter):
    """Gunicorn's master; once it has forked the first workers, it drops the index opened
    ahead (a worker forked later, to replace one that died, opens the snapshot itself)."""

    def spawn_workers(self) -> None:
        super().spawn_workers()
        preload.withdraw()


def keep_out_of_collections() -> None:
    """Move every object alive now (the models, the parser, the index: loaded for the life of
    the process) out of the garbage collector's reach. A full collection otherwise walks
    them all, about 540,000 objects and 250 ms of CPU holding the GIL, every few dozen
    checks; frozen, it walks only what the checks made. The garbage of the load is
    collected first. Each worker calls it once its service is built; what it inherited
    from the master was frozen before the fork (:meth:`CrosscheckServer.run`)."""
    gc.collect()
    gc.freeze()


def announce(app: Flask) -> None:
    with app.app_context():
        registry = current_registry()
        config = registry.config
        secured = bool(config.api_keys or config.api_keys_file)
        log.info(
            "crosscheck ready",
            extra={
                "encoder": registry.encoder.name,
                "articles": registry.store.count_articles(),
                "data_dir": str(config.data_dir),
                "auth": "api keys required" if secured else "OPEN: no API keys configured",
            },
        )
        if not secured:
            log.warning(
                "no API keys configured: every route is open; set CROSSCHECK_API_KEYS "
                "or CROSSCHECK_API_KEYS_FILE before exposing this server"
            )


def worker_count(configured: int) -> int:
    """``configured`` worker processes; 0 means one per core."""
    return configured if configured > 0 else os.cpu_count() or 1


def serve(config: Config, host: str, port: int, index: IndexPreload | None = None) -> None:
    CrosscheckServer(config, host, port, index=index).run()
