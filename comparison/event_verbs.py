"""Verbs that name one kind of news event (``comparison/data/event_verbs.tsv``), so that two
claims that date one event with different verbs ("voted Wednesday" / "passed Tuesday") have
their dates compared."""

from __future__ import annotations

from functools import cache
from importlib import resources


def same_event_verb(first: str, second: str) -> bool:
    """The two lemmas are one verb, or verbs of one kind of event."""
    if first == second:
        return True
    kind = event_kinds().get(first)
    return kind is not None and kind == event_kinds().get(second)


@cache
def event_kinds() -> dict[str, str]:
    """Each listed verb lemma and the kind of event it names."""
    text = resources.files("comparison").joinpath("data", "event_verbs.tsv").read_text("utf-8")
    kinds: dict[str, str] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, verbs = line.split("\t")
        for verb in verbs.split(","):
            if verb.strip() in kinds:
                raise ValueError(f"event_verbs.tsv: {verb.strip()!r} is listed twice")
            kinds[verb.strip()] = kind
    return kinds
