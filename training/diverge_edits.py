"""Meaning-changing edits (FactCC style): the edited sentence reports one detail differently.

Each edit takes a :class:`Source` and a seeded ``random.Random`` and returns the edited
sentence, or None when the sentence offers nothing to change of that kind.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable

from facts.names import entity_key
from training.source import Mention, Source, replace_span

Edit = Callable[[Source, random.Random], str | None]

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTH = re.compile(r"\b(" + "|".join(m for m in MONTHS if m != "May") + r")\b")
_WEEKDAY = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b")
_YEAR = re.compile(r"\b(19[5-9]\d|20[0-3]\d)\b")
_NUMBER = re.compile(r"(?<![\w.,/-])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?![\w/]|,\d|\.\d)")
_DATE_NUMBER = re.compile(
    r"\b(?:" + "|".join(m[:3] for m in MONTHS) + r")[a-z]*\.? $|^(?:st|nd|rd|th)\b"
)
_FACTORS = (0.5, 0.6, 0.7, 1.4, 1.5, 2.0, 3.0)


def change_number(source: Source, rng: random.Random) -> str | None:
    """A quantity becomes a nearby but clearly different value (years and days left alone)."""
    text = source.text
    candidates = [m for m in _NUMBER.finditer(text) if _is_quantity(text, m)]
    if not candidates:
        return None
    found = rng.choice(candidates)
    new = _other_number(found.group(1), found.group(2) or "", rng)
    return replace_span(text, found.start(), found.end(), new)


def _is_quantity(text: str, found: re.Match[str]) -> bool:
    if _YEAR.fullmatch(found.group(0)):
        return False
    before, after = text[max(0, found.start() - 10) : found.start()], text[found.end() :]
    return not (_DATE_NUMBER.search(before) or _DATE_NUMBER.search(after[:3]))


def _other_number(whole: str, decimals: str, rng: random.Random) -> str:
    value = float(whole.replace(",", "") + decimals)
    if value < 20 and not decimals:
        step = rng.choice((-3, -2, -1, 1, 2, 3))
        new = value + step if value + step > 0 else value + abs(step)
    else:
        new = value * rng.choice(_FACTORS)
    places = len(decimals) - 1 if decimals else 0
    if places == 0:
        new = float(round(new, -max(0, len(str(int(value))) - 2)))
    return _format(new, places, grouped="," in whole)


def _format(value: float, places: int, grouped: bool) -> str:
    if places:
        return f"{value:,.{places}f}" if grouped else f"{value:.{places}f}"
    return f"{int(value):,}" if grouped else str(int(value))


def swap_date(source: Source, rng: random.Random) -> str | None:
    """A weekday, month or year becomes another one."""
    text = source.text
    options = [
        *((m, WEEKDAYS) for m in _WEEKDAY.finditer(text)),
        *((m, MONTHS) for m in _MONTH.finditer(text)),
        *((m, None) for m in _YEAR.finditer(text)),
    ]
    if not options:
        return None
    found, names = rng.choice(options)
    if names is None:
        new = str(int(found.group(0)) + rng.choice((-3, -2, -1, 1, 2, 3)))
    else:
        new = rng.choice([name for name in names if name != found.group(0) and name != "May"])
    return replace_span(text, found.start(), found.end(), new)


SWAPPABLE_LABELS = frozenset(
    ["PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "PRODUCT", "LAW", "WORK_OF_ART"]
)


def swap_entity(source: Source, rng: random.Random) -> str | None:
    """A named entity becomes another entity of the same type from the same article."""
    options = [
        (mention, rivals)
        for mention in source.mentions
        if mention.label in SWAPPABLE_LABELS and (rivals := _rivals(source, mention))
    ]
    if not options:
        return None
    mention, rivals = rng.choice(options)
    return replace_span(source.text, mention.start, mention.end, rng.choice(rivals))


def _rivals(source: Source, mention: Mention) -> list[str]:
    """Names of the mention's type that are not another form of it (nor of any name in it)."""
    own = entity_key(mention.text)
    present = {entity_key(m.text) for m in source.mentions}
    return sorted(
        name
        for name in source.names.get(mention.label, ())
        if (key := entity_key(name))
        and key not in present
        and not _shares_word(key, own)
        and name not in source.text
    )


def _shares_word(a: str, b: str) -> bool:
    return bool(set(a.split()) & set(b.split()))


_SPEECH_AFTER = re.compile(r"^(?:,)? (?:said|says|told|added|stated|wrote|argued|warned)\b")
_SPEECH_BEFORE = re.compile(r"\b(?:said|says|according to|told by)(?: Mr\.| Ms\.| Mrs\.)? $")


def swap_speaker(source: Source, rng: random.Random) -> str | None:
    """The person or organisation a statement is attributed to becomes another one."""
    text = source.text
    options = [
        (mention, rivals)
        for mention in source.mentions
        if mention.label in ("PERSON", "ORG")
        and (
            _SPEECH_AFTER.match(text[mention.end :]) or _SPEECH_BEFORE.search(text[: mention.start])
        )
        and (rivals := _rivals(source, mention))
    ]
    if not options:
        return None
    mention, rivals = rng.choice(options)
    return replace_span(text, mention.start, mention.end, rng.choice(rivals))


