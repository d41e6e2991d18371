"""Meaning-keeping edits: the edited sentence reports the same facts in other words or order.

Same contract as :mod:`training.diverge_edits`: ``(source, rng) -> str | None``.
"""

from __future__ import annotations

import random
import re
import unicodedata

from training.diverge_edits import WEEKDAYS, Edit
from training.source import Source, replace_span


def _lower_first(text: str, source: Source, offset: int) -> str:
    """Lower-case the first letter unless it starts a name (a mention, "I", an acronym)."""
    first = text.split(" ", 1)[0]
    if first == "I" or first.isupper() or any(m.start == offset for m in source.mentions):
        return text
    return text[0].lower() + text[1:]


def _upper_first(text: str) -> str:
    return text[0].upper() + text[1:]


_SPEAKER = r"(?P<speaker>[A-Za-z][\w.’'-]*(?: [A-Za-z][\w.’'-]*){0,4})"
_VERB = r"(?P<verb>said|says|added|told reporters)"
_TRAILING_SPEAKER = re.compile(r"^(?P<body>[^“”\"]{20,}), " + _SPEAKER + " " + _VERB + r"\.$")
_LEADING_SPEAKER = re.compile(
    r"^" + _SPEAKER + " " + _VERB + r" (?:that )?(?P<body>[^“”\"]{20,})\.$"
)
_QUOTE_FIRST = re.compile(r"^“(?P<body>[^“”]{20,}),” " + _SPEAKER + " " + _VERB + r"\.$")


def move_attribution(source: Source, rng: random.Random) -> str | None:
    """``X, officials said.`` ↔ ``Officials said X.``; ``“X,” he said.`` → ``He said: “X.”``"""
    text = source.text
    if found := _QUOTE_FIRST.match(text):
        return f"{_upper_first(found['speaker'])} {found['verb']}: “{found['body']}.”"
    if found := _TRAILING_SPEAKER.match(text):
        body = _lower_first(found["body"], source, 0)
        return f"{_upper_first(found['speaker'])} {found['verb']} {body}."
    if (found := _LEADING_SPEAKER.match(text)) and found["verb"] != "told reporters":
        speaker = _lower_first(found["speaker"], source, 0)
        return f"{_upper_first(found['body'])}, {speaker} {found['verb']}."
    return None


_LEADING_PHRASE = re.compile(
    r"^(?P<phrase>(?:On|In|During|After|Before|Last|Earlier|Later|Since|Under) [^,“”\"]{3,45}), "
    r"(?P<rest>[^“”\"]{15,})\.$"
)


def move_leading_phrase(source: Source, rng: random.Random) -> str | None:
    """``On Monday, the firm cut jobs.`` → ``The firm cut jobs on Monday.``"""
    found = _LEADING_PHRASE.match(source.text)
    if found is None:
        return None
    phrase = found["phrase"]
    phrase = phrase[0].lower() + phrase[1:]
    return f"{_upper_first(found['rest'])} {phrase}."


_TRAILING_CLAUSE = re.compile(
    r", (?:which|who|including|while|as well as|adding|although|though|in a move|a move)\b"
    r"[^“”\",]*(?P<end>[.!?])$"  # no comma inside: a mid-sentence clause is not trailing
)
_PARENTHESES = re.compile(r" \([^()]{2,60}\)")
_WEEKDAY_DETAIL = re.compile(r" (?:on |last |this )?(?:" + "|".join(WEEKDAYS) + r")\b(?! night)")


def drop_detail(source: Source, rng: random.Random) -> str | None:
    """Leave out a non-core detail: a trailing clause, a parenthesis or the weekday."""
    text = source.text
    options = [
        (m.start(), m.end(), m["end"]) for m in _TRAILING_CLAUSE.finditer(text) if m.start() > 30
    ]
    options += [(m.start(), m.end(), "") for m in _PARENTHESES.finditer(text)]
    options += [(m.start(), m.end(), "") for m in _WEEKDAY_DETAIL.finditer(text)]
    if not options:
        return None
    start, end, keep = rng.choice(options)
    return replace_span(text, start, end, keep)


_BIG_NUMBER = re.compile(r"(?<![\w.,])(\d{1,3}(?:,\d{3}){2,})(?![\w,]|\.\d)")
_THOUSANDS = re.compile(r"(?<![\w.,])(\d{1,3},\d{3})(?![\w,]|\.\d)")
_WIRE_UNITS = (
    (re.compile(r"\b(\d[\d.,]*) mln\b"), r"\1 million"),
    (re.compile(r"\b(\d[\d.,]*) billion\b"), r"\1 bln"),
    (re.compile(r"\bdlrs\b"), "dollars"),
    (re.compile(r"\b(\d[\d.,]*) pct\b"), r"\1 percent"),
    (re.compile(r"\b(\d[\d.,]*) percent\b"), r"\1%"),
    (re.compile(r"\b(\d[\d.,]*) per cent\b"), r"\1%"),
    (re.compile(r"\b(\d[\d.,]*)%"), r"\1 percent"),
)
_SMALL_WORDS = ("two", "three", "four", "five", "six", "seven", "eight", "nine")
_SMALL_NUMBER = re.compile(r"\b(" + "|".join(_SMALL_WORDS) + r")\b(?= [a-z])")


