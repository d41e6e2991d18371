"""Opposite words in one slot: "voted for the bill" / "voted against the bill", "the team won
the final" / "the team lost the final", "started deliberately" / "started accidentally".

The pairs are data (``comparison/data/opposites.tsv``). Two opposite words count only where
they say opposite things of the same thing, as the same part of speech: a preposition with the
same object under the same word; a verb with the same subject, named (not a pronoun), and the
same object where both claims name one ("Smith won" / "Jones lost" is one race told from two
sides); an adjective or adverb with the same complement or under the same word.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from comparison.findings import quoted, reason, token_span
from comparison.model import Reason
from comparison.parse_tree import children
from facts.model import ClaimFacts, TextSpan

_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "attr"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_OBJECTS = frozenset({"dobj"})


def opposite_reasons(a: ClaimFacts, b: ClaimFacts) -> list[Reason]:
    opposites = opposite_pairs()
    lemmas_b = {token.lemma.casefold() for token in b.tokens}
    for i, x in enumerate(a.tokens):
        wanted = opposites.get(x.lemma.casefold())
        if wanted is None or not wanted & lemmas_b or _inside_fact(a, x.start):
            continue
        for j, y in enumerate(b.tokens):
            if (
                y.lemma.casefold() in wanted
                and not _inside_fact(b, y.start)
                and _same_slot(a, i, b, j)
            ):
                span_a, span_b = token_span(a, x), token_span(b, y)
                explanation = f"this: {quoted(span_a)}; other: {quoted(span_b)} (opposites)"
                return [reason("negation", span_a, span_b, explanation)]
    return []


@cache
def opposite_pairs() -> dict[str, frozenset[str]]:
    """Each listed lemma and the lemmas opposite to it, both ways round."""
    text = resources.files("comparison").joinpath("data", "opposites.tsv").read_text("utf-8")
    found: dict[str, set[str]] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        first, second = (word.strip() for word in line.split("\t"))
        found.setdefault(first, set()).add(second)
        found.setdefault(second, set()).add(first)
    return {word: frozenset(others) for word, others in found.items()}


def opposite_words() -> frozenset[str]:
    return frozenset(opposite_pairs())


def _same_slot(a: ClaimFacts, i: int, b: ClaimFacts, j: int) -> bool:
    x, y = a.tokens[i], b.tokens[j]
    if x.pos != y.pos:
        return False  # "his support for it" / "opposes it": often two holders
    same_head = x.head != i and y.head != j and a.tokens[x.head].lemma == b.tokens[y.head].lemma
    if x.pos == "ADP":
        object_x, object_y = _object_words(a, i), _object_words(b, j)
        return same_head and bool(object_x) and object_x == object_y
    if x.pos == "VERB":
        return _same_subject(a, i, b, j) and _same_object(a, i, b, j)
    args_x, args_y = _arguments(a, i), _arguments(b, j)
    return bool(args_x & args_y) if args_x and args_y else same_head


def _arguments(facts: ClaimFacts, index: int) -> set[str]:
    """Content lemmas of the word's subject, object and complements (through a preposition)."""
    found = set()
    for child in children(facts, index):
        token = facts.tokens[child]
        if token.dep == "prep":
            found |= {facts.tokens[g].lemma for g in children(facts, child) if _argument(facts, g)}
        elif _argument(facts, child):
            found.add(token.lemma)
    return found


def _object_words(facts: ClaimFacts, preposition: int) -> set[str]:
    """Content lemmas of a preposition's object and the words that narrow it ("lower taxes")."""
    found = set()
    for child in children(facts, preposition):
        if facts.tokens[child].dep == "pobj":
            found.add(facts.tokens[child].lemma)
            found |= {
                facts.tokens[g].lemma
                for g in children(facts, child)
                if facts.tokens[g].is_content and facts.tokens[g].dep in ("amod", "compound")
            }
    return found


def _same_subject(a: ClaimFacts, i: int, b: ClaimFacts, j: int) -> bool:
    """Both verbs have one subject, named with the same word, not a pronoun ("the team won" /
    "the team lost"; "which opposes" / "he supports" may be anyone)."""
    subjects_a, subjects_b = _core(a, i, _SUBJECTS), _core(b, j, _SUBJECTS)
    return bool(subjects_a & subjects_b)


def _same_object(a: ClaimFacts, i: int, b: ClaimFacts, j: int) -> bool:
    """The same object where both verbs have one."""
    objects_a, objects_b = _core(a, i, _OBJECTS), _core(b, j, _OBJECTS)
    return not (objects_a and objects_b) or bool(objects_a & objects_b)


def _core(facts: ClaimFacts, index: int, deps: frozenset[str]) -> set[str]:
    return {
        facts.tokens[c].lemma.casefold()
        for c in children(facts, index)
        if facts.tokens[c].dep in deps and facts.tokens[c].pos != "PRON"
    }


def _argument(facts: ClaimFacts, index: int) -> bool:
    token = facts.tokens[index]
    return token.dep in _ARGUMENT_DEPS and (token.is_content or token.pos == "PRON")


def _inside_fact(facts: ClaimFacts, start: int) -> bool:
    """Inside a figure, a date or a name ("North Korea" / "South Korea" is the name rules'
    business)."""
    spans: list[TextSpan] = [
        *(q.span for q in facts.quantities),
        *(d.span for d in facts.dates),
        *(e.span for e in facts.entities),
    ]
    return any(span.start <= start < span.end for span in spans)
