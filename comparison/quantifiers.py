"""Scope of a set: "all OSCE members" vs "several European countries"."""

from __future__ import annotations

from comparison.findings import reason, text_between
from comparison.model import Reason
from facts.model import ClaimFacts, EntityFact, QuantifierFact, TextSpan
from facts.names import same_entity
from facts.quantifiers import QUANTIFIER_KINDS

_GROUP_REACH = 70
_ANCHOR_REACH = 4  # heads climbed from a quantified noun to the word it hangs on
_QUANTIFIER_WORDS = frozenset(QUANTIFIER_KINDS)
_NARROWING = frozenset({"amod", "compound"})
_EXCEPTIONS = frozenset({"except", "excluding", "besides"})
# "both senators" are two people, who may be the "Democratic senators" of the other side
_WHOLE_SET_WORDS = frozenset({"all", "every", "each"})


def quantifier_reasons(a: ClaimFacts, b: ClaimFacts) -> list[Reason]:
    for qa in a.quantifiers:
        for qb in b.quantifiers:
            if _clash(qa, a, qb, b):
                return [_reason(qa.span, qb.span, qa, qb, "quantifier")]
    return _grouped(a, b) or restricted_set_reasons(a, b)


def _clash(qa: QuantifierFact, a: ClaimFacts, qb: QuantifierFact, b: ClaimFacts) -> bool:
    """Other scopes of one set, unless ``a`` also states the other scope of it."""
    if qa.kind == qb.kind or qa.noun != qb.noun or _kind_on_side(qb.kind, a, qa.noun):
        return False
    return not (_hedged(qa) or _hedged(qb)) or _same_anchor(qa, a, qb, b)


def _hedged(q: QuantifierFact) -> bool:
    return " " in q.word  # "nearly all", "almost every"


def _same_anchor(qa: QuantifierFact, a: ClaimFacts, qb: QuantifierFact, b: ClaimFacts) -> bool:
    """ "checks for nearly all gun sales" / "checks for all gun sales": the set is said to be
    in the same relation on both sides. "Almost all candidates came from the party" and "all
    candidates are funded by the state" say other things of it."""
    anchor = _anchor(a, qa.head)
    return bool(anchor) and anchor == _anchor(b, qb.head)


def _anchor(facts: ClaimFacts, index: int) -> str:
    """The verb or noun the quantified noun hangs on, through prepositions, the quantifier
    and the nouns it is listed with ("super PACs and nonprofit groups")."""
    for _ in range(_ANCHOR_REACH):
        if not 0 <= index < len(facts.tokens) or facts.tokens[index].head == index:
            return ""
        listed = facts.tokens[index].dep == "conj"
        index = facts.tokens[index].head
        token = facts.tokens[index]
        if listed:
            continue
        if token.pos in ("VERB", "NOUN") and token.lemma not in _QUANTIFIER_WORDS:
            return token.lemma
    return ""


def _kind_on_side(kind: str, facts: ClaimFacts, noun: str) -> bool:
    return any(q.kind == kind and q.noun == noun for q in facts.quantifiers)


def _grouped(a: ClaimFacts, b: ClaimFacts) -> list[Reason]:
    """Quantified sets listed next to the same named entity on both sides (a list of recipients).
    A hedged "nearly all" is compared only with its own noun (its neighbours are other sets)."""
    a_plain, b_plain = _unhedged(a), _unhedged(b)
    for ea in a.entities:
        for eb in b.entities:
            if not same_entity(ea.key, eb.key):
                continue
            group_a = [q for q in a_plain if 0 < q.span.start - ea.span.end <= _GROUP_REACH]
            group_b = [q for q in b_plain if 0 < q.span.start - eb.span.end <= _GROUP_REACH]
            kinds_a, kinds_b = {q.kind for q in group_a}, {q.kind for q in group_b}
            if not group_a or not group_b or kinds_a == kinds_b:
                continue
            return _group_reasons(a, ea, group_a, b, eb, group_b)
    return []


def restricted_set_reasons(a: ClaimFacts, b: ClaimFacts) -> list[Reason]:
    """ "all organizations" against "nonprofit organizations" in the same relation: one side
    covers the whole set, the other only a kind of it (a modifier the first side lacks)."""
    found = _restricted(a, b)
    if found is not None:
        quantifier, span = found
        whole, narrowed = _whole_set(quantifier), _kind_of_set(span, quantifier)
        return [reason("quantifier", quantifier.span, span, f"this: {whole}; other: {narrowed}")]
    found = _restricted(b, a)
    if found is not None:
        quantifier, span = found
        whole, narrowed = _whole_set(quantifier), _kind_of_set(span, quantifier)
        return [reason("quantifier", span, quantifier.span, f"this: {narrowed}; other: {whole}")]
    return []


