"""Word lists that tell a full stop after an abbreviation from the end of a sentence."""

from __future__ import annotations

import re

from claims.lines import word_set

# Always followed by a name or number: never the end of a sentence.
TITLES = word_set(
    "mr mrs ms messrs dr prof gov govs sen sens rep reps gen gens lt col maj sgt capt cmdr "
    "adm rev hon pres supt det insp fr st mt ft cpl pvt atty"
)

# Usually inside a sentence, but they can close one ("... sent to the U.S. After that").
AMBIGUOUS = word_set(
    "jan feb mar apr jun jul aug sep sept oct nov dec inc ltd co corp bros llc plc jr sr etc "
    "vs approx est dept univ ave blvd rd no nos vol fig ca cf al"
)

# Followed by a number they are never a sentence end: "Feb. 1", "No. 3".
BEFORE_NUMBERS = word_set("jan feb mar apr jun jul aug sep sept oct nov dec no nos vol fig")

# Capitalised words that typically open a new sentence after an ambiguous abbreviation.
SENTENCE_STARTERS = word_set(
    "the a an but and or so yet he she it they we i you his her its their our my your this "
    "that these those there then in on at for from to after before as when while if however "
    "meanwhile still also some many most one two three no not what who why how where which "
    "both each every all any other another such officials later earlier since during until "
    "despite although though because instead now today yesterday"
)

_DOTTED_ACRONYM = re.compile(r"^(?:[A-Za-z]\.)+[A-Za-z]$")
_INITIAL = re.compile(r"^[A-Z]$")


def is_dotted_acronym(token: str) -> bool:
    """'U.S', 'a.m', 'D.C' as they appear before their final full stop."""
    return _DOTTED_ACRONYM.match(token) is not None


def is_initial(token: str) -> bool:
    """A single capital letter: the 'J' of 'J. Smith'."""
    return _INITIAL.match(token) is not None
