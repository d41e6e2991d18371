"""The words that carry a claim's main statement: its predicate and core arguments.

Two claims can share names and background ("in June, the inspector general's report...") and
still state different things; what they *state* sits in the main predicate and its subject and
object. Reporting verbs ("said", "told") are looked through to the clause they report, so "Gowdy
said the committee is not interested" is read as "committee … interested". Read from the
stored parse (``ClaimFacts.tokens``); nothing here parses.
"""

from __future__ import annotations

from collections.abc import Sequence

from facts.lexicon import SPEECH_VERBS
from facts.model import ClaimFacts, TokenInfo

_CORE_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "oprd", "acomp", "agent"})
_REPORTED_DEPS = frozenset({"ccomp", "xcomp"})
_MAX_HOPS = 3
# The stored parse keeps only the surface form of function words ("said", "told"), so a
# reporting verb is also recognised from its inflected form.
_IRREGULAR_FORMS = frozenset({"said", "told", "wrote", "written"})
_SUFFIXES = ("ing", "ed", "es", "s", "d")


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


def core_lemmas(facts: ClaimFacts) -> frozenset[str]:
    """Comparable lemmas (as in ``content_lemmas``) of the main predicate and of its core
    arguments' heads; function words left out."""
    tokens = facts.tokens
    predicate = main_predicate(tokens)
    if predicate is None:
        return frozenset()
    members = [predicate, *_children(tokens, predicate, _CORE_DEPS)]
    return frozenset(tokens[i].lemma for i in members if tokens[i].is_content)


def _reports_speech(token: TokenInfo) -> bool:
    word = token.text.lower()
    if token.pos not in ("VERB", "AUX"):
        return False
    if token.lemma in SPEECH_VERBS or word in SPEECH_VERBS or word in _IRREGULAR_FORMS:
        return True
    stems = (word[: -len(suffix)] for suffix in _SUFFIXES if word.endswith(suffix))
    return any(stem in SPEECH_VERBS or stem + "e" in SPEECH_VERBS for stem in stems)


def _children(tokens: Sequence[TokenInfo], head: int, deps: frozenset[str]) -> list[int]:
    return [i for i, t in enumerate(tokens) if t.head == head and i != head and t.dep in deps]
