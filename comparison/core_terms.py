"""The words that carry a claim's main statement: its predicate and core arguments.

Two claims can share names and background ("in June, the inspector general's report...") and
still state different things; what they *state* sits in the main predicate and its subject and
object. Reporting verbs ("said", "told") are looked through to the clause they report, so "Gowdy
said the committee is not interested" is read as "committee … interested". Read from the
stored parse (``ClaimFacts.tokens``); nothing here parses.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from facts.model import ClaimFacts, TokenInfo
from facts.verb_forms import is_speech_verb

_CORE_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "oprd", "acomp", "agent"})
_REPORTED_DEPS = frozenset({"ccomp", "xcomp"})
_MAX_HOPS = 3


def main_predicate(tokens: Sequence[TokenInfo]) -> int | None:
    """Index of the main predicate: the root, or the clause a reporting root reports."""
    root = next((i for i, t in enumerate(tokens) if t.dep == "ROOT"), None)
    for _ in range(_MAX_HOPS):
        if root is None or not _reports_speech(tokens[root]):
            break
        reported = _children(tokens, root, _REPORTED_DEPS)
        if not reported:
            break
        root = reported[0]
    return root


@dataclass(frozen=True, slots=True)
class CoreStatement:
    predicate: str  # the main predicate's lemma as stored ("" when the claim has none)
    lemmas: frozenset[str]  # comparable lemmas (as in ``content_lemmas``) of it and its core
    # arguments' heads, function words left out


def core_statement(facts: ClaimFacts) -> CoreStatement:
    tokens = facts.tokens
    predicate = main_predicate(tokens)
    if predicate is None:
        return CoreStatement("", frozenset())
    members = [predicate, *_children(tokens, predicate, _CORE_DEPS)]
    lemmas = frozenset(tokens[i].lemma for i in members if tokens[i].is_content)
    return CoreStatement(tokens[predicate].lemma, lemmas)


def _reports_speech(token: TokenInfo) -> bool:
    return token.pos in ("VERB", "AUX") and is_speech_verb(token.text)


def _children(tokens: Sequence[TokenInfo], head: int, deps: frozenset[str]) -> list[int]:
    return [i for i, t in enumerate(tokens) if t.head == head and i != head and t.dep in deps]
