"""Name variants: diacritics, transliterations, nicknames and aliases.

An entity key folds what can be folded in every word without changing ordinary words (case,
diacritics, a country's other names, a few transliterated endings), so that a name's key stays
the lemma key of the same word that the parser did not take for a name. Nicknames and wider
transliteration rules are applied only when two name words are compared (``same_name_word``).
The aliases and nicknames are data (``facts/data/name_variants.tsv``); the rules here fold
systematic spelling differences only."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from facts.name_variants import name_variants

# Transliterated endings folded in every key: Zelenskyy/Zelenskiy/Zelensky, Peskoff/Peskov.
_KEY_RULES = [
    (re.compile(r"(?<=[a-z])(yy|iy|ii|yi)$"), "y"),
    (re.compile(r"(?<=[a-z]o)ff$"), "v"),
]
# Systematic spelling differences of transliterated names, applied when two name words are
# compared: Sergey/Sergei, Aleksei/Alexei, Victor/Viktor, Mathew/Matthew, Filip/Philip. They
# fold spellings; they never make two different names alike.
_SPELLING_RULES = [
    (re.compile(r"ks"), "x"),
    (re.compile(r"y"), "i"),
    (re.compile(r"ck|c(?=[aoukrlt]|$)"), "k"),
    (re.compile(r"ph"), "f"),
    (re.compile(r"(?<=[td])h"), ""),
    (re.compile(r"([a-z])\1"), r"\1"),
]
TITLES = frozenset(
    {
        "mr",
        "mrs",
        "ms",
        "dr",
        "sir",
        "president",
        "prime",
        "minister",
        "secretary",
        "sen",
        "senator",
        "rep",
        "gov",
        "governor",
        "gen",
        "general",
        "mayor",
        "judge",
        "prof",
        "rev",
        "justice",
        "chief",
        "officer",
        "director",
        "sgt",
        "lt",
        "capt",
        "col",
        "adm",
        "ambassador",
        "chancellor",
        "commissioner",
        "speaker",
        "congressman",
        "congresswoman",
        "representative",
        "detective",
        "pope",
        "king",
        "queen",
        "prince",
        "princess",
        "sheikh",
    }
)
# Titles as house styles abbreviate them before a name (AP: "Sen."), even inside quotes.
TITLE_ABBREVIATIONS = {
    "sen": "senator",
    "sens": "senators",
    "rep": "representative",
    "reps": "representatives",
    "gov": "governor",
    "lt": "lieutenant",
    "gen": "general",
    "col": "colonel",
    "maj": "major",
    "capt": "captain",
    "sgt": "sergeant",
    "adm": "admiral",
    "cmdr": "commander",
    "supt": "superintendent",
    "atty": "attorney",
    "dr": "doctor",
    "prof": "professor",
}
_DROP_WORDS = TITLES | {"the"}
PLACE_QUALIFIERS = (
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "new",
    "upper",
    "lower",
    "greater",
    "equatorial",
)


def fold(text: str) -> str:
    """Lower case, no diacritics, no punctuation, single spaces."""
    plain = re.sub(r"[’']s\b", "", without_diacritics(text).lower())
    plain = re.sub(r"(?<=\b[a-z])\.", "", plain)
    plain = re.sub(r"[^a-z0-9 ]+", " ", plain)
    return " ".join(plain.split())


def without_diacritics(text: str) -> str:
    """ "Orbán" -> "Orban": compatibility forms decomposed, combining marks dropped."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _key_word(word: str) -> str:
    for pattern, replacement in _KEY_RULES:
        word = pattern.sub(replacement, word)
    return word


@cache
def name_word_form(word: str) -> str:
    """The form two spellings or nicknames of one name word share: "bill" and "william",
    "sergey" and "sergei", "gadhafi" and "qaddafi"."""
    word = name_variants().words.get(word, word)
    for pattern, replacement in _SPELLING_RULES:
        word = pattern.sub(replacement, word)
    return word


def same_name_word(a: str, b: str) -> bool:
    return a == b or name_word_form(a) == name_word_form(b)


def entity_key(text: str) -> str:
    """The key two spellings of one name share ("Orbán" and "Orban", "U.S." and "United States",
    "President Zelenskyy" and "Zelensky")."""
    folded = fold(text)
    phrases = name_variants().phrases
    if folded in phrases:
        return phrases[folded]
    words = _without_titles(folded.split())
    joined = " ".join(words)
    if joined in phrases:
        return phrases[joined]
    return " ".join(_key_word(word) for word in words)


def _without_titles(words: list[str]) -> list[str]:
    """ "President Joe Biden" -> "joe biden"; a title that is all there is stays."""
    first = 0
    while first < len(words) - 1 and words[first] in _DROP_WORDS:
        first += 1
    return words[first:]


def acronym(key: str) -> str:
    words = [w for w in key.split() if w not in ("of", "for", "and", "in", "the")]
    return (
        "".join(word if word in ("us", "uk", "eu") else word[0] for word in words)
        if len(words) > 1
        else ""
    )


def same_entity(a: str, b: str) -> bool:
    """Whether two entity keys name the same person, place or organisation. The shorter name
    must be part of the longer, word for word and in order: "steele" is "michael steele", and
    "j smith" is "john smith", but "bill clinton" is not "hillary clinton" and "north korea" is
    not "south korea". Spellings and nicknames are folded by rule and table, never guessed from
    string similarity."""
    if not a or not b:
        return False
    if a == b or acronym(a) == b or acronym(b) == a:
        return True
    shorter, longer = sorted((a.split(), b.split()), key=len)
    return _in_order(shorter, longer) and not _qualifies_a_place(shorter, longer)


def _qualifies_a_place(shorter: list[str], longer: list[str]) -> bool:
    """ "South Sudan" is not "Sudan", "North Carolina" not "Carolina"."""
    extra = [word for word in longer if not any(same_name_word(word, s) for s in shorter)]
    return any(name_word_form(word) in _place_qualifiers() for word in extra)


@cache
def _place_qualifiers() -> frozenset[str]:
    return frozenset(name_word_form(word) for word in PLACE_QUALIFIERS)


def _in_order(shorter: list[str], longer: list[str]) -> bool:
    position = 0
    for word in shorter:
        while position < len(longer) and not _same_word(word, longer[position]):
            position += 1
        if position == len(longer):
            return False
        position += 1
    return True


def _same_word(a: str, b: str) -> bool:
    """One name word, or an initial standing for the word ("j" for "john")."""
    return same_name_word(a, b) or (min(len(a), len(b)) == 1 and a[0] == b[0])
