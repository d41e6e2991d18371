"""Countries and US states (``facts/data/regions.tsv``): places that contain towns and cities,
read once per process. A place named in one claim and a region named in the other may be one
place seen at two scales ("in Seattle" / "in Washington"), so they are never rivals."""

from __future__ import annotations

from functools import cache
from importlib import resources

from facts.names import entity_key

TABLE = "regions.tsv"


@cache
def region_kinds() -> dict[str, str]:
    """Every folded form of every region, mapped to its kind ("country", "us_state")."""
    text = resources.files("facts").joinpath("data", TABLE).read_text(encoding="utf-8")
    kinds: dict[str, str] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, name, *rest = line.split("\t")
        forms = [name, *(rest[0].split(",") if rest else [])]
        for form in forms:
            if form.strip():
                kinds.setdefault(entity_key(form.strip()), kind)
    return kinds


def region_kind(key: str) -> str | None:
    """ "country", "us_state", or None for a town, city or anything else."""
    return region_kinds().get(key)
