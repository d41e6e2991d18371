"""The index log floor: truncation in the store and the policy that decides when to compact."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from claims.model import Claim
from storage import (
    ArticleRecord,
    IndexLogCompacted,
    LogCompaction,
    SqliteStore,
    compact_index_log,
)


def save(store: SqliteStore, article_id: str, count: int, revision: int = 0) -> None:
    claims = [
        Claim(f"Claim {n} of revision {revision}.", n * 30, n * 30 + 20) for n in range(count)
    ]
    vectors = np.eye(count, 8, dtype=np.float32)
    store.save_article(ArticleRecord(article_id, "Outlet", "text"), claims, vectors)


@pytest.fixture
def store(tmp_path: Path) -> SqliteStore:
    return SqliteStore(tmp_path / "db.sqlite3")


def test_truncating_raises_the_floor_and_refuses_positions_below_it(store: SqliteStore) -> None:
    save(store, "a", 3)
    save(store, "a", 1, revision=1)  # 3 adds, 3 removes, 1 add
    assert store.last_change() == 7 and store.log_floor() == 0
    assert store.truncate_log(4) == 4
    assert store.log_floor() == 4
    assert store.count_log_entries() == 3
    assert [change.sequence for change in store.changes_after(4)] == [5, 6, 7]
    assert [change.sequence for change in store.changes_after(6)] == [7]
    with pytest.raises(IndexLogCompacted) as raised:
        store.changes_after(3)
    assert (raised.value.sequence, raised.value.floor) == (3, 4)
    assert store.last_change() == 7


def test_the_floor_never_goes_down_nor_past_the_last_entry(store: SqliteStore) -> None:
    save(store, "a", 3)
    assert store.truncate_log(2) == 2
    assert store.truncate_log(1) == 0
    assert store.log_floor() == 2
    with pytest.raises(ValueError):
        store.truncate_log(4)
    assert store.log_floor() == 2 and store.count_log_entries() == 1


def test_an_emptied_log_keeps_its_position(store: SqliteStore) -> None:
    save(store, "a", 2)
    store.truncate_log(2)
    assert store.count_log_entries() == 0
    assert store.last_change() == 2
    assert store.changes_after(2) == []
    save(store, "b", 1)
    assert [change.sequence for change in store.changes_after(2)] == [3]


def test_policy_compacts_only_past_the_slack_and_keeps_the_tail(store: SqliteStore) -> None:
    policy = LogCompaction(slack=10, keep=3)
    save(store, "a", 4)
    revision = 0
    # each revision logs 4 removes and 4 adds; live claims stay at 4
    while store.count_log_entries() + 8 <= store.count_claims() + policy.slack:
        revision += 1
        save(store, "a", 4, revision)
        assert compact_index_log(store, policy) == 0
    revision += 1
    save(store, "a", 4, revision)
    entries, last = store.count_log_entries(), store.last_change()
    assert entries > store.count_claims() + policy.slack
    assert compact_index_log(store, policy) == entries - policy.keep
    assert store.count_log_entries() == policy.keep
    assert store.log_floor() == last - policy.keep
    assert compact_index_log(store, policy) == 0


def test_a_log_of_live_claims_only_is_never_compacted(store: SqliteStore) -> None:
    policy = LogCompaction(slack=5, keep=2)
    for name in "abcdef":
        save(store, name, 3)
    assert store.count_log_entries() == 18
    assert compact_index_log(store, policy) == 0
    assert store.log_floor() == 0


@pytest.mark.parametrize(("slack", "keep"), [(5, 5), (5, 0), (3, 4)])
def test_policy_needs_a_tail_shorter_than_the_slack(slack: int, keep: int) -> None:
    with pytest.raises(ValueError):
        LogCompaction(slack=slack, keep=keep)