def reformat_number(source: Source, rng: random.Random) -> str | None:
    """Same quantity, other form: ``2,463,000`` → ``about 2.5 million``, ``pct`` → ``%``."""
    text = source.text
    options: list[tuple[int, int, str]] = []
    for found in _BIG_NUMBER.finditer(text):
        options.append((found.start(), found.end(), _in_millions(found.group(1))))
    for found in _THOUSANDS.finditer(text):
        options.append((found.start(), found.end(), _rounded_thousands(found.group(1))))
    for pattern, replacement in _WIRE_UNITS:
        for found in pattern.finditer(text):
            options.append((found.start(), found.end(), found.expand(replacement)))
    for found in _SMALL_NUMBER.finditer(text):
        options.append((found.start(), found.end(), str(_SMALL_WORDS.index(found.group(1)) + 2)))
    if not options:
        return None
    start, end, new = rng.choice(options)
    return replace_span(text, start, end, new)


def _in_millions(digits: str) -> str:
    value = int(digits.replace(",", ""))
    millions = round(value / 1_000_000, 1)
    shown = f"{millions:g}"
    if millions * 1_000_000 == value:
        return f"{shown} million"
    return f"{'more than' if millions * 1_000_000 < value else 'about'} {shown} million"


def _rounded_thousands(digits: str) -> str:
    value = int(digits.replace(",", ""))
    step = 100 if value < 10_000 else 1000
    rounded = round(value / step) * step
    if rounded == value:
        return f"{value:,}"
    return f"{'more than' if rounded < value else 'nearly'} {rounded:,}"


_VARIANTS = {
    "U.S.": "US",
    "US": "U.S.",
    "U.K.": "UK",
    "percent": "per cent",
    "per cent": "percent",
    "organization": "organisation",
    "organisation": "organization",
    "defense": "defence",
    "defence": "defense",
    "center": "centre",
    "centre": "center",
    "labor": "labour",
    "labour": "labor",
    "program": "programme",
    "programme": "program",
    "favor": "favour",
    "favour": "favor",
    "Sergei": "Sergey",
    "Sergey": "Sergei",
    "Viktor": "Victor",
    "Mohammed": "Muhammad",
    "Gadhafi": "Gaddafi",
    "Kiev": "Kyiv",
}
_VARIANT = re.compile(
    r"(?<![\w.])("
    + "|".join(re.escape(k) for k in sorted(_VARIANTS, key=len, reverse=True))
    + r")(?![\w])"
)


def spelling_variant(source: Source, rng: random.Random) -> str | None:
    """A spelling or transliteration variant, or a name written without its accents."""
    text = source.text
    options = [(m.start(), m.end(), _VARIANTS[m.group(1)]) for m in _VARIANT.finditer(text)]
    options += [
        (m.start, m.end, folded)
        for m in source.mentions
        if (folded := _without_accents(m.text)) != m.text
    ]
    if not options:
        return None
    start, end, new = rng.choice(options)
    return replace_span(text, start, end, new)


def _without_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


_TITLES = ("President", "Sen.", "Rep.", "Gov.", "Secretary", "Minister", "Dr.")


def name_variant(source: Source, rng: random.Random) -> str | None:
    """A person named in full loses the first name, or a surname gains the article's full name."""
    options: list[tuple[int, int, str]] = []
    for mention in source.mentions:
        if mention.label != "PERSON":
            continue
        words = mention.text.split()
        if len(words) >= 2 and not source.text[: mention.start].rstrip().endswith(_TITLES):
            options.append((mention.start, mention.end, words[-1]))
        elif len(words) == 1:
            options += [
                (mention.start, mention.end, full)
                for full in source.names.get("PERSON", ())
                if full.split()[-1] == mention.text and full != mention.text
            ]
    if not options:
        return None
    start, end, new = rng.choice(options)
    return replace_span(source.text, start, end, new)


AGREE_EDITS: dict[str, Edit] = {
    "move_attribution": move_attribution,
    "move_leading_phrase": move_leading_phrase,
    "drop_detail": drop_detail,
    "reformat_number": reformat_number,
    "spelling_variant": spelling_variant,
    "name_variant": name_variant,
}
