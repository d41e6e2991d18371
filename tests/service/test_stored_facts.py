"""Stored claims' parsed facts kept in the store: written back by checks and by the idle-time
backfill, read by checks in other processes instead of a parse, ignored when their version or
content does not fit."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

import comparison.comparator
from api.config import TestConfig
from api.registry import Registry
from comparison.model import ClaimInput
from crosscheck.report import Report
from crosscheck.service import ArticleInput
from crosscheck.stored_facts import Activity, BackfillSettings, FactsBackfill, StoredFacts
from facts.codec import decode_facts, encode_facts
from storage import ArticleStore

STORM = (
    "More than 40,000 homes lost power on Tuesday after a storm crossed the coast, the utility "
    "said. The mayor said schools will stay closed for two days. Crews expect to restore "
    "service to most customers by Thursday."
)
RIVAL = (
    "About 25,000 homes lost power on Tuesday after a storm crossed the coast, the utility said. "
    "The mayor said schools would stay closed for three days."
)
PUBLISHED = "2026-03-03"
RegistryFactory = Callable[..., Registry]


@pytest.fixture
def make_registry(tmp_path: Path) -> Iterator[RegistryFactory]:
    """Registries on the test settings over one database, as processes sharing it would be."""
    built: list[Registry] = []

    def build(**changes: object) -> Registry:
        registry = Registry(TestConfig(data_dir=tmp_path / "data").with_changes(**changes))
        built.append(registry)
        return registry

    yield build
    for registry in built:
        registry.close()


def index_storm(registry: Registry) -> list[int]:
    stored, _ = registry.service.index_article(
        ArticleInput(source="A", text=STORM, id="storm", published_at=PUBLISHED)
    )
    return [claim.key for claim in stored.claims]


def check_rival(registry: Registry, index: bool = False) -> Report:
    return registry.service.check_article(ArticleInput(source="B", text=RIVAL), index=index)


def compared_claims(report: Report) -> set[str]:
    return {match.text for claim in report.claims for match in claim.matches if match.reasons}


def parsed_texts(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every claim text parsed from now on, in the order parsed."""
    texts: list[str] = []
    original = comparison.comparator.parse_claims

    def counted(nlp: Any, claims: list[tuple[str, Any]], *args: Any) -> Any:
        texts.extend(text for text, _ in claims)
        return original(nlp, claims, *args)

    monkeypatch.setattr(comparison.comparator, "parse_claims", counted)
    return texts


