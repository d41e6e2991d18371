"""Parsed facts as bytes, so a claim parsed once can be stored and read back without a parse.

The codec knows no field of :class:`facts.model.ClaimFacts` by name: it follows the dataclasses'
type hints, so fields added or changed in ``facts/model.py`` need no change here. A dataclass is
written as the JSON array of its field values in field order (compressed), which is only
readable by code with the same fields: :func:`facts_version` names the code and the spaCy
pipeline that produced the facts, and a reader keeps only blobs written under its own version.
Anything else that does not decode raises :class:`FactsDecodeError`, never something else.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import types
import typing
import zlib
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from spacy.language import Language

from facts.model import ClaimFacts

FORMAT = "json-zlib-1"
_PACKAGE = Path(__file__).resolve().parent
Decoder = Callable[[Any], Any]


class FactsDecodeError(ValueError):
    """A blob that is not the facts of a claim as this code writes them."""


def facts_version(nlp: Language) -> str:
    """A short name for the code and pipeline facts come from: a digest of every file of the
    ``facts`` package, the codec's format, the spaCy version and the pipeline's name and
    version. Any change to them gives another version, so facts stored before are parsed again.
    """
    meta = nlp.meta
    pipeline = f"{meta.get('lang')}_{meta.get('name')}-{meta.get('version')}"
    return f"{_sources_digest()}-{hashlib.sha256(pipeline.encode()).hexdigest()[:8]}"


@functools.cache
def _sources_digest() -> str:
    """A digest of the ``facts`` package's files (code and data), computed once per process."""
    import spacy

    digest = hashlib.sha256(f"{FORMAT}\0spacy {spacy.__version__}\0".encode())
    for path in sorted(_PACKAGE.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(_PACKAGE).as_posix().encode() + b"\0")
            digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def encode_facts(facts: ClaimFacts) -> bytes:
    text = json.dumps(_plain(facts), ensure_ascii=False, separators=(",", ":"))
    return zlib.compress(text.encode("utf-8"), 6)


def decode_facts(blob: bytes) -> ClaimFacts:
    try:
        plain = json.loads(zlib.decompress(blob).decode("utf-8"))
        decoded: ClaimFacts = _decoder(ClaimFacts)(plain)
    except FactsDecodeError:
        raise
    except (ValueError, TypeError, zlib.error) as error:
        raise FactsDecodeError(f"not stored facts: {error}") from error
    return decoded


def _plain(value: Any) -> Any:
    """The value as JSON-ready lists, strings and numbers."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return [_plain(getattr(value, spec.name)) for spec in dataclasses.fields(value)]
    if isinstance(value, tuple | list | frozenset | set):
        return [_plain(item) for item in value]
    if isinstance(value, date):
        return value.isoformat()
    if value is None or isinstance(value, str | int | float):
        return value
    raise TypeError(f"cannot encode a {type(value).__name__} in facts")


@functools.cache
def _decoder(hint: Any) -> Decoder:
    """A function that rebuilds a value of type ``hint`` from what :func:`_plain` made."""
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        return _dataclass_decoder(hint)
    origin, arguments = typing.get_origin(hint), typing.get_args(hint)
    if origin is typing.Literal:
        return _scalar_decoder(tuple({type(argument) for argument in arguments}))
    if origin in (typing.Union, types.UnionType):
        return _optional_decoder(arguments)
    if origin is tuple:
        return _tuple_decoder(arguments)
    if origin is frozenset:
        item = _decoder(arguments[0])
        return lambda value: frozenset(item(entry) for entry in _list(value))
    if hint is date:
        return lambda value: date.fromisoformat(_expect(value, (str,)))
    if hint is float:
        return lambda value: float(_expect(value, (float, int)))
    if hint in (str, int, bool):
        return _scalar_decoder((hint,))
    raise TypeError(f"no decoder for {hint!r}")


def _dataclass_decoder(cls: type) -> Decoder:
    hints = typing.get_type_hints(cls)
    fields = [_decoder(hints[spec.name]) for spec in dataclasses.fields(cls)]

    def decode(value: Any) -> Any:
        items = _list(value)
        if len(items) != len(fields):
            raise FactsDecodeError(f"{cls.__name__} has {len(fields)} fields, not {len(items)}")
        return cls(*(field(item) for field, item in zip(fields, items, strict=True)))

    return decode


def _tuple_decoder(arguments: tuple[Any, ...]) -> Decoder:
    if len(arguments) == 2 and arguments[1] is Ellipsis:
        item = _decoder(arguments[0])
        return lambda value: tuple(item(entry) for entry in _list(value))
    items = [_decoder(argument) for argument in arguments]

    def decode(value: Any) -> tuple[Any, ...]:
        entries = _list(value)
        if len(entries) != len(items):
            raise FactsDecodeError(f"a tuple of {len(items)}, not {len(entries)}")
        return tuple(item(entry) for item, entry in zip(items, entries, strict=True))

    return decode


def _optional_decoder(arguments: tuple[Any, ...]) -> Decoder:
    kept = [argument for argument in arguments if argument is not type(None)]
    if len(kept) != 1:
        raise TypeError(f"no decoder for a union of {kept!r}")
    inner = _decoder(kept[0])
    return lambda value: None if value is None else inner(value)


def _scalar_decoder(kinds: tuple[type, ...]) -> Decoder:
    return lambda value: _expect(value, kinds)


def _expect(value: Any, kinds: tuple[type, ...]) -> Any:
    if type(value) not in kinds:
        raise FactsDecodeError(f"expected {kinds}, found {type(value).__name__}")
    return value


def _list(value: Any) -> list[Any]:
    if type(value) is not list:
        raise FactsDecodeError(f"expected an array, found {type(value).__name__}")
    return value
