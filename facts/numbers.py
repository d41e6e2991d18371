"""Numbers in digits or words: "30,000", "100 000", "100k", "1.2 million", "three", and the
wire-copy scale abbreviations: "14.9 bln", "3.5 mln", "$4.2m", "$3bn"."""

from __future__ import annotations

import re
from importlib import resources
from typing import NamedTuple

UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SCALES = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}
SUFFIX_SCALES = {
    "k": 1_000,
    "m": 1_000_000,
    "mn": 1_000_000,
    "mil": 1_000_000,
    "mln": 1_000_000,
    "bn": 1_000_000_000,
    "bln": 1_000_000_000,
    "b": 1e9,
    "tn": 1e12,
    "tln": 1e12,
    "trn": 1e12,
    "trln": 1e12,
}
# Scale abbreviations that stand for a scale wherever they follow a figure, spaced or not
# ("14.9 bln", "3.5mln"); "k", "m" and "b" are read as scales only when attached (see below).
_ABBREVIATED_SCALE = r"mln|mn|mil|bln|bn|tln|trln|trn"
_MONEY_SCALE = rf"{_ABBREVIATED_SCALE}|tn"  # "$1tn"; after a bare figure "tn" may be tonnes


class CurrencyWord(NamedTuple):
    """A currency word written after a figure: the currency, how many of its main unit one of
    it is, and whether it is money only after a scale word ("14.9 bln marks")."""

    currency: str
    factor: float
    scaled_only: bool


def _load_currency_words() -> dict[str, CurrencyWord]:
    text = resources.files("facts").joinpath("data", "currencies.tsv").read_text(encoding="utf-8")
    table: dict[str, CurrencyWord] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        currency, factor, when, forms = line.split("\t")
        for form in forms.split(","):
            table[" ".join(form.split())] = CurrencyWord(currency, float(factor), when == "scaled")
    return table


CURRENCY_WORDS = _load_currency_words()
# Any currency word, longest first ("deutsche marks" before "marks"), any spacing between words.
CURRENCY_WORD = "|".join(
    re.escape(form).replace(r"\ ", r"\s+") for form in sorted(CURRENCY_WORDS, key=len, reverse=True)
)
CURRENCY_SIGN = r"[$€£¥]"
# Wire-copy abbreviations written only as part of a figure ("3.5 mln dlrs", "5 pct", "$4.2m"):
# no content word of the claim (``facts.lexicon.LIGHT_LEMMAS``), so that "14.9 bln marks" and
# "14.9 billion marks" have the same words and the parser's reading of "dlrs" as a head noun
# links no other word to it.
FIGURE_ABBREVIATIONS = frozenset(
    {"k", "m", "mln", "mn", "mil", "bln", "bn", "tln", "trln", "trn", "pct"}
    | {"dlrs", "dlr", "cts", "stg", "dmk", "dfl", "usd", "eur", "gbp", "jpy", "chf"}
)
FRACTIONS = {"half": 0.5, "quarter": 0.25}

