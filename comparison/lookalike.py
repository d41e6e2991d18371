"""Look-alike names in two claims about the same thing: "Bill Clinton" where the other claim
says "Hillary Clinton", "North Korea" where it says "South Korea", "Austria" where it says
"Australia". A look-alike is how a wrong name slips into a copy; the spelling resemblance only
pairs the two names up, it never makes them one (that is ``facts.names.same_entity``).
"""

from __future__ import annotations

from difflib import SequenceMatcher

from comparison.findings import quoted, reason
from comparison.model import Reason
from comparison.overlap import facts_overlap
from comparison.tolerated import is_word_variant
from facts.model import ClaimFacts, EntityFact
from facts.names import PLACE_QUALIFIERS, same_entity, same_name_word

MIN_OVERLAP = 0.5  # share of content words the claims must have in common
MIN_SPELLING_RATIO = 0.75  # "iran"/"iraq", "austria"/"australia", "kiv"/"lviv"
MIN_LETTERS = 3
MIN_TYPO_LETTERS = 6
_CORE_DEPS = frozenset({"nsubj", "nsubjpass", "dobj"})
_PREPOSITION_REACH = 2
_PERSON = "PERSON"
_MAX_PERSON_WORDS = 3
_UNSURE_LABEL = "NAME"  # a capitalised run that spaCy did not label
_NOT_NAMES = frozenset({"NORP", "DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL"})


def lookalike_reasons(a: ClaimFacts, b: ClaimFacts) -> list[Reason]:
    if facts_overlap(a, b) < MIN_OVERLAP:
        return []
    candidates_b = unmatched_names(b, a)
    for ea in unmatched_names(a, b):
        partners = [eb for eb in candidates_b if look_alike(ea, eb) and _same_role(ea, a, eb, b)]
        if len(partners) == 1:
            (eb,) = partners
            explanation = f"this names {quoted(ea.span)}; other names {quoted(eb.span)}"
            return [reason("entity", ea.span, eb.span, explanation)]
    return []


def unmatched_names(facts: ClaimFacts, other: ClaimFacts) -> list[EntityFact]:
    """Names in ``facts`` that ``other`` never names, not even in part."""
    return [
        e
        for e in facts.entities
        if e.label not in _NOT_NAMES
        and not any(same_entity(e.key, o.key) for o in other.entities)
        and not set(e.key.split()) <= other.content_lemmas
    ]


def look_alike(ea: EntityFact, eb: EntityFact) -> bool:
    """Two different names of one kind that a reader could mistake for each other."""
    if not _labels_fit(ea.label, eb.label) or same_entity(ea.key, eb.key):
        return False
    words_a, words_b = ea.key.split(), eb.key.split()
    if len(words_a) > 1 and len(words_b) > 1:
        people = _PERSON in (ea.label, eb.label)
        return (people and _other_given_name(words_a, words_b)) or _other_region(words_a, words_b)
    if len(words_a) == 1 == len(words_b):
        return _spelled_alike(words_a[0], words_b[0])
    return False


def _other_given_name(words_a: list[str], words_b: list[str]) -> bool:
    """ "Bill Clinton" and "Hillary Clinton"; not "Vincente Fox" and "Vicente Fox"."""
    if max(len(words_a), len(words_b)) > _MAX_PERSON_WORDS:
        return False
    shared_surname = same_name_word(words_a[-1], words_b[-1])
    return shared_surname and not _misspelt(words_a[0], words_b[0])


def _other_region(words_a: list[str], words_b: list[str]) -> bool:
    """ "North Korea" and "South Korea": one name, another compass word."""
    if len(words_a) != len(words_b):
        return False
    differ = [(a, b) for a, b in zip(words_a, words_b, strict=True) if a != b]
    return len(differ) == 1 and all(word in PLACE_QUALIFIERS for word in differ[0])


def _same_role(ea: EntityFact, a: ClaimFacts, eb: EntityFact, b: ClaimFacts) -> bool:
    """Both names attach to the same word ("a plant in North Korea", "a plant in South Korea")
    or fill the same core slot of their clauses (both subjects, both objects)."""
    dep_a, anchor_a = attachment(ea, a)
    dep_b, anchor_b = attachment(eb, b)
    if anchor_a and anchor_a == anchor_b:
        return True
    return dep_a == dep_b and dep_a in _CORE_DEPS


def attachment(entity: EntityFact, facts: ClaimFacts) -> tuple[str, str]:
    """The dependency of the name's root token and the lemma of the word it attaches to,
    looking through prepositions ("fired by X" attaches X to "fire")."""
    index = root_index(entity, facts)
    if index is None:
        return "", ""
    root = facts.tokens[index]
    anchor = facts.tokens[root.head]
    for _ in range(_PREPOSITION_REACH):
        if anchor.pos != "ADP" or facts.tokens[anchor.head] is anchor:
            break
        anchor = facts.tokens[anchor.head]
    return root.dep, anchor.lemma if anchor is not root else ""


def root_index(entity: EntityFact, facts: ClaimFacts) -> int | None:
    """The index of the name's token that heads the others, if the parse has one."""
    span = entity.span
    members = [i for i, t in enumerate(facts.tokens) if span.start <= t.start < span.end]
    roots = [i for i in members if facts.tokens[i].head not in members]
    return roots[0] if roots else None


def _labels_fit(label_a: str, label_b: str) -> bool:
    return label_a == label_b or _UNSURE_LABEL in (label_a, label_b)


def _misspelt(a: str, b: str) -> bool:
    """ "Vincente" for "Vicente": one letter more or less in a long given name is more likely a
    typo than another person (but "Bill" and "Jill" are two people)."""
    shorter, longer = sorted((a, b), key=len)
    if len(shorter) < MIN_TYPO_LETTERS or len(longer) - len(shorter) != 1:
        return False
    return any(longer[:i] + longer[i + 1 :] == shorter for i in range(len(longer)))


def _spelled_alike(a: str, b: str) -> bool:
    if min(len(a), len(b)) < MIN_LETTERS or a.startswith(b) or b.startswith(a):
        return False
    if is_word_variant(a, frozenset({b})):
        return False
    return SequenceMatcher(a=a, b=b).ratio() >= MIN_SPELLING_RATIO