def _restricted(whole: ClaimFacts, part: ClaimFacts) -> tuple[QuantifierFact, TextSpan] | None:
    for quantifier in _unhedged(whole):
        if quantifier.word not in _WHOLE_SET_WORDS or _quantified(part, quantifier.noun):
            continue
        if _excepted(whole, quantifier):
            continue
        anchor = _anchor(whole, quantifier.head)
        kept = _modifiers(whole, quantifier.head)
        for index, token in enumerate(part.tokens):
            if token.lemma != quantifier.noun or token.pos != "NOUN":
                continue
            extra = _modifiers(part, index) - kept
            if anchor and extra and _anchor(part, index) == anchor:
                return quantifier, _noun_phrase(part, index)
    return None


def _excepted(facts: ClaimFacts, quantifier: QuantifierFact) -> bool:
    """ "all the numbers except the bonus ball": the whole set, less a part, is itself a kind."""
    return any(
        token.text.lower() in _EXCEPTIONS
        for token in facts.tokens
        if token.start >= quantifier.span.end
    )


def _quantified(facts: ClaimFacts, noun: str) -> bool:
    return any(q.noun == noun for q in facts.quantifiers)


def _modifiers(facts: ClaimFacts, index: int) -> set[str]:
    """Content words that narrow a noun: adjectives and nouns before it ("nonprofit groups")."""
    return {
        token.lemma
        for token in facts.tokens
        if token.head == index and token.dep in _NARROWING and token.is_content
    }


def _noun_phrase(facts: ClaimFacts, index: int) -> TextSpan:
    before = [i for i, t in enumerate(facts.tokens) if t.head == index and t.dep in _NARROWING]
    return text_between(facts, facts.tokens[min([index, *before])].start, facts.tokens[index].end)


def _whole_set(quantifier: QuantifierFact) -> str:
    return f"'{quantifier.word} {quantifier.noun}' (universal)"


def _kind_of_set(narrowed: TextSpan, quantifier: QuantifierFact) -> str:
    return f"'{narrowed.text}' (a kind of {quantifier.noun} only)"


def _unhedged(facts: ClaimFacts) -> list[QuantifierFact]:
    return [q for q in facts.quantifiers if not _hedged(q)]


def _group_reasons(
    a: ClaimFacts,
    ea: EntityFact,
    group_a: list[QuantifierFact],
    b: ClaimFacts,
    eb: EntityFact,
    group_b: list[QuantifierFact],
) -> list[Reason]:
    only_a = {q.kind for q in group_a} - {q.kind for q in group_b}
    odd_a = [q for q in group_a if q.kind in only_a] or group_a
    span_a = text_between(a, odd_a[0].span.start, group_a[-1].span.end)
    span_b = text_between(b, _start_with_article(b, eb.span.start), group_b[-1].span.end)
    reasons = [_reason(span_a, span_b, odd_a[0], group_b[0], "quantifier")]
    names_a = _names_between(a, span_a) - {ea.key}
    names_b = _names_between(b, span_b) - {eb.key}
    if names_a and names_b and not any(same_entity(x, y) for x in names_a for y in names_b):
        explanation = f"this names {sorted(names_a)}; other names {sorted(names_b)}"
        reasons.append(reason("entity", span_a, span_b, explanation))
    return reasons


def _start_with_article(facts: ClaimFacts, start: int) -> int:
    before = facts.text[max(0, start - 4) : start]
    return start - 4 if before.lower() == "the " else start


def _names_between(facts: ClaimFacts, span: TextSpan) -> set[str]:
    return {e.key for e in facts.entities if span.start <= e.span.start < span.end}


def _reason(
    span_a: TextSpan, span_b: TextSpan, qa: QuantifierFact, qb: QuantifierFact, kind: str
) -> Reason:
    explanation = (
        f"this: '{qa.word} {qa.noun}' ({qa.kind}); other: '{qb.word} {qb.noun}' ({qb.kind})"
    )
    return reason("quantifier", span_a, span_b, explanation)
