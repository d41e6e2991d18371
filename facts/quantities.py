"""Quantities with their bound: "more than 30,000 troops", "could reach 30,000", "about 30"."""

from __future__ import annotations

import dataclasses
import math
import re

from spacy.tokens import Doc, Token

from facts.model import Bound, QuantityFact, QuantityKind, TextSpan
from facts.numbers import (
    CURRENCY_WORD,
    CURRENCY_WORDS,
    NUMBER_PATTERN,
    NUMBER_RE,
    TENS,
    UNITS,
    CurrencyWord,
    ends_in_scale,
    parse_number,
    round_magnitude,
)
from facts.vague_counts import extract_vague_counts

_LOWER = (
    r"more\s+than|over|at\s+least|above|upwards\s+of|in\s+excess\s+of|exceeding|no\s+fewer\s+than"
    r"|no\s+less\s+than|north\s+of|a\s+minimum\s+of|tops|topped|surpassed|passed"
    r"|not\s+(?:to\s+\w+\s+)?(?:less|fewer)\s+than"
)
_UPPER = (
    r"up\s+to|as\s+many\s+as|as\s+much\s+as|at\s+most|less\s+than|fewer\s+than|under|below"
    r"|no\s+more\s+than|(?:could|may|might|would|will|to)\s+(?:reach|hit|rise\s+to|top)|a\s+maximum\s+of"
    r"|not\s+(?:to\s+\w+\s+)?(?:more|greater)\s+than|not\s+(?:to\s+)?exceed(?:ing)?"
)
_NEAR = r"nearly|almost|close\s+to|just\s+under|just\s+shy\s+of|nearing"
_APPROX = (
    r"about|around|roughly|approximately|an\s+estimated|estimated|some|an\s+average\s+of"
    r"|more\s+or\s+less|approx\.?|circa|~"
)
_EXACT = r"exactly|precisely|just|only"
_BOUND_RE = re.compile(
    rf"(?:(?P<lower>{_LOWER})|(?P<upper>{_UPPER})|(?P<near>{_NEAR})|(?P<approx>{_APPROX})"
    rf"|(?P<exact>{_EXACT}))\s+(?:the\s+)?(?:\$|€|£|US\$)?\s*$",
    re.I,
)
_RANGE_RE = re.compile(
    rf"(?:between\s+|from\s+)?(?P<a>{NUMBER_PATTERN})\s*(?:%|percent)?\s*(?:to|and|-|–|or)\s*"
    rf"(?:\$|€|£)?\s*(?P<b>{NUMBER_PATTERN})(?![\w:/-])",
    re.I,
)
_STRICT_RE = re.compile(r"(?:less\s+than|fewer\s+than|under|below|just\s+under)\b", re.I)
_CURRENCY_BEFORE = re.compile(r"(?:US\$|\$|€|£|¥|USD|EUR|GBP|Rs\.?)\s*$", re.I)
_CURRENCY_AFTER = re.compile(rf"^\s*(?P<word>{CURRENCY_WORD})\b", re.I)
# "a 5m wall", "the 100m final": an attached "m" with no currency is metres, unless a plural
# noun follows ("5m viewers", "2.3m people").
_ATTACHED_M = re.compile(r"(?<=\d)m$", re.I)
_PLURAL_NOUN_TAGS = ("NNS", "NNPS")
_LISTED_AFTER = re.compile(r"(?:,|\band)\s*(?:including\s+|with\s+)?$", re.I)
_SET_AGAINST = re.compile(r"\b(?:from|to|vs\.?|versus|against|compared\s+with)\s*$", re.I)
_TRAILING_SCALE = re.compile(r"(?<=\d)\s*[a-z]+$|\s+[a-z]+$", re.I)
_PERCENT_AFTER = re.compile(r"^\s*(?:%|percent\b|per\s+cent\b|pct\b|percentage\s+points?\b)", re.I)
TIME_UNITS = {
    "second",
    "minute",
    "hour",
    "day",
    "week",
    "month",
    "year",
    "decade",
    "century",
}
_UNIT_ALIASES = {"pts": "point", "pt": "point", "yrs": "year", "hrs": "hour", "mins": "minute"}
_VAGUE_NUMBER = {"one"}
_PART_OF_TOTAL = re.compile(r"\s+(?:other|more|additional|further)\b", re.I)


def extract_quantities(doc: Doc, taken: list[tuple[int, int]]) -> list[QuantityFact]:
    """Quantities in the parsed claim, skipping character ranges already used by dates."""
    text = doc.text
    found: list[QuantityFact] = []
    for match in _RANGE_RE.finditer(text):
        fact = _range_fact(doc, match, taken)
        if fact is not None:
            found.append(fact)
            taken = [*taken, (fact.number_span.start, fact.number_span.end)]
    for match in NUMBER_RE.finditer(text):
        start, end = match.span()
        if _overlaps(start, end, taken):
            continue
        fact = _single_fact(doc, match)
        if fact is not None:
            found.append(fact)
    found += _vague_counts(doc, [*taken, *((f.span.start, f.span.end) for f in found)])
    return _elided_units(
        text, _elided_currencies(text, sorted(found, key=lambda fact: fact.span.start))
    )


