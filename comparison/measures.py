"""Measures written in different units ("30 feet" / "9 meters", "40 degrees Celsius" / "104
degrees Fahrenheit", "12 years" / "144 months"), brought to one unit so that the figures can
be compared. The units are data (``comparison/data/units.tsv``)."""

from __future__ import annotations

import dataclasses
import re
from functools import cache
from importlib import resources
from typing import NamedTuple

from facts.model import ClaimFacts, QuantityFact
from facts.numbers import round_magnitude

CONVERTED_PREFIX = "measure:"
TIME_DIMENSION = "time"
_TEMPERATURE_UNIT = "degree"
_SCALE = re.compile(r"\s*(?:°\s*)?(?P<scale>Celsius|Fahrenheit|C|F)\b")
_WHOLE_UNIT_SLACK = 0.5
_ROUND_SLACK = 0.05
_PER_HOUR = re.compile(r"\s*(?:per|an|a)\s+hour\b|\s*/\s*h\b")


class Unit(NamedTuple):
    dimension: str
    factor: float


def measures_in_one_unit(
    a: ClaimFacts, b: ClaimFacts
) -> tuple[list[QuantityFact], list[QuantityFact]]:
    """Both claims' quantities, with every measure of a dimension that the two claims write in
    different units converted to that dimension's base unit; other quantities as they were."""
    units_a = [_unit_of(q, a) for q in a.quantities]
    units_b = [_unit_of(q, b) for q in b.quantities]
    mixed = _mixed_dimensions(units_a, units_b)
    return _converted(a.quantities, units_a, mixed), _converted(b.quantities, units_b, mixed)


def is_converted(quantity: QuantityFact) -> bool:
    return quantity.unit.startswith(CONVERTED_PREFIX)


def is_converted_duration(quantity: QuantityFact) -> bool:
    return quantity.unit == CONVERTED_PREFIX + TIME_DIMENSION


def _mixed_dimensions(
    units_a: list[tuple[str, Unit] | None], units_b: list[tuple[str, Unit] | None]
) -> set[str]:
    written: dict[str, set[str]] = {}
    for found in (*units_a, *units_b):
        if found is not None:
            name, unit = found
            written.setdefault(unit.dimension, set()).add(name)
    return {dimension for dimension, names in written.items() if len(names) > 1}


def _converted(
    quantities: tuple[QuantityFact, ...], units: list[tuple[str, Unit] | None], mixed: set[str]
) -> list[QuantityFact]:
    result = []
    for quantity, found in zip(quantities, units, strict=True):
        if found is not None and found[1].dimension in mixed:
            quantity = _in_base_unit(quantity, found[0], found[1])
        result.append(quantity)
    return result


def _in_base_unit(quantity: QuantityFact, name: str, unit: Unit) -> QuantityFact:
    def convert(value: float) -> float:
        if name == "fahrenheit":
            return (value - 32) * 5 / 9
        return value * unit.factor

    slack = _conversion_slack(quantity.value, unit.dimension)
    return dataclasses.replace(
        quantity,
        value=convert(quantity.value),
        low=convert(min(quantity.low, quantity.value - slack)),
        high=convert(max(quantity.high, quantity.value + slack)),
        unit=CONVERTED_PREFIX + unit.dimension,
    )


def _conversion_slack(value: float, dimension: str) -> float:
    """How far a figure may be from the exact conversion it was rounded from: half its last
    written digit ("9 meters" for 28 feet, 8.53 m), but no more than 5% of a round figure, no
    more than half a degree of a temperature (its scale has no true zero), and no more than 5%
    of a span of time, however few its units ("two years" is 24 months, not 30)."""
    ceiling = _WHOLE_UNIT_SLACK
    if dimension == TIME_DIMENSION:
        ceiling = _ROUND_SLACK * abs(value)
    elif dimension != "temperature":
        ceiling = max(ceiling, _ROUND_SLACK * abs(value))
    return min(round_magnitude(value) / 2, ceiling)


def _unit_of(quantity: QuantityFact, facts: ClaimFacts) -> tuple[str, Unit] | None:
    """The unit's written name and what it measures; None for plain counts and money."""
    if quantity.kind not in ("count", "duration") or not quantity.unit:
        return None
    after = facts.text[quantity.span.end :]
    if quantity.unit == _TEMPERATURE_UNIT:
        scale = _SCALE.match(after)
        if scale is None:
            return None
        name = "fahrenheit" if scale["scale"].startswith("F") else "celsius"
        return name, Unit("temperature", 1.0)
    name = quantity.unit.lower()
    if _PER_HOUR.match(after):
        name = f"{name}s per hour" if name in ("mile", "kilometre", "kilometer") else name
    unit = units().get(name)
    return (name, unit) if unit is not None else None


@cache
def units() -> dict[str, Unit]:
    text = resources.files("comparison").joinpath("data", "units.tsv").read_text(encoding="utf-8")
    table: dict[str, Unit] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        dimension, factor, forms = line.split("\t")
        for form in forms.split(","):
            table[form.strip()] = Unit(dimension, float(factor))
    return table
