"""The draft's parse in a child process: the same facts as a parse here, only the claims not
cached are sent, a child that is gone leaves the parse to this process, and the service's
checks and comparisons parse through it."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from flask import Flask

from api import create_app
from api.config import TestConfig
from api.registry import _load_spacy
from comparison.model import ClaimInput
from crosscheck.parse_process import ChildParsingComparator, ParseProcess, start_parse_process
from crosscheck.service import ArticleInput
from facts import ClaimFacts, parse_claims

CLAIMS = [
    ("Mayor Ilsa Brandt said on Monday that repairs would cost 4 million euros.", None),
    ("The bridge did not reopen until March 3, police said.", date(2024, 3, 5)),
    ("Ferries carried 1,200 commuters across the bay.", None),
]


@pytest.fixture(scope="module")
def nlp() -> Any:
    return _load_spacy()


@pytest.fixture
def child(nlp: Any) -> Iterator[ParseProcess]:
    process = start_parse_process(nlp)
    assert process is not None
    yield process
    process.close()


class Cache:
    """The comparator's cache, recording what it is asked."""

    def __init__(self, nlp: Any) -> None:
        self.nlp = nlp
        self.facts: dict[tuple[str, date | None], ClaimFacts] = {}
        self.primed_here: list[ClaimInput] = []

    def prime(self, claims: Sequence[ClaimInput]) -> None:
        self.primed_here.extend(claims)
        pairs = [(claim.text, claim.published_at) for claim in claims]
        self.facts.update(zip(pairs, parse_claims(self.nlp, pairs), strict=True))

    def cached(self, claim: ClaimInput) -> ClaimFacts | None:
        return self.facts.get((claim.text, claim.published_at))

    def remember(self, claim: ClaimInput, facts: ClaimFacts) -> None:
        self.facts[(claim.text, claim.published_at)] = facts


def test_the_child_parses_as_this_process_does(child: ParseProcess, nlp: Any) -> None:
    assert child.pid is not None and child.pid != os.getpid()
    assert child.parse(CLAIMS) == parse_claims(nlp, CLAIMS)
    assert child.parse([]) == []


def test_prime_caches_the_claims_not_cached_yet_each_parsed_once(
    child: ParseProcess, nlp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = Cache(nlp)
    first = ClaimInput(*CLAIMS[0])
    cache.remember(first, ClaimFacts(first.text, None, frozenset({"kept"})))
    sent: list[list[tuple[str, date | None]]] = []
    parse = child.parse

    def recorded(claims: Sequence[tuple[str, date | None]]) -> list[ClaimFacts] | None:
        sent.append(list(claims))
        return parse(claims)

    monkeypatch.setattr(child, "parse", recorded)
    inputs = [ClaimInput(*claim) for claim in CLAIMS]
    child.prime(cache, [*inputs, inputs[1]], cache.prime)
    assert sent == [CLAIMS[1:]]  # the cached claim is not sent, the repeated one once
    assert cache.cached(first) == ClaimFacts(first.text, None, frozenset({"kept"}))
    assert [cache.cached(claim) for claim in inputs[1:]] == parse_claims(nlp, CLAIMS[1:])
    assert cache.primed_here == []
    child.prime(cache, inputs, cache.prime)  # all cached: nothing sent
    assert len(sent) == 1


def test_a_child_that_is_gone_leaves_the_parse_to_this_process(
    child: ParseProcess, nlp: Any
) -> None:
    assert child.pid is not None
    os.kill(child.pid, signal.SIGKILL)
    assert child.parse(CLAIMS) is None
    assert not child.alive
    cache = Cache(nlp)
    inputs = [ClaimInput(*claim) for claim in CLAIMS]
    child.prime(cache, inputs, cache.prime)
    assert cache.primed_here == inputs
    assert [cache.cached(claim) for claim in inputs] == parse_claims(nlp, CLAIMS)


def test_closing_ends_the_child(nlp: Any) -> None:
    process = start_parse_process(nlp)
    assert process is not None
    process.close()
    assert not process.alive
    assert process.parse(CLAIMS) is None
    assert process._process.exitcode == 0  # it saw its pipe close and returned


def test_the_service_parses_the_draft_and_compared_claims_in_the_child(
    app: Flask, monkeypatch: pytest.MonkeyPatch
) -> None:
    registry = app.extensions["crosscheck"]
    service = registry.service
    assert isinstance(registry.comparator, ChildParsingComparator)
    child: ParseProcess = registry.comparator.process
    assert child.alive
    service.index_article(
        ArticleInput(source="Outlet A", text="Repairs will cost 4 million euros, the mayor said.")
    )
    sent: list[list[tuple[str, date | None]]] = []
    parse = child.parse

    def recorded(claims: Sequence[tuple[str, date | None]]) -> list[ClaimFacts] | None:
        sent.append(list(claims))
        return parse(claims)

    monkeypatch.setattr(child, "parse", recorded)
    draft = "The mayor said repairs would cost 5 million euros. Ferries carried commuters."
    report = service.check_article(ArticleInput(source="Outlet B", text=draft))
    assert sent[0] == [(claim.text, None) for claim in report.claims]
    assert registry.comparator.cached(ClaimInput(report.claims[0].text)) is not None
    service.compare_claims(ClaimInput("A bridge closed."), ClaimInput("A bridge opened."))
    assert sent[-1] == [("A bridge closed.", None), ("A bridge opened.", None)]


def test_the_registry_ends_its_child_when_closed(tmp_path: Path) -> None:
    registry = create_app(TestConfig(data_dir=tmp_path / "data")).extensions["crosscheck"]
    _ = registry.service
    child: ParseProcess = registry._built["parse_process"]
    registry.close()
    assert not child.alive
    assert child._process.exitcode == 0
