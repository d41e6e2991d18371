"""Word differences between two renderings of a quote that are only ways of writing the same
words: compounds written apart ("work force" / "workforce"), British and American spelling
("colour" / "color"), transliterated names ("Sergei" / "Sergey", "al-Qaddafi" / "Gadhafi": the
Arabic article before a name may be left out), contractions ("it's" / "it is"), censored words
("f***ing"), a possessive 's, a title written out or abbreviated in house style ("Sen. Reid"
/ "Senator Reid"), and a name written out or as its initials ("Internet Explorer" / "IE", "the
Federal Bureau of Investigation" / "the FBI").

Plural against singular ("pews" / "pew") and every other change of word stay differences.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from facts.names import TITLE_ABBREVIATIONS, acronym, same_name_word
from facts.quote_words import MARKERS

_CLITIC_READINGS = {"'s": frozenset({"is", "has", "us"}), "'d": frozenset({"would", "had"})}
_SPELLING_RULES = (
    (re.compile(r"(?<=\w\w)our(s|ed|ing|ite|ites|able)?$"), r"or\1"),
    (re.compile(r"(?<=\w\w\w)is(e|es|ed|ing|ation|ations)$"), r"iz\1"),
    (re.compile(r"(?<=\w\w)ys(e|es|ed|ing)$"), r"yz\1"),
    (re.compile(r"(?<=\w\w)tre(s)?$"), r"ter\1"),
    (re.compile(r"(?<=\w\w\w)ence(s)?$"), r"ense\1"),
    (re.compile(r"(?<=\w\w\w)logue(s)?$"), r"log\1"),
    (re.compile(r"(?<=\w\w\w)mme(s)?$"), r"m\1"),
    (re.compile(r"(?<=\w\w)dgement(s)?$"), r"dgment\1"),
    (
        re.compile(
            r"^(travel|cancel|label|fuel|signal|counsel|level|total|model|channel|equal|dial)"
            r"l(ed|ing|er|ers)$"
        ),
        r"\1\2",
    ),
)
_NAME_PARTICLES = frozenset({"al", "el"})
_SAME_WORDS = (
    frozenset({"gray", "grey"}),
    frozenset({"toward", "towards"}),
    frozenset({"afterward", "afterwards"}),
    frozenset({"ok", "okay"}),
    frozenset({"amid", "amidst"}),
    frozenset({"among", "amongst"}),
)


def same_rendering(a: Sequence[str], b: Sequence[str]) -> bool:
    """Whether two differing stretches of quoted words are the same words written differently."""
    if MARKERS & {*a, *b}:
        return True
    if _without_possessive(a) == _without_possessive(b):
        return True
    if "".join(a) == "".join(b):
        return True
    if _same_words(a, b) or _initials_of(a, b) or _initials_of(b, a):
        return True
    return _same_words(_without_name_particles(a), _without_name_particles(b))


def _initials_of(short: Sequence[str], long_: Sequence[str]) -> bool:
    """One word made of the first letters of the other side's words ("ie" / "internet
    explorer", "fbi" / "federal bureau of investigation"), as ``facts.names.acronym`` reads a
    name."""
    return len(short) == 1 and short[0].isalpha() and short[0] == acronym(" ".join(long_))


def _same_words(a: Sequence[str], b: Sequence[str]) -> bool:
    return len(a) == len(b) and all(same_word(x, y) for x, y in zip(a, b, strict=True))


def _without_name_particles(words: Sequence[str]) -> list[str]:
    """Without the Arabic article of a name: "al qaddafi" reads as "qaddafi"."""
    return [word for word in words if word not in _NAME_PARTICLES]


def same_word(x: str, y: str) -> bool:
    if x == y or y in _CLITIC_READINGS.get(x, ()) or x in _CLITIC_READINGS.get(y, ()):
        return True
    if any({x, y} <= group for group in _SAME_WORDS):
        return True
    if _censored(x, y) or _censored(y, x) or same_name_word(x, y):
        return True
    if TITLE_ABBREVIATIONS.get(x) == y or TITLE_ABBREVIATIONS.get(y) == x:
        return True
    return _american(x) == _american(y)


def _censored(masked: str, word: str) -> bool:
    """ "f***ing" for "fucking": the asterisks stand for at least one letter each run."""
    if "*" not in masked:
        return False
    pattern = "[a-z]+".join(re.escape(part) for part in re.split(r"\*+", masked))
    return re.fullmatch(pattern, word) is not None


def _american(word: str) -> str:
    for pattern, replacement in _SPELLING_RULES:
        word = pattern.sub(replacement, word)
    return word


def _without_possessive(words: Sequence[str]) -> list[str]:
    return [word for word in words if word != "'s"]