def _elided_currencies(text: str, found: list[QuantityFact]) -> list[QuantityFact]:
    """ "494.2 mln dlrs, down from 546.4 mln": a scaled figure with no unit, set against an
    earlier sum of money by "from", "to" or "vs", is a sum in that currency too."""
    result: list[QuantityFact] = []
    for fact in found:
        earlier_money = any(q.kind == "money" and q.span.end <= fact.span.start for q in result)
        between = text[result[-1].span.end : fact.span.start] if result else ""
        if (
            earlier_money
            and fact.kind == "count"
            and not fact.unit
            and ends_in_scale(fact.number_span.text)
            and _SET_AGAINST.search(between)
        ):
            fact = dataclasses.replace(fact, kind="money", unit="$")
        result.append(fact)
    return result


def _elided_units(text: str, found: list[QuantityFact]) -> list[QuantityFact]:
    """ "12 people in Texas, eight in Oklahoma", "20 patients, four of them critical": a bare
    count listed after a count of a named noun, past a comma or "and", counts that noun too."""
    result: list[QuantityFact] = []
    for fact in found:
        previous = result[-1] if result else None
        if (
            previous is not None
            and fact.kind == "count"
            and not fact.unit
            and previous.kind == "count"
            and previous.unit
            and _LISTED_AFTER.search(text[previous.span.end : fact.span.start])
        ):
            fact = dataclasses.replace(fact, unit=previous.unit)
        result.append(fact)
    return result


def _vague_counts(doc: Doc, taken: list[tuple[int, int]]) -> list[QuantityFact]:
    """ "Dozens of arrests", "twice": counts in words, not spans of a figure or a date, and not
    of time ("a few days" is too loose a span to compare)."""
    return [
        fact
        for fact in extract_vague_counts(doc)
        if fact.unit not in TIME_UNITS
        and not _overlaps(fact.number_span.start, fact.number_span.end, taken)
    ]