_CONTRACTED = {
    "don't": "do",
    "doesn't": "does",
    "didn't": "did",
    "won't": "will",
    "can't": "can",
    "isn't": "is",
    "aren't": "are",
    "wasn't": "was",
    "weren't": "were",
    "hasn't": "has",
    "haven't": "have",
    "hadn't": "had",
    "wouldn't": "would",
    "couldn't": "could",
    "shouldn't": "should",
}
_NEGATED = re.compile(r"\b(" + "|".join(_CONTRACTED) + r")\b|\b(not|never)\s+", flags=re.IGNORECASE)
_AUXILIARY = re.compile(
    r"\b(is|was|are|were|has|have|had|will|would|can|could|should|must|does|did|do)\s+"
    r"(?!not\b|n't|to\b|been\b|[A-Z\d\"“])"
)


def toggle_negation(source: Source, rng: random.Random) -> str | None:
    """Remove the sentence's negation, or negate an auxiliary verb when there is none."""
    text = source.text.replace("’", "'")
    negations = list(_NEGATED.finditer(text))
    if negations:
        found = rng.choice(negations)
        positive = _CONTRACTED[found.group(1).lower()] if found.group(1) else ""
        return _restore_quotes(replace_span(text, found.start(), found.end(), positive), source)
    auxiliaries = list(_AUXILIARY.finditer(text))
    if not auxiliaries:
        return None
    found = rng.choice(auxiliaries)
    return _restore_quotes(replace_span(text, found.end(1), found.end(1), " not"), source)


def _restore_quotes(edited: str, source: Source) -> str:
    return edited.replace("'", "’") if "’" in source.text else edited


_MODAL_SWAPS = {
    "will": ("may", "could", "might"),
    "would": ("might", "could"),
    "must": ("may", "could"),
    "may": ("will",),
    "might": ("will",),
    "could": ("will", "would"),
    "plans to": ("may",),
    "is expected to": ("could",),
    "are expected to": ("could",),
    "is likely to": ("will",),
    "is set to": ("may",),
}
_MODAL = re.compile(r"\b(" + "|".join(sorted(_MODAL_SWAPS, key=len, reverse=True)) + r")\b")


def swap_modality(source: Source, rng: random.Random) -> str | None:
    """A firm ``will`` becomes ``may``/``could``, a hedge becomes ``will``."""
    return _swap_word(source.text, _MODAL, _MODAL_SWAPS, rng)


_QUANTIFIER_SWAPS = {
    "all": ("some", "most"),
    "every": ("some",),
    "most": ("some", "few"),
    "some": ("all", "most"),
    "many": ("few", "some"),
    "few": ("many", "most"),
    "several": ("all",),
    "none": ("some",),
}
_QUANTIFIER = re.compile(
    r"\b(" + "|".join(_QUANTIFIER_SWAPS) + r")\b(?! but\b)(?= [a-z])", flags=re.IGNORECASE
)


def swap_quantifier(source: Source, rng: random.Random) -> str | None:
    """The scope of a set changes: all → some, most → few, some → all."""
    return _swap_word(source.text, _QUANTIFIER, _QUANTIFIER_SWAPS, rng)


def _swap_word(
    text: str, pattern: re.Pattern[str], swaps: dict[str, tuple[str, ...]], rng: random.Random
) -> str | None:
    found_all = [m for m in pattern.finditer(text) if not text[: m.start()].endswith("at ")]
    if not found_all:
        return None
    found = rng.choice(found_all)
    word = found.group(1)
    new = rng.choice(swaps[word.lower()])
    if word[0].isupper():
        new = new[0].upper() + new[1:]
    return replace_span(text, found.start(1), found.end(1), new)


_QUOTE = re.compile(r"“([^”]{12,})”|\"([^\"]{12,})\"")
_QUOTE_WORD = re.compile(r"[A-Za-z]{4,}")
_INSERTED = ("never", "really", "clearly", "also", "only")


def edit_quote(source: Source, rng: random.Random) -> str | None:
    """Inside a direct quotation, one word is changed, added or dropped."""
    quotes = [m for m in _QUOTE.finditer(source.text) if len(_quoted(m).split()) >= 4]
    if not quotes:
        return None
    quote = rng.choice(quotes)
    start = quote.start(1) if quote.group(1) is not None else quote.start(2)
    words = [w for w in _QUOTE_WORD.finditer(_quoted(quote)) if w.start() > 0]
    if not words:
        return None
    word = rng.choice(words)
    begin, end = start + word.start(), start + word.end()
    action = rng.choice(("change", "add", "drop"))
    replacements = [w for w in source.words if w.lower() != word.group(0).lower()]
    if action == "change" and replacements:
        return replace_span(source.text, begin, end, rng.choice(replacements))
    if action == "add":
        return replace_span(source.text, begin, begin, rng.choice(_INSERTED) + " ")
    return replace_span(source.text, begin - 1, end, "")


def _quoted(found: re.Match[str]) -> str:
    return found.group(1) if found.group(1) is not None else found.group(2)


DIVERGE_EDITS: dict[str, Edit] = {
    "number": change_number,
    "date": swap_date,
    "entity": swap_entity,
    "negation": toggle_negation,
    "modality": swap_modality,
    "quantifier": swap_quantifier,
    "attribution": swap_speaker,
    "quote": edit_quote,
}
