"""Parsed facts of stored claims, kept in the store, so that a check parses only the draft's
own claims.

A stored claim's facts are parsed once, by whichever comes first: the background backfill
(:class:`FactsBackfill`, which parses newly stored claims while the process is idle) or a check
that needed them (its parse is written back). Checks then read them in one query instead of
parsing. Facts are stored under :func:`facts.codec.facts_version`: when the fact-extraction
code or the spaCy pipeline changes, stored facts of the old version are ignored, parsed again
and replaced.
"""

from __future__ import annotations

import logging
import math
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Protocol

from comparison.model import ClaimInput
from crosscheck.publication import publication_date
from facts import ClaimFacts
from facts.codec import FactsDecodeError, decode_facts, encode_facts
from storage import ArticleStore, StoreError

log = logging.getLogger(__name__)

Clock = Callable[[], float]


class FactsParser(Protocol):
    """The comparator's parsing and its per-process cache of parsed facts."""

    def parse(self, claims: Sequence[ClaimInput]) -> list[ClaimFacts]: ...

    def cached(self, claim: ClaimInput) -> ClaimFacts | None: ...

    def remember(self, claim: ClaimInput, facts: ClaimFacts) -> None: ...


@dataclass(frozen=True, slots=True)
class BackfillSettings:
    """``idle_s``: how long no request may have run before the backfill starts; ``batch``: the
    claims read and stored at a time; ``poll_s``: how often an idle process looks for new
    claims; ``lease_retry_s``: how often a process that is not the one backfilling asks
    whether it can take over; ``piece``: the claims parsed at a time, between which the
    backfill stops if a request has arrived (a request waits for at most one piece's parse,
    a few milliseconds, for the parser and a core, not for the whole batch's)."""

    idle_s: float = 1.0
    batch: int = 16
    poll_s: float = 0.5
    lease_retry_s: float = 30.0
    piece: int = 2


class StoredFacts:
    """Reads and writes the parsed facts of stored claims for one parser (see the module)."""

    def __init__(
        self,
        store: ArticleStore,
        parser: FactsParser,
        version: str,
        rescan_s: float = 600.0,
        max_pending: int = 2048,
        clock: Clock = time.monotonic,
    ) -> None:
        self._store = store
        self._parser = parser
        self.version = version
        self._rescan_s = rescan_s
        self._max_pending = max_pending
        self._clock = clock
        self._pending: dict[int, ClaimFacts] = {}
        self._pending_lock = threading.Lock()
        self._deferred = False
        self._after_key = 0
        self._rescanned_at = clock()
        self._settled_at: int | None = None  # the store's last change when nothing was left

    def load(self, claims: Mapping[int, ClaimInput]) -> dict[int, ClaimInput]:
        """Hand the parser the stored facts of the given claims (by key) it has not cached;
        returns the claims left without facts, which a parse will have to work out."""
        cached = self._parser.cached
        unknown = {key: claim for key, claim in claims.items() if cached(claim) is None}
        if not unknown:
            return {}
        for key, blob in self._store.claim_facts(list(unknown), self.version).items():
            facts = _decoded(blob, unknown[key])
            if facts is not None:
                self._parser.remember(unknown.pop(key), facts)
        return unknown

    def keep_parsed(self, claims: Mapping[int, ClaimInput]) -> None:
        """Store the facts the parser has cached for these stored claims (by key)."""
        parsed = {key: self._parser.cached(claim) for key, claim in claims.items()}
        self.keep({key: facts for key, facts in parsed.items() if facts is not None})

    def keep(self, facts: Mapping[int, ClaimFacts]) -> None:
        """Store facts parsed for stored claims: at once, or by the backfill thread when one
        runs (so a check does not wait for a write), unless ``max_pending`` facts wait for it
        already (a process never idle). A failed write is logged, not raised."""
        if not facts:
            return
        with self._pending_lock:
            self._pending.update(facts)
            if self._deferred and len(self._pending) < self._max_pending:
                return
        self.flush()

    def flush(self) -> None:
        """Write the facts kept since the last write."""
        with self._pending_lock:
            pending, self._pending = self._pending, {}
        if not pending:
            return
        blobs = {key: encode_facts(facts) for key, facts in pending.items()}
        try:
            self._store.save_claim_facts(self.version, blobs)
        except StoreError as error:
            log.warning("parsed facts not stored: %s", error)

    def defer_writes(self, deferred: bool) -> None:
        """Leave the writes of :meth:`keep` to :meth:`flush` (the backfill thread's)."""
        with self._pending_lock:
            self._deferred = deferred

    def backfill(
        self, limit: int, keep_going: Callable[[], bool] | None = None, piece: int = 0
    ) -> int:
        """Parse and store up to ``limit`` stored claims that have no facts of this version,
        in key order from where the last call stopped; how many it parsed. With ``piece``,
        they are parsed that many at a time, and the parse stops early (what was parsed is
        stored) as soon as ``keep_going`` says no: a request that arrives waits for one
        piece, not the whole batch."""
        if self._settled():
            return 0
        claims = self._store.claims_without_facts(self.version, self._after_key, limit)
        if not claims:
            self._settle_if_scanned_all()
            self._rescan_if_due()
            return 0
        self._settled_at = None
        size = piece if piece > 0 else len(claims)
        blobs: dict[int, bytes] = {}
        for start in range(0, len(claims), size):
            if keep_going is not None and not keep_going():
                break
            some = claims[start : start + size]
            inputs = [ClaimInput(c.text, publication_date(c.published_at)) for c in some]
            for claim, facts in zip(some, self._parser.parse(inputs), strict=True):
                blobs[claim.key] = encode_facts(facts)
        if not blobs:
            return 0
        self._store.save_claim_facts(self.version, blobs)
        self._after_key = claims[len(blobs) - 1].key
        return len(blobs)

    def may_backfill(self) -> bool:
        """Whether this process is the one that backfills the database (its store holds the
        backfill lease): each claim is parsed by one process, not by every worker."""
        return self._store.hold_backfill_lease()

    def _settled(self) -> bool:
        """Whether a scan from the first claim found nothing and the store has not changed
        since (a scan of every stored claim takes a second at a million claims: an idle
        process would spend a core on it), unless a rescan is due."""
        if self._settled_at is None or self._rescan_due():
            return False
        return self._store.last_change() == self._settled_at

    def _settle_if_scanned_all(self) -> None:
        if self._after_key == 0:
            self._settled_at = self._store.last_change()
            self._rescanned_at = self._clock()

    def _rescan_due(self) -> bool:
        return self._clock() - self._rescanned_at >= self._rescan_s

    def _rescan_if_due(self) -> None:
        """Start again from the first claim every ``rescan_s``: on PostgreSQL a claim may
        commit after one numbered above it, which a scan from the last key seen would miss."""
        if self._after_key and self._rescan_due():
            self._after_key = 0
            self._rescanned_at = self._clock()


