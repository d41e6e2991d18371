"""The table of name variants (``facts/data/name_variants.tsv``), read once per process."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

TABLE = "name_variants.tsv"


@dataclass(frozen=True, slots=True)
class NameVariants:
    """Each variant mapped to its canonical form, for whole names and for single words."""

    phrases: dict[str, str]
    words: dict[str, str]


@cache
def name_variants() -> NameVariants:
    text = resources.files("facts").joinpath("data", TABLE).read_text(encoding="utf-8")
    return parse_table(text)


def parse_table(text: str) -> NameVariants:
    """Rows of ``scope<TAB>canonical<TAB>variant, variant``; ``#`` starts a comment line."""
    tables: dict[str, dict[str, str]] = {"phrase": {}, "word": {}}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        scope, canonical, variants = _fields(line, number)
        table = tables[scope]
        table[canonical] = canonical
        for variant in variants.split(","):
            table[variant.strip()] = canonical
    return NameVariants(phrases=tables["phrase"], words=tables["word"])


def _fields(line: str, number: int) -> tuple[str, str, str]:
    fields = line.split("\t")
    if len(fields) != 3 or fields[0] not in ("phrase", "word"):
        raise ValueError(f"{TABLE} line {number}: expected scope, canonical, variants")
    return fields[0], fields[1].strip(), fields[2]
