"""Parsing a check's draft in a child process, beside the encode and the matching.

A check parses its draft's claims (spaCy and the fact extraction: a quarter to a half of a
second of one core for 20-50 claims) while it encodes them and then matches them. In a thread
of the serving process that parse held the interpreter for most of its length: the encoder's
threads, which take the interpreter back between the operations of every layer, and then the
matching, which is Python throughout, waited for it (bench/check_cost.py). A child process
forked with the spaCy pipeline loaded parses instead, and the process that serves only waits
on a pipe (the interpreter free) and reads the facts back (a few milliseconds).

The child is forked from the serving process when its service is built, before the claim
index is opened and before any thread of the service starts, and shares the loaded pipeline
with it (copy-on-write). It parses one batch at a time, with the same pipeline and code as the
comparator would (:func:`facts.parse_claims`), so the facts, and the reports, are the same.
It ends when the serving process closes the pipe, exits or is killed. A child that cannot be
started or that dies leaves the parse to the serving process, as before (logged once).
"""

from __future__ import annotations

import logging
import multiprocessing
import signal
import threading
from collections.abc import Callable, Sequence
from datetime import date
from multiprocessing.connection import Connection
from typing import Any, Protocol

from comparison import ClaimComparator
from comparison.model import ClaimInput
from facts import ClaimFacts, parse_claims

log = logging.getLogger(__name__)

_RESET_SIGNALS = ("SIGTERM", "SIGHUP", "SIGQUIT", "SIGUSR1", "SIGUSR2", "SIGWINCH", "SIGCHLD")


class FactsCache(Protocol):
    """The comparator's cache of parsed facts."""

    def cached(self, claim: ClaimInput) -> ClaimFacts | None: ...

    def remember(self, claim: ClaimInput, facts: ClaimFacts) -> None: ...


class ParseProcess:
    """A child process that parses claims with ``nlp`` (see the module)."""

    def __init__(self, nlp: Any) -> None:
        context = multiprocessing.get_context("fork")
        ours, theirs = context.Pipe()
        self._process = context.Process(
            target=_serve, args=(nlp, theirs, ours), name="crosscheck-parse", daemon=True
        )
        self._process.start()
        theirs.close()
        self._connection: Connection | None = ours
        self._lock = threading.Lock()

    @property
    def alive(self) -> bool:
        return self._connection is not None

    @property
    def pid(self) -> int | None:
        return self._process.pid

    def parse(self, claims: Sequence[tuple[str, date | None]]) -> list[ClaimFacts] | None:
        """The facts of each claim, or None when the child is gone (the caller parses)."""
        with self._lock:
            connection = self._connection
            if connection is None:
                return None
            try:
                connection.send(list(claims))
                parsed: list[ClaimFacts] = connection.recv()
            except (OSError, EOFError) as error:
                log.warning("the parse process is gone (%s); parsing in this process", error)
                self._close_locked()
                return None
        if len(parsed) != len(claims):
            return None
        return parsed

    def prime(
        self,
        cache: FactsCache,
        claims: Sequence[ClaimInput],
        here: Callable[[Sequence[ClaimInput]], None],
    ) -> None:
        """Parse the claims ``cache`` has not cached and cache them; by ``here`` (a parse in
        this process) if the child is gone."""
        missing = list(
            dict.fromkeys(
                (claim.text, claim.published_at) for claim in claims if cache.cached(claim) is None
            )
        )
        if not missing:
            return
        parsed = self.parse(missing)
        if parsed is None:
            here(claims)
            return
        for (text, published_at), facts in zip(missing, parsed, strict=True):
            cache.remember(ClaimInput(text, published_at), facts)

    def close(self) -> None:
        """End the child: it exits when its pipe closes."""
        with self._lock:
            self._close_locked()
        self._process.join(timeout=5)
        if self._process.is_alive():
            self._process.kill()
            self._process.join(timeout=5)

    def _close_locked(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None


class ChildParsingComparator(ClaimComparator):
    """A :class:`comparison.ClaimComparator` whose :meth:`prime` (the batch parse of a check's
    draft, of its counterparts not stored parsed, and of a comparison's two claims) parses in
    ``process``; everything else, the background backfill's :meth:`parse` among it, is the
    comparator's own."""

    def __init__(self, nlp: Any, process: ParseProcess, **options: Any) -> None:
        super().__init__(nlp, **options)
        self.process = process

    def prime(self, claims: Sequence[ClaimInput]) -> None:
        self.process.prime(self, claims, super().prime)


def start_parse_process(nlp: Any) -> ParseProcess | None:
    """A :class:`ParseProcess`, or None (logged) when no child can be forked here."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return None
    try:
        return ParseProcess(nlp)
    except OSError as error:
        log.warning("no parse process (%s); drafts are parsed in the serving process", error)
        return None


def _serve(nlp: Any, connection: Connection, parents_end: Connection) -> None:
    """The child: parse each batch the pipe brings until it closes."""
    parents_end.close()  # else the child would hold its own pipe open, and never see it close
    for name in _RESET_SIGNALS:
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # a Ctrl-C is for the server, which ends us
    while True:
        try:
            claims = connection.recv()
        except (EOFError, OSError):
            return
        try:
            connection.send(parse_claims(nlp, claims))
        except (BrokenPipeError, OSError):
            return