def wait_until(condition: Callable[[], bool], timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "condition not met in time"
        time.sleep(0.02)


def test_a_check_stores_the_counterparts_it_parsed(make_registry: RegistryFactory) -> None:
    registry = make_registry()
    keys = index_storm(registry)
    facts = registry.stored_facts

    report = check_rival(registry)

    assert compared_claims(report)
    stored = registry.store.claim_facts(keys, facts.version)
    assert stored and len(stored) == registry.store.count_claim_facts(facts.version)
    texts = {claim.key: claim.text for claim in registry.store.claims_by_key(keys).values()}
    expected = registry.comparator.parse(
        [ClaimInput(texts[key], decode_facts(blob).published_at) for key, blob in stored.items()]
    )
    assert [decode_facts(blob) for blob in stored.values()] == expected
    assert all(found.published_at is not None for found in expected)


def test_another_process_parses_only_the_drafts_claims(
    make_registry: RegistryFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    writer = make_registry()
    keys = index_storm(writer)
    assert writer.stored_facts.backfill(100) == len(keys)
    parsing_alone = check_rival(make_registry())
    checker = make_registry()
    parsed = parsed_texts(monkeypatch)

    report = check_rival(checker)

    assert parsed and set(parsed) <= {claim.text for claim in report.claims}
    assert [claim.matches for claim in report.claims] == [
        claim.matches for claim in parsing_alone.claims
    ]
    assert compared_claims(report)


def test_a_check_that_indexes_its_draft_stores_the_drafts_facts(
    make_registry: RegistryFactory,
) -> None:
    registry = make_registry()
    index_storm(registry)

    check_rival(registry, index=True)

    draft = registry.store.get_article(registry.store.list_articles(10)[0][-1].id)
    assert draft is not None and draft.id != "storm"
    stored = registry.store.claim_facts(
        [c.key for c in draft.claims], registry.stored_facts.version
    )
    assert {decode_facts(blob).text for blob in stored.values()} == {
        claim.text for claim in draft.claims
    }


def test_facts_of_another_version_are_parsed_again_and_replaced(
    make_registry: RegistryFactory,
) -> None:
    registry = make_registry()
    keys = index_storm(registry)
    old = StoredFacts(registry.store, registry.comparator, "an older version")
    assert old.backfill(100) == len(keys)
    facts = registry.stored_facts

    check_rival(registry)

    replaced = registry.store.count_claim_facts(facts.version)
    assert replaced > 0
    assert registry.store.count_claim_facts("an older version") == len(keys) - replaced


def test_unreadable_or_mismatched_stored_facts_are_parsed_again(
    make_registry: RegistryFactory,
) -> None:
    registry = make_registry()
    first, second, *_ = index_storm(registry)
    facts = registry.stored_facts
    claims = registry.store.claims_by_key([first, second])
    inputs = {key: ClaimInput(claims[key].text, date(2026, 3, 3)) for key in (first, second)}
    other = registry.comparator.parse([ClaimInput("Something else entirely.", None)])[0]
    registry.store.save_claim_facts(
        facts.version, {first: b"\x00garbage", second: encode_facts(other)}
    )

    assert facts.load(inputs) == inputs
    check_rival(registry)
    stored = registry.store.claim_facts([first, second], facts.version)
    assert {key: decode_facts(blob).text for key, blob in stored.items()} == {
        key: claim.text for key, claim in inputs.items()
    }


def test_the_backfill_goes_in_key_order_and_rescans_from_the_start(
    make_registry: RegistryFactory,
) -> None:
    registry = make_registry()
    now = [0.0]
    facts = StoredFacts(registry.store, registry.comparator, "v", rescan_s=10, clock=lambda: now[0])
    first, *rest = index_storm(registry)

    assert facts.backfill(1) == 1
    assert list(registry.store.claim_facts([first, *rest], "v")) == [first]
    assert facts.backfill(100) == len(rest)
    registry.store.save_claim_facts("another", {first: b"x"})  # as if committed late
    assert facts.backfill(100) == 0
    now[0] = 10.0
    assert facts.backfill(100) == 0  # the rescan starts from the first claim next time
    assert facts.backfill(100) == 1
    assert registry.store.count_claim_facts("v") == len(rest) + 1


class CountedScans:
    """The store, counting the backfill's scans for claims without facts."""

    def __init__(self, store: ArticleStore) -> None:
        self._store = store
        self.scans = 0

    def claims_without_facts(self, version: str, after_key: int, limit: int) -> Any:
        self.scans += 1
        return self._store.claims_without_facts(version, after_key, limit)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)


def test_a_backfill_with_nothing_left_scans_again_only_after_a_change_or_the_rescan(
    make_registry: RegistryFactory,
) -> None:
    registry = make_registry()
    now = [0.0]
    store = CountedScans(registry.store)
    index_storm(registry)
    assert StoredFacts(store, registry.comparator, "v").backfill(100) > 0  # type: ignore[arg-type]
    restarted = StoredFacts(store, registry.comparator, "v", rescan_s=10, clock=lambda: now[0])  # type: ignore[arg-type]

    before = store.scans
    assert [restarted.backfill(100) for _ in range(3)] == [0, 0, 0]
    assert store.scans == before + 1
    now[0] = 10.0
    assert restarted.backfill(100) == 0
    assert store.scans == before + 2
    registry.service.index_article(ArticleInput(source="B", text=RIVAL, id="rival"))
    assert restarted.backfill(100) > 0
    assert store.scans == before + 3


def test_the_backfill_thread_parses_only_while_the_service_is_idle(
    make_registry: RegistryFactory,
) -> None:
    registry = make_registry()
    keys = index_storm(registry)
    facts = registry.stored_facts
    backfill = FactsBackfill(facts, registry.service.activity, BackfillSettings(0.05, 2, 0.01))

    with registry.service.activity.busy():
        backfill.start()
        time.sleep(0.3)
        assert registry.store.count_claim_facts(facts.version) == 0
    wait_until(lambda: registry.store.count_claim_facts(facts.version) == len(keys))
    backfill.stop()


def test_a_backfill_told_to_stop_keeps_the_pieces_it_parsed_and_resumes_after_them(
    make_registry: RegistryFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    registry = make_registry()
    keys = index_storm(registry)
    facts = StoredFacts(registry.store, registry.comparator, "v")
    parsed = parsed_texts(monkeypatch)
    answers = iter([True, False])

    assert facts.backfill(100, lambda: next(answers), piece=1) == 1
    assert list(registry.store.claim_facts(keys, "v")) == [keys[0]]
    assert len(parsed) == 1
    assert facts.backfill(100, piece=1) == len(keys) - 1
    assert registry.store.count_claim_facts("v") == len(keys)
    assert len(parsed) == len(keys)


def test_the_backfill_thread_stops_within_a_batch_when_a_call_arrives(
    make_registry: RegistryFactory,
) -> None:
    registry = make_registry()
    keys = index_storm(registry)
    facts, activity = registry.stored_facts, registry.service.activity
    call = activity.busy()
    pieces: list[int] = []
    original = registry.comparator.parse

    def parse_as_a_call_arrives(claims: Any) -> Any:
        if not pieces:
            call.__enter__()
        pieces.append(len(claims))
        return original(claims)

    registry.comparator.parse = parse_as_a_call_arrives  # type: ignore[method-assign]
    settings = BackfillSettings(idle_s=0.01, batch=100, poll_s=0.01, piece=1)
    backfill = FactsBackfill(facts, activity, settings)
    backfill.start()
    wait_until(lambda: registry.store.count_claim_facts(facts.version) == 1)
    time.sleep(0.2)
    assert pieces == [1] and registry.store.count_claim_facts(facts.version) == 1
    call.__exit__(None, None, None)
    wait_until(lambda: registry.store.count_claim_facts(facts.version) == len(keys))
    backfill.stop()
    assert pieces == [1] * len(keys)


def test_with_the_thread_running_a_check_leaves_its_writes_to_it(
    make_registry: RegistryFactory,
) -> None:
    registry = make_registry()
    index_storm(registry)
    facts = registry.stored_facts
    never_idle = BackfillSettings(idle_s=3600)
    backfill = FactsBackfill(facts, registry.service.activity, never_idle)
    backfill.start()

    check_rival(registry)

    assert registry.store.count_claim_facts(facts.version) == 0
    backfill.stop()
    assert registry.store.count_claim_facts(facts.version) > 0


def test_a_server_registry_fills_the_facts_in_the_background(
    make_registry: RegistryFactory,
) -> None:
    registry = make_registry(facts_backfill=True)
    keys = index_storm(registry)
    store: ArticleStore = registry.store

    wait_until(lambda: store.count_claim_facts(registry.stored_facts.version) == len(keys))
    registry.close()


def test_activity_counts_calls_in_progress_and_the_time_since_the_last() -> None:
    now = [100.0]
    activity = Activity(clock=lambda: now[0])
    with activity.busy():
        now[0] = 105.0
        assert activity.idle_for() == 0.0
    now[0] = 107.5
    assert activity.idle_for() == 2.5


def test_facts_waiting_for_a_busy_thread_are_written_once_too_many_wait(
    make_registry: RegistryFactory,
) -> None:
    registry = make_registry()
    keys = index_storm(registry)
    claims = registry.store.claims_by_key(keys)
    parsed = registry.comparator.parse([ClaimInput(claims[key].text, None) for key in keys])
    facts = StoredFacts(registry.store, registry.comparator, "v", max_pending=len(keys))
    facts.defer_writes(True)

    facts.keep(dict(zip(keys[:-1], parsed[:-1], strict=True)))
    assert registry.store.count_claim_facts("v") == 0
    facts.keep({keys[-1]: parsed[-1]})
    assert registry.store.count_claim_facts("v") == len(keys)


def test_a_failed_background_parse_fails_the_check(make_registry: RegistryFactory) -> None:
    registry = make_registry()
    index_storm(registry)

    def broken(claims: object) -> None:
        raise RuntimeError("parser down")

    registry.comparator.prime = broken  # type: ignore[method-assign]
    with pytest.raises(RuntimeError, match="parser down"):
        check_rival(registry)


def test_a_failed_background_parse_fails_the_compare(make_registry: RegistryFactory) -> None:
    registry = make_registry()

    def broken(claims: object) -> None:
        raise RuntimeError("parser down")

    registry.comparator.prime = broken  # type: ignore[method-assign]
    with pytest.raises(RuntimeError, match="parser down"):
        registry.service.compare_claims(
            ClaimInput("A storm hit.", None), ClaimInput("Rain fell.", None)
        )


def test_every_service_call_counts_as_activity(make_registry: RegistryFactory) -> None:
    registry = make_registry()
    seen: list[float] = []
    comparator = registry.comparator
    original = comparator.prime

    def watched(claims: Any) -> None:
        seen.append(registry.service.activity.idle_for())
        original(claims)

    comparator.prime = watched  # type: ignore[method-assign]
    index_storm(registry)
    registry.service.compare_claims(
        ClaimInput("A storm hit.", None), ClaimInput("Rain fell.", None)
    )
    check_rival(registry)
    assert len(seen) >= 2 and set(seen) == {0.0}


def test_of_two_processes_only_the_lease_holder_backfills(
    make_registry: RegistryFactory,
) -> None:
    first, second = make_registry(), make_registry()
    keys = index_storm(first)
    parsed: dict[str, int] = {"first": 0, "second": 0}
    threads = []
    for name, registry in (("first", first), ("second", second)):
        comparator, original = registry.comparator, registry.comparator.parse

        def counted(claims: Any, name: str = name, original: Any = original) -> Any:
            parsed[name] += len(claims)
            return original(claims)

        comparator.parse = counted  # type: ignore[method-assign]
        fast = BackfillSettings(idle_s=0.0, batch=1, poll_s=0.01, lease_retry_s=0.05)
        threads.append(FactsBackfill(registry.stored_facts, registry.service.activity, fast))
    for thread in threads:
        thread.start()

    version = first.stored_facts.version
    wait_until(lambda: first.store.count_claim_facts(version) == len(keys))
    for thread in threads:
        thread.stop()
    assert sorted(parsed.values()) == [0, len(keys)]
