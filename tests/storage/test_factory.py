"""Opening a store from a URL or a path."""

from __future__ import annotations

from pathlib import Path

import pytest

from api.config import Config
from storage import PostgresStore, SqliteStore, open_store
from storage.factory import redact


def test_a_path_or_a_sqlite_url_opens_sqlite(tmp_path: Path) -> None:
    for target in (tmp_path / "a.sqlite3", str(tmp_path / "b.sqlite3")):
        store = open_store(target)
        assert isinstance(store, SqliteStore)
        store.close()
    store = open_store(f"sqlite:///{tmp_path / 'c.sqlite3'}")
    assert isinstance(store, SqliteStore) and (tmp_path / "c.sqlite3").is_file()
    store.close()


def test_a_postgresql_url_opens_postgresql(postgres_url: str) -> None:
    store = open_store(postgres_url)
    assert isinstance(store, PostgresStore)
    store.close()


def test_an_unknown_scheme_is_refused_without_showing_the_password() -> None:
    with pytest.raises(ValueError) as refused:
        open_store("mysql://editor:s3cret@db/crosscheck")
    assert "s3cret" not in str(refused.value)
    assert redact("postgresql://editor:s3cret@db:5432/x") == "postgresql://editor:***@db:5432/x"
    assert redact("postgresql://db/x") == "postgresql://db/x"


def test_the_database_url_comes_from_the_environment() -> None:
    url = "postgresql://db.example:5432/crosscheck"
    assert Config.from_env({"CROSSCHECK_DATABASE_URL": url}).database_url == url
    assert Config.from_env({}).database_url is None