def _overlaps(start: int, end: int, taken: list[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in taken)


def _single_fact(doc: Doc, match: re.Match[str]) -> QuantityFact | None:
    text = doc.text
    start, end = match.span()
    value = parse_number(match.group())
    if value is None or _looks_like_id(text, start, end):
        return None
    kind, unit, unit_end, head = _kind_and_unit(doc, start, end)
    if kind == "money":
        value *= _currency_factor(text, end)
    elif _in_metres(doc, match):
        value = float(match.group()[:-1].replace(",", ""))
        kind, unit, unit_end, head = "count", "m", end, -1
    if match.group().lower() in _VAGUE_NUMBER and not unit:
        return None
    bound_match = _BOUND_RE.search(text[max(0, start - 30) : start])
    bound = _bound_name(bound_match)
    if bound == "exact" and "dozen" in match.group().lower():
        bound = "approx"  # "a dozen" is a round count, not exactly twelve
    if bound == "exact" and _PART_OF_TOTAL.match(text[end:]):
        bound = "lower"  # "the 20 other languages": the whole set has more than 20
    strict = bool(bound_match and _STRICT_RE.match(bound_match.group()))
    span_start = start - len(bound_match.group()) if bound_match else _currency_start(text, start)
    low, high = _interval(value, bound, strict)
    if head < 0:
        head = _token_index(doc, start, end)
    return QuantityFact(
        value=value,
        low=low,
        high=high,
        bound=bound,
        kind=kind,
        unit=unit,
        span=TextSpan(text[span_start:unit_end], span_start, unit_end),
        number_span=TextSpan(text[start:end], start, end),
        head=head,
    )


def _range_fact(
    doc: Doc, match: re.Match[str], taken: list[tuple[int, int]]
) -> QuantityFact | None:
    start, end = match.span()
    if _overlaps(start, end, taken):
        return None
    if _compound_word_number(match):
        return None
    first, second = parse_number(match.group("a")), parse_number(match.group("b"))
    if first is None or second is None or not 0 < first < second:
        return None
    if _looks_like_id(doc.text, start, end) or (first >= 1900 and second <= 2100 and second < 2100):
        return None
    first *= _shared_scale(match.group("a"), match.group("b"), first, second)
    kind, unit, unit_end, head = _kind_and_unit(doc, match.start("b"), end)
    if kind == "money":
        factor = _currency_factor(doc.text, end)
        first, second = first * factor, second * factor
    return QuantityFact(
        value=(first + second) / 2,
        low=first,
        high=second,
        bound="range",
        kind=kind,
        unit=unit,
        span=TextSpan(doc.text[start:unit_end], start, unit_end),
        number_span=TextSpan(doc.text[start:end], start, end),
        head=head,
    )


def _shared_scale(first_text: str, second_text: str, first: float, second: float) -> float:
    """ "between 3 and 5 mln": the scale written once, after the second figure, is the first
    figure's too, when the first is smaller than the second's own figure."""
    if ends_in_scale(first_text) or not ends_in_scale(second_text):
        return 1.0
    figure = parse_number(_TRAILING_SCALE.sub("", second_text.strip()))
    if not figure or first >= figure:
        return 1.0
    return second / figure


def _compound_word_number(match: re.Match[str]) -> bool:
    """ "forty-five thousand" is one number, not a range from forty to five thousand."""
    first, second = match.group("a").lower(), match.group("b").lower()
    joined = match.string[match.end("a") : match.start("b")] == "-"
    return joined and first.split()[-1] in TENS and second.split("-")[0].split()[0] in UNITS


def _token_index(doc: Doc, start: int, end: int) -> int:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span[-1].i if span is not None and len(span) else -1


def _looks_like_id(text: str, start: int, end: int) -> bool:
    before, after = text[max(0, start - 1) : start], text[end : end + 1]
    counts_a_word = after == "-" and text[end + 1 : end + 2].isalpha()
    return before in ("#", "-", "/") or (after in ("-", "/", ":") and not counts_a_word)


def _bound_name(match: re.Match[str] | None) -> Bound:
    if match is None:
        return "exact"
    if match.group("lower"):
        return "lower"
    if match.group("upper"):
        return "upper"
    if match.group("near"):
        return "upper"
    if match.group("approx"):
        return "approx"
    return "exact"


def _currency_start(text: str, start: int) -> int:
    currency = _CURRENCY_BEFORE.search(text[max(0, start - 4) : start])
    return start - len(currency.group()) if currency else start


def _interval(value: float, bound: Bound, strict: bool = False) -> tuple[float, float]:
    """The values the writer's wording allows, counting on rounding of round figures."""
    slack = min(round_magnitude(value) / 2, 0.03 * abs(value))
    if bound == "lower":
        return value * (1 + 1e-9), math.inf
    if bound == "upper":
        return 0.0, value * (1 - 1e-9) if strict else value
    if bound == "approx":
        return value * 0.85, value * 1.15
    return value - slack, value + slack


def _kind_and_unit(doc: Doc, start: int, end: int) -> tuple[QuantityKind, str, int, int]:
    """Kind, unit, end of the unit's text and the counted noun's token index."""
    text = doc.text
    percent = _PERCENT_AFTER.match(text[end:])
    if percent:
        return "percent", "%", end + percent.end(), -1
    currency_after = _currency_after(text, start, end)
    if _CURRENCY_BEFORE.search(text[max(0, start - 4) : start]) or currency_after:
        unit_end = end + currency_after.end() if currency_after else end
        return "money", "$", unit_end, -1
    noun = _counted_noun(doc, start, end)
    if noun is None:
        return "count", "", end, -1
    lemma = _UNIT_ALIASES.get(noun.lower_, noun.lemma_.lower())
    kind: QuantityKind = "duration" if lemma in TIME_UNITS else "count"
    return kind, lemma, max(end, noun.idx + len(noun.text)), noun.i


def _currency_word(text: str, end: int) -> tuple[re.Match[str], CurrencyWord] | None:
    """The currency word right after the figure ending at ``end``, and what it stands for."""
    found = _CURRENCY_AFTER.match(text[end:])
    if found is None:
        return None
    return found, CURRENCY_WORDS[" ".join(found["word"].lower().split())]


def _currency_after(text: str, start: int, end: int) -> re.Match[str] | None:
    """The currency word right after a figure; one that is money only after a scale word
    ("14.9 bln marks") only there, not in "12 marks out of 20"."""
    found = _currency_word(text, end)
    if found is None:
        return None
    match, word = found
    return match if not word.scaled_only or ends_in_scale(text[start:end]) else None


def _currency_factor(text: str, end: int) -> float:
    """How many of its currency's main unit one of the figure's currency word is: 0.01 for
    "35 cts", 1 for "20 dlrs" and for a figure after a currency sign."""
    found = _currency_word(text, end)
    return found[1].factor if found is not None else 1.0


def _in_metres(doc: Doc, match: re.Match[str]) -> bool:
    """ "a 5m wall": an attached "m" with no currency sign or word, before no plural noun."""
    if not _ATTACHED_M.search(match.group()):
        return False
    after = [token for token in doc if token.idx >= match.end() and not token.is_space]
    return not (after and after[0].tag_ in _PLURAL_NOUN_TAGS)


def _counted_noun(doc: Doc, start: int, end: int) -> Token | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    last = span[-1]
    head = last.head
    modifies_noun = last.dep_ in ("nummod", "quantmod", "compound", "amod")
    if modifies_noun and head.pos_ in ("NOUN", "PROPN") and 0 < head.i - last.i <= 4:
        return head
    for token in doc[last.i + 1 : last.i + 4]:
        if token.pos_ in ("NOUN", "PROPN") and token.lower_ not in ("of",):
            return token
        if token.pos_ not in ("ADJ", "NUM", "PROPN", "ADV") and token.lower_ != "-":
            break
    return None
