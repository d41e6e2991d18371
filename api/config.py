"""Configuration: defaults in code, overridden by ``CROSSCHECK_*`` environment variables."""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

ENV_PREFIX = "CROSSCHECK_"
DEFAULT_BULK_MAX_ARTICLES = 100


@dataclass(frozen=True)
class Config:
    """Every setting of a Crosscheck server.

    Each field can be set from the environment as ``CROSSCHECK_<FIELD NAME IN CAPITALS>``.
    """

    data_dir: Path = Path("data")
    database_url: str | None = None  # postgresql://… shared corpus; None: SQLite under data_dir
    database_timeout: float = 5.0  # seconds to wait for a PostgreSQL connection before a 503
    encoder: str = "minilm"
    model_path: str | None = None
    judge_path: str | None = None
    verdict_judge: str = "packaged"
    torch_threads: int = 1  # torch's intra-op threads (keep 1: see encode_threads)
    encode_threads: int = 1  # threads an encode is split across, each with torch_threads
    embedding_cache_size: int = 4096
    similarity_floor: float = 0.5
    max_claims: int = 500
    max_body_bytes: int = 2 * 1024 * 1024
    default_top_k: int = 5
    load_models_eagerly: bool = False
    api_keys: tuple[str, ...] = ()
    api_keys_file: str | None = None
    rate_limit: str = "120 per minute"
    rate_limit_storage_uri: str = "memory://"
    cors_origins: tuple[str, ...] = ()
    log_level: str = "INFO"
    editor: bool = False  # the /editor demo page (the widget files are always served)
    redis_url: str | None = None
    redis_namespace: str = "crosscheck"
    job_max_items: int = 1_000
    job_batch_size: int = 16
    job_max_attempts: int = 5
    job_retention_days: int = 7
    worker_heartbeat_timeout_ms: int = 5_000
    webhook_secret: str | None = None
    webhook_max_attempts: int = 8
    webhook_min_backoff_ms: int = 1_000
    index_kind: str = "auto"
    index_flat_below: int = 50_000
    index_nprobe: int = 256
    index_snapshot_every: int = 50_000
    index_threads: int = 1
    bulk_max_articles: int = DEFAULT_BULK_MAX_ARTICLES
    bulk_rate_limit: str = "30 per minute"
    workers: int = 0
    facts_backfill: bool = True  # parse stored claims' facts in the background when idle

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None, **overrides: Any) -> Config:
        values = _read_environment(cls, os.environ if environ is None else environ)
        values.update(overrides)
        return cls(**values)

    def with_changes(self, **changes: Any) -> Config:
        return replace(self, **changes)

    @property
    def database_path(self) -> Path:
        return self.data_dir / "crosscheck.sqlite3"

    @property
    def index_path(self) -> Path:
        return self.data_dir / "claims-index.npz"


@dataclass(frozen=True)
class TestConfig(Config):
    """Fast settings for tests: the deterministic hashing encoder instead of a real model, and
    verdicts from the rules alone (the verdict judge was trained on the real model's cosines)."""

    encoder: str = "hashing"
    verdict_judge: str = "off"
    similarity_floor: float = 0.3
    rate_limit: str = "10000 per minute"
    facts_backfill: bool = False


def _read_environment(cls: type[Config], environ: Any) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for spec in fields(cls):
        raw = environ.get(ENV_PREFIX + spec.name.upper())
        if raw is None:
            continue
        values[spec.name] = _convert(spec.name, str(spec.type), raw)
    return values


def _convert(name: str, type_name: str, raw: str) -> Any:
    try:
        if type_name.startswith("tuple"):
            return tuple(part.strip() for part in raw.split(",") if part.strip())
        if type_name == "bool":
            return raw.strip().lower() in {"1", "true", "yes", "on"}
        if type_name == "int":
            return int(raw)
        if type_name == "float":
            return float(raw)
        if type_name == "Path":
            return Path(raw)
    except ValueError as error:
        raise ValueError(f"{ENV_PREFIX}{name.upper()}: {error}") from error
    optional = "None" in type_name
    return (raw or None) if optional else raw
