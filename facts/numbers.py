"""Numbers in digits or words: "30,000", "100 000", "100k", "1.2 million", "three"."""

from __future__ import annotations

import re

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
    "bn": 1_000_000_000,
    "b": 1e9,
}
FRACTIONS = {"half": 0.5, "quarter": 0.25}

_WORD = "|".join(sorted([*UNITS, *TENS], key=len, reverse=True))
_SCALE = "|".join(SCALES)
DIGITS = r"\d{1,3}(?:(?:,|\u00a0|\u202f| )\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
WORD_NUMBER = rf"(?:{_WORD})(?:[- ](?:{_WORD}))*(?:\s+(?:{_SCALE}))*"
# The full pattern of one number, digits or words, with an optional scale. "k" and "m" scale a
# number only when attached ("100k", "$60m") or after a currency sign ("$ 4.5 m"): "60 m" is
# sixty metres.
NUMBER_PATTERN = (
    rf"(?:(?:half|a\s+half)\s+(?:a|an)\s+(?:{_SCALE})"
    rf"|(?:a|one)\s+dozen|(?:a|one)\s+(?:{_SCALE})(?:\s+(?:{_SCALE}))*"
    rf"|(?:(?<=[$€£])|(?<=[$€£]\s))(?:{DIGITS})\s+m\b"
    rf"|(?:{DIGITS})(?:(?:k|m)\b|\s*(?:mn|mil|bn)\b|\s+(?:{_SCALE}))*"
    rf"|{WORD_NUMBER}(?:\s+(?:and\s+)?(?:a\s+)?half)?)"
)
# A number joined by a hyphen to a word counts it ("a 35-word oath", "a 9-year-old"); joined to
# a digit it is part of a score or a code ("2-1", "1-800").
NUMBER_RE = re.compile(
    rf"(?<![\w.,:/-])(?:{NUMBER_PATTERN})(?![\w:/]|-(?![a-z])|\.\d|,\d)", re.IGNORECASE
)


def parse_number(text: str) -> float | None:
    """Return the value of a number phrase, or None when it is not one."""
    words = re.sub(r"[\u00a0\u202f]", " ", text.strip().lower())
    words = re.sub(r"(?<=\d)[, ](?=\d{3}\b)", "", words)
    words = re.sub(r"(?<=\d)(k|mn|mil|bn|m)\b", r" \1", words)
    tokens = [t for t in re.split(r"[\s-]+", words) if t and t != "and"]
    if not tokens:
        return None
    return _parse_tokens(tokens)


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