_WORD = "|".join(sorted([*UNITS, *TENS], key=len, reverse=True))
_SCALE = "|".join(SCALES)
DIGITS = r"\d{1,3}(?:(?:,|\u00a0|\u202f| )\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
WORD_NUMBER = rf"(?:{_WORD})(?:[- ](?:{_WORD}))*(?:\s+(?:{_SCALE}))*"
# A quotation mark a page left between a figure and its scale word ("$4.2' billion", where a
# quotation closed inside the figure): the scale word still scales the figure.
_STRAY_QUOTE = "['\u2019\u201d\"]"
# The full pattern of one number, digits or words, with an optional scale. "k" and "m" scale a
# number only when attached ("100k", "$60m") or after a currency sign ("$ 4.5 m"): "60 m" is
# sixty metres. "b" scales only a sum of money ("$3b", "3b dollars"); an attached "m" without
# one ("a 5m wall", "5m viewers") is left to ``facts.quantities`` to read as metres or millions.
_MONEY_BEFORE = rf"(?:(?<={CURRENCY_SIGN})|(?<={CURRENCY_SIGN}\s))"
_MONEY_AFTER = rf"(?=\s*(?:{CURRENCY_WORD})\b)"
NUMBER_PATTERN = (
    rf"(?:(?:half|a\s+half)\s+(?:a|an)\s+(?:{_SCALE})"
    rf"|(?:a|one)\s+dozen|(?:a|one)\s+(?:{_SCALE})(?:\s+(?:{_SCALE}))*"
    rf"|{_MONEY_BEFORE}(?:{DIGITS})(?:\s?[mb]\b|\s*(?:{_MONEY_SCALE})\b)"
    rf"|(?:{DIGITS})[mb]\b{_MONEY_AFTER}"
    rf"|(?:{DIGITS})(?:(?:k|m)\b|\s*(?:{_ABBREVIATED_SCALE})\b|{_STRAY_QUOTE}?\s+(?:{_SCALE}))*"
    rf"|{WORD_NUMBER}(?:\s+(?:{_ABBREVIATED_SCALE}|{_SCALE})\b)*(?:\s+(?:and\s+)?(?:a\s+)?half)?)"
)
# A number joined by a hyphen to a word counts it ("a 35-word oath", "a 9-year-old"); joined to
# a digit it is part of a score or a code ("2-1", "1-800").
_ENDS_IN_SCALE = re.compile(rf"(?:\d\s*(?:k|m|b)|\b(?:{_SCALE}|{_MONEY_SCALE}))$", re.I)
NUMBER_RE = re.compile(
    rf"(?<![\w.,:/-])(?:{NUMBER_PATTERN})(?![\w:/]|-(?![a-z])|\.\d|,\d)", re.IGNORECASE
)


def parse_number(text: str) -> float | None:
    """Return the value of a number phrase, or None when it is not one."""
    words = re.sub(r"[\u00a0\u202f]", " ", text.strip().lower())
    words = re.sub(rf"(?<=\d){_STRAY_QUOTE}(?=\s)", "", words)
    words = re.sub(r"(?<=\d)[, ](?=\d{3}\b)", "", words)
    words = re.sub(rf"(?<=\d)(k|{_MONEY_SCALE}|m|b)\b", r" \1", words)
    tokens = [t for t in re.split(r"[\s-]+", words) if t and t != "and"]
    if not tokens:
        return None
    return _parse_tokens(tokens)


def ends_in_scale(text: str) -> bool:
    """Whether a number phrase ends in a scale word or abbreviation ("14.9 bln", "3 million")."""
    return bool(_ENDS_IN_SCALE.search(text.strip()))


def _parse_tokens(tokens: list[str]) -> float | None:
    if tokens[0] in FRACTIONS and len(tokens) >= 2:
        rest = [t for t in tokens[1:] if t not in ("a", "an")]
        scale = _scale_product(rest)
        return FRACTIONS[tokens[0]] * scale if scale else None
    if tokens[0] in ("a", "one") and len(tokens) > 1 and tokens[1] == "dozen":
        return 12.0
    total = 0.0
    current = 0.0
    seen = False
    for token in tokens:
        value = _token_value(token)
        if value is not None:
            current += value
            seen = True
        elif token in ("a", "an") and seen:
            continue
        elif token in ("a", "an"):
            current, seen = 1.0, True
        elif token in SCALES or token in SUFFIX_SCALES:
            scale = SCALES.get(token) or SUFFIX_SCALES[token]
            current = (current or 1.0) * scale
            if scale >= 1000:
                total, current = total + current, 0.0
        elif token == "half":
            current += 0.5
        else:
            return None
    return total + current if seen else None


def _token_value(token: str) -> float | None:
    if re.fullmatch(r"\d+(?:\.\d+)?", token):
        return float(token)
    if token in UNITS:
        return float(UNITS[token])
    if token in TENS:
        return float(TENS[token])
    return None


def _scale_product(tokens: list[str]) -> float:
    product = 1.0
    for token in tokens:
        if token not in SCALES:
            return 0.0
        product *= SCALES[token]
    return product


def round_magnitude(value: float) -> float:
    """The rounding step a writer most likely used: 30,000 -> 10,000; 103 -> 1; 1.2 -> 0.1."""
    if value == 0:
        return 1.0
    text = f"{abs(value):.6f}".rstrip("0").rstrip(".")
    if "." in text:
        return 10.0 ** -len(text.split(".")[1])
    stripped = text.rstrip("0")
    return 10.0 ** (len(text) - len(stripped))
