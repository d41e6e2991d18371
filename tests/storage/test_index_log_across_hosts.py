"""The PostgreSQL index log under concurrent writers on several "hosts" (stores with their
own pools): a reader that applies the entries after its position never skips one."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import numpy as np
import psycopg
import pytest

import storage.postgres_store
from claims.model import Claim
from storage import ArticleRecord, PostgresStore, StoredClaim

LOCK_WAIT_ATTEMPTS = 200


@pytest.fixture
def hosts(postgres_url: str) -> Iterator[tuple[PostgresStore, PostgresStore]]:
    first, second = PostgresStore(postgres_url), PostgresStore(postgres_url)
    yield first, second
    first.close()
    second.close()


def save(store: PostgresStore, article_id: str, count: int) -> None:
    claims = [Claim(f"Claim {n} of {article_id}.", 0, 10) for n in range(count)]
    store.save_article(
        ArticleRecord(article_id, "Outlet", "x"), claims, np.eye(count, 8, dtype=np.float32)
    )


def claims_of(store: PostgresStore, article_id: str) -> list[StoredClaim]:
    article = store.get_article(article_id)
    assert article is not None
    return article.claims


def wait_for_a_writer_blocked_on_the_log(url: str) -> None:
    with psycopg.connect(url, autocommit=True) as connection:
        for _ in range(LOCK_WAIT_ATTEMPTS):
            blocked = connection.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                "AND datname = current_database() AND query LIKE 'UPDATE index_log_head%'"
            ).fetchone()
            if blocked and blocked[0]:
                return
            time.sleep(0.05)
    raise AssertionError("the second writer never waited for the first one's log entries")


def test_a_later_write_cannot_commit_its_entries_before_an_earlier_one(
    hosts: tuple[PostgresStore, PostgresStore],
    postgres_url: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    first_host, second_host = hosts
    appended, release = threading.Event(), threading.Event()
    append_log = storage.postgres_store._append_log

    def hold_the_first_writer(connection: psycopg.Connection[object], entries: object) -> None:
        append_log(connection, entries)  # type: ignore[arg-type]
        if threading.current_thread().name == "first":
            appended.set()
            release.wait(30)

    monkeypatch.setattr(storage.postgres_store, "_append_log", hold_the_first_writer)
    first = threading.Thread(target=save, args=(first_host, "a", 2), name="first")
    second = threading.Thread(target=save, args=(second_host, "b", 1), name="second")
    first.start()
    assert appended.wait(30)
    second.start()
    wait_for_a_writer_blocked_on_the_log(postgres_url)

    assert second_host.changes_after(0) == [] and second_host.last_change() == 0

    release.set()
    first.join()
    second.join()
    changes = second_host.changes_after(0)
    assert [change.sequence for change in changes] == [1, 2, 3]
    stored = second_host.articles_by_id(["a", "b"])
    keys = [claim.key for article_id in "ab" for claim in claims_of(second_host, article_id)]
    assert set(stored) == {"a", "b"}
    assert [change.claim_key for change in changes] == keys


def test_a_reader_following_concurrent_writers_sees_every_entry_in_order(
    hosts: tuple[PostgresStore, PostgresStore],
) -> None:
    writers_done = threading.Event()
    gaps: list[tuple[int, int]] = []
    seen: dict[int, str] = {}

    def write(store: PostgresStore, prefix: str) -> None:
        for n in range(15):
            save(store, f"{prefix}{n % 5}", 1 + n % 3)

    def follow(store: PostgresStore) -> None:
        position = 0
        while True:
            finished = writers_done.is_set()
            for change in store.changes_after(position):
                if change.sequence != position + 1:
                    gaps.append((position, change.sequence))
                position = change.sequence
                seen[change.claim_key] = change.operation
            if finished:
                return

    reader = threading.Thread(target=follow, args=(hosts[1],))
    writers = [threading.Thread(target=write, args=(hosts[n % 2], f"w{n}-")) for n in range(4)]
    reader.start()
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join()
    writers_done.set()
    reader.join()

    assert gaps == []
    live = {key for key, operation in seen.items() if operation == "add"}
    assert live == set(hosts[0].vectors()[0])
    assert hosts[0].last_change() == hosts[0].count_log_entries()