def _decoded(blob: bytes, claim: ClaimInput) -> ClaimFacts | None:
    """The stored facts if they decode and are those of ``claim``."""
    try:
        facts = decode_facts(blob)
    except FactsDecodeError as error:
        log.warning("stored facts unreadable, parsing again: %s", error)
        return None
    if (facts.text, facts.published_at) != (claim.text, claim.published_at):
        return None
    return facts


class Activity:
    """Counts the service calls in progress, so background work runs only between them."""

    def __init__(self, clock: Clock = time.monotonic) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._running = 0
        self._ended_at = clock()

    @contextmanager
    def busy(self) -> Iterator[None]:
        with self._lock:
            self._running += 1
        try:
            yield
        finally:
            with self._lock:
                self._running -= 1
                self._ended_at = self._clock()

    def idle_for(self) -> float:
        """Seconds since the last call ended; 0 while one runs."""
        with self._lock:
            return 0.0 if self._running else self._clock() - self._ended_at


class FactsBackfill:
    """A daemon thread that, while the process is idle, writes the facts checks parsed and,
    in the one process holding the store's backfill lease, parses the stored claims that have
    none (:meth:`StoredFacts.backfill`), a few at a time, stopping as soon as a call
    arrives (between two pieces of a batch, not at its end)."""

    def __init__(
        self,
        facts: StoredFacts,
        activity: Activity,
        settings: BackfillSettings | None = None,
        clock: Clock = time.monotonic,
    ) -> None:
        self._facts = facts
        self._activity = activity
        self._settings = settings or BackfillSettings()
        self._clock = clock
        self._lease_held = False
        self._lease_asked_at = -math.inf
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._facts.defer_writes(True)
        self._thread = threading.Thread(target=self._run, name="facts-backfill", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
        self._facts.defer_writes(False)
        self._facts.flush()

    def _run(self) -> None:
        while not self._stop.wait(self._settings.poll_s):
            if self._idle():
                self._work()

    def _leased(self) -> bool:
        """Whether this process backfills; asked again every ``lease_retry_s`` while another
        process does."""
        now = self._clock()
        if not self._lease_held and now - self._lease_asked_at < self._settings.lease_retry_s:
            return False
        self._lease_asked_at = now
        self._lease_held = self._facts.may_backfill()
        return self._lease_held

    def _idle(self) -> bool:
        return not self._stop.is_set() and self._activity.idle_for() >= self._settings.idle_s

    def _work(self) -> None:
        try:
            self._facts.flush()
            if not self._leased():
                return
            settings = self._settings
            while self._idle() and self._facts.backfill(settings.batch, self._idle, settings.piece):
                pass
        except Exception:  # the thread must outlive a failure; the next round retries
            log.exception("facts backfill failed")
