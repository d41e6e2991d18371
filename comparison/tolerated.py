"""New words in a condensed copy that add no new fact.

"Brendan Rodgers" where the other text says "Rodgers": a first name added to a surname the
other text names alone. "Sergey" where the other says "Sergei": another spelling of a name.
"Bosnian striker" where the other says "Bosnia striker": the same word in another form. "PM"
where the other says "prime minister": its initials. "workforce" where the other says "work
force": one compound written closed or open. "Braley said" where the other says "he said": a
name where the other gives a pronoun. "added" where the other says "said" of a quotation both
render word for word: the reporting frame (``comparison.reporting_frame``). None of them changes
who or what the claim is about.
"""

from __future__ import annotations

import itertools

from comparison.pronouns import names_a_pronoun_subject
from comparison.reporting_frame import frames_same_quotes
from comparison.verbatim import contains_run, words_of
from facts.model import ClaimFacts, TokenInfo
from facts.names import TITLES, fold, same_name_word

NAME_POS = frozenset({"PROPN"})
NAME_DEPS = frozenset({"compound", "flat"})
MIN_STEM = 5


def adds_nothing(token: TokenInfo, short: ClaimFacts, long_: ClaimFacts) -> bool:
    """Whether ``token``, new in ``short``, only completes or re-forms a word of ``long_``."""
    return (
        _adds_first_name(token, short, long_)
        or _respells_a_name(token, long_)
        or is_word_variant(token.lemma, long_.content_lemmas)
        or is_initialism(token.text, long_)
        or _rejoins_a_compound(token, short, long_)
        or _names_a_pronoun(token, short, long_)
        or frames_same_quotes(token, short, long_)
    )


def _rejoins_a_compound(token: TokenInfo, short: ClaimFacts, long_: ClaimFacts) -> bool:
    """ "workforce" against "work force" or "work-force", and the other way round."""
    long_words = words_of(long_.text)
    joined_pairs = {first + second for first, second in itertools.pairwise(long_words)}
    word = _letters(token.text)
    if word in joined_pairs:
        return True
    index = short.tokens.index(token)
    neighbours = short.tokens[max(0, index - 1) : index] + short.tokens[index + 1 : index + 2]
    joined = [
        _letters(n.text + token.text) if n.start < token.start else _letters(token.text + n.text)
        for n in neighbours
    ]
    return any(j in long_words for j in joined if len(j) > len(word))


def _letters(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def _names_a_pronoun(token: TokenInfo, short: ClaimFacts, long_: ClaimFacts) -> bool:
    """ "Braley said" where the other text says "he said" of the same utterance."""
    if token.pos not in NAME_POS:
        return False
    subject = token
    while subject.dep in NAME_DEPS and 0 <= subject.head < len(short.tokens):
        subject = short.tokens[subject.head]
    if not 0 <= subject.head < len(short.tokens):
        return False
    verb = short.tokens[subject.head]
    return names_a_pronoun_subject(short, long_, verb.lemma, subject.lemma)


def _respells_a_name(token: TokenInfo, long_: ClaimFacts) -> bool:
    """ "Sergey" where the other text says "Sergei", "Bill" where it says "William"."""
    if token.pos not in NAME_POS:
        return False
    return any(same_name_word(token.lemma, lemma) for lemma in long_.content_lemmas)


def is_initialism(word: str, facts: ClaimFacts) -> bool:
    """Whether ``word`` ("PM", "U.N.", "DoJ") spells the initials of adjacent words of ``facts``,
    function words included. (``facts.names.acronym`` maps a whole entity key to its initials;
    here the words are searched for in a sentence.)"""
    letters = [ch.casefold() for ch in word if ch.isalpha()]
    if not 2 <= len(letters) <= 5 or len(letters) != sum(ch.isalnum() for ch in word):
        return False
    initials = [token.text[0].casefold() for token in facts.tokens if token.text[0].isalpha()]
    return contains_run(initials, letters)


def is_word_variant(lemma: str, lemmas: frozenset[str]) -> bool:
    """Two forms of one word: all of the shorter but its last letter begins the longer, and
    that shared stem has at least five letters (bosnia/bosnian, hungary/hungarian), but not
    austria/australia or legal/illegal."""
    return any(_shared_stem(lemma, other) for other in lemmas if other != lemma)


def _shared_stem(a: str, b: str) -> bool:
    shorter, longer = sorted((a, b), key=len)
    stem = shorter if len(shorter) == MIN_STEM else shorter[:-1]
    return len(stem) >= MIN_STEM and longer.startswith(stem)


def _adds_first_name(token: TokenInfo, short: ClaimFacts, long_: ClaimFacts) -> bool:
    surname = _surname_of(token, short)
    if surname is None or surname.lemma not in long_.content_lemmas:
        return False
    return all(
        not _has_given_name(long_, index)
        for index, other in enumerate(long_.tokens)
        if other.lemma == surname.lemma
    )


def _surname_of(token: TokenInfo, facts: ClaimFacts) -> TokenInfo | None:
    """The name ``token`` is a given name of: its head, when both are proper nouns."""
    if token.pos not in NAME_POS or token.dep not in NAME_DEPS:
        return None
    head = facts.tokens[token.head]
    if head.pos not in NAME_POS or head.start <= token.start:
        return None
    return head


def _has_given_name(facts: ClaimFacts, index: int) -> bool:
    """A proper noun attached to the surname that is not a title ("Mr.", "Sen.")."""
    return any(
        other.head == index
        and other.dep in NAME_DEPS
        and other.pos in NAME_POS
        and fold(other.text) not in TITLES
        for other in facts.tokens
    )
