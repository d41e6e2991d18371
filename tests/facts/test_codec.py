"""Parsed facts as bytes: every field survives, anything else is a decode error, and the
version changes with the code that parses."""

from __future__ import annotations

import dataclasses
import json
import math
import shutil
import types
import typing
import zlib
from datetime import date
from pathlib import Path
from typing import Any, cast

import pytest
from spacy.language import Language

import facts.codec
from facts import ClaimFacts, parse_claims
from facts.codec import FactsDecodeError, decode_facts, encode_facts, facts_version

CLAIMS = [
    "More than 4,000 workers walked out on Monday, the union said.",
    '"We will not back down," Ms. Ortiz told reporters in Madrid.',
    "Prices rose by about 12% last year, and most families may never recover.",
    "The council did not approve the $4.5 million plan by early February.",
    "Nobody was hurt.",
]


def sample(hint: Any, seed: int = 0) -> Any:
    """A value of type ``hint`` (two items in each collection), whatever the fields are."""
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        hints = typing.get_type_hints(hint)
        fields = dataclasses.fields(hint)
        return hint(*(sample(hints[spec.name], seed + i) for i, spec in enumerate(fields)))
    origin, arguments = typing.get_origin(hint), typing.get_args(hint)
    if origin is typing.Literal:
        return arguments[seed % len(arguments)]
    if origin in (typing.Union, types.UnionType):
        inner = [argument for argument in arguments if argument is not type(None)]
        return None if seed % 3 == 2 else sample(inner[0], seed)
    if origin is tuple and arguments[-1] is Ellipsis:
        return (sample(arguments[0], seed), sample(arguments[0], seed + 1))
    if origin is tuple:
        return tuple(sample(argument, seed + i) for i, argument in enumerate(arguments))
    if origin is frozenset:
        return frozenset({sample(arguments[0], seed), sample(arguments[0], seed + 1)})
    values: dict[Any, Any] = {
        date: date(2026, 1, 1 + seed % 28),
        float: [1.5, math.inf, -2.0, 4000.0][seed % 4],
        int: seed - 1,
        bool: seed % 2 == 0,
        str: f"Orbán «{seed}»",
    }
    return values[hint]


def blob_of(plain: Any) -> bytes:
    return zlib.compress(json.dumps(plain).encode("utf-8"))


def test_every_field_of_every_fact_survives_a_round_trip() -> None:
    for seed in range(4):
        original = sample(ClaimFacts, seed)
        assert decode_facts(encode_facts(original)) == original


@pytest.mark.slow
def test_parsed_claims_survive_a_round_trip(nlp: Language) -> None:
    parsed = parse_claims(nlp, [(text, date(2022, 3, 15)) for text in CLAIMS])
    assert any(found.quantities for found in parsed) and any(found.quotes for found in parsed)
    assert [decode_facts(encode_facts(found)) for found in parsed] == parsed


def test_facts_of_other_fields_or_types_do_not_decode() -> None:
    plain = json.loads(zlib.decompress(encode_facts(sample(ClaimFacts))))
    with_text_as_number = [7, *plain[1:]]
    with_a_field_fewer = plain[:-1]
    bad = [
        b"",
        b"not compressed",
        blob_of({"text": "x"}),
        blob_of(with_text_as_number),
        blob_of(with_a_field_fewer),
        blob_of([*plain, "a field more"]),
        zlib.compress(b"\xff\xfe"),
    ]
    for blob in bad:
        with pytest.raises(FactsDecodeError):
            decode_facts(blob)


def pipeline(version: str) -> Language:
    meta = {"lang": "en", "name": "core_web_sm", "version": version}
    return cast(Language, types.SimpleNamespace(meta=meta))


def test_the_version_changes_with_the_pipeline_and_the_facts_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert facts_version(pipeline("3.8.0")) == facts_version(pipeline("3.8.0"))
    assert facts_version(pipeline("3.8.0")) != facts_version(pipeline("3.8.1"))

    copy = tmp_path / "facts"
    shutil.copytree(Path(facts.codec.__file__).parent, copy)
    monkeypatch.setattr(facts.codec, "_PACKAGE", copy)
    facts.codec._sources_digest.cache_clear()
    same_code = facts_version(pipeline("3.8.0"))
    with (copy / "model.py").open("a", encoding="utf-8") as model:
        model.write("\n# a change\n")
    facts.codec._sources_digest.cache_clear()
    changed = facts_version(pipeline("3.8.0"))
    facts.codec._sources_digest.cache_clear()

    assert changed != same_code
