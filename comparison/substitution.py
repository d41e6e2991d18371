"""Near-copies where one side swaps in a new word or links two words differently.

Applies only when the shorter claim is almost entirely made of the longer one's words (a
rewrite or a condensed copy); then a new content word, or a head-dependent link between
words the other text never links, changes who did what.
"""

from __future__ import annotations

from comparison.coordination import coordinated
from comparison.diffing import extractive_coverage
from comparison.findings import quoted, reason, text_between, token_span
from comparison.lookalike import lookalike_reasons
from comparison.model import Reason
from comparison.orphans import GROUP_HEADS, MODIFIER_DEPS, orphaned_modifier
from comparison.pronouns import names_a_pronoun_subject, subject_through_control
from comparison.roles import swapped_role
from comparison.tolerated import adds_nothing
from comparison.verbatim import copied_content_words, copied_verbatim, words_of
from facts.model import ClaimFacts, TextSpan, TokenInfo
from facts.quantities import TIME_UNITS

MIN_CONTAINMENT = 0.75
MIN_COPIED = 0.7
MIN_RELINKED = 0.65
MIN_WORDS = 4


def substitution_reasons(a: ClaimFacts, b: ClaimFacts) -> list[Reason]:
    """A look-alike name in place of another, or a new word or link in a near-copy."""
    return lookalike_reasons(a, b) or _near_copy_reasons(a, b)


def _near_copy_reasons(a: ClaimFacts, b: ClaimFacts) -> list[Reason]:
    short, long_ = (a, b) if len(a.content_lemmas) <= len(b.content_lemmas) else (b, a)
    if len(short.content_lemmas) < MIN_WORDS or _containment(short, long_) < MIN_CONTAINMENT:
        return []
    copied = extractive_coverage(a, b)
    if copied < MIN_RELINKED:
        return []
    finding = _novel_word(short, long_) if copied >= MIN_COPIED else None
    finding = finding or orphaned_modifier(short, long_) or swapped_role(short, long_)
    finding = finding or _novel_link(short, long_)
    if finding is None:
        return []
    short_span, long_span, explanation = finding
    if short is a:
        return [reason("entity", short_span, long_span, explanation)]
    return [reason("entity", long_span, short_span, explanation)]


def _containment(short: ClaimFacts, long_: ClaimFacts) -> float:
    return len(short.content_lemmas & long_.content_lemmas) / len(short.content_lemmas)


def _novel_word(short: ClaimFacts, long_: ClaimFacts) -> tuple[TextSpan, TextSpan, str] | None:
    checked_elsewhere = [(f.span.start, f.span.end) for f in short.dates]
    checked_elsewhere += [(f.span.start, f.span.end) for f in short.quantities]
    long_words = set(words_of(long_.text))
    novel = [
        t
        for t in short.tokens
        if t.is_content
        and t.lemma not in long_.content_lemmas
        and t.text.casefold() not in long_words
        and t.lemma not in TIME_UNITS
        and not any(start <= t.start < end for start, end in checked_elsewhere)
        and not adds_nothing(t, short, long_)
    ]
    if not novel or novel[0].pos == "NUM":
        return None
    token = novel[0]
    counterpart = _counterpart(short, token, long_)
    explanation = f"{quoted(token_span(short, token))} has no counterpart in {quoted(counterpart)}"
    return token_span(short, token), counterpart, explanation


def _novel_link(short: ClaimFacts, long_: ClaimFacts) -> tuple[TextSpan, TextSpan, str] | None:
    links = long_.arcs | {(child, head) for head, child in long_.arcs}
    words = long_.content_lemmas
    for head, child in sorted(short.arcs):
        if (head, child) in links or head not in words or child not in words or head == child:
            continue
        if _numeric(head) or _numeric(child) or _through_linking_noun(long_, head, child):
            continue
        if coordinated(long_, head, child):
            continue
        short_span = _pair_span(short, head, child)
        long_span = _pair_span(long_, head, child)
        if short_span is None or long_span is None or copied_verbatim(short_span.text, long_):
            continue
        if copied_content_words(short_span, short, long_):
            continue
        if names_a_pronoun_subject(short, long_, head, child):
            continue
        if subject_through_control(short, long_, head, child):
            continue
        if _added_modifier(short, long_, head, child):
            continue
        explanation = f"{quoted(short_span)} links '{head}' and '{child}' differently"
        return short_span, long_span, explanation
    return None


def _added_modifier(short: ClaimFacts, long_: ClaimFacts, head: str, child: str) -> bool:
    """ "that formal Russian response" where the other text says "that formal response" and
    names Russia only as an argument ("urged Russia"): a detail added, not a modifier moved
    from one noun to another ("Russian troops ... Ukrainian towns" swapped)."""
    added = any(
        t.lemma == child and t.dep in MODIFIER_DEPS and short.tokens[t.head].lemma == head
        for t in short.tokens
        if 0 <= t.head < len(short.tokens)
    )
    return added and not any(t.lemma == child and t.dep in MODIFIER_DEPS for t in long_.tokens)


def _through_linking_noun(long_: ClaimFacts, head: str, child: str) -> bool:
    """'police officers arrested' cut to 'police arrested': linked via a group noun; 'jailed
    for 24 months after a trial' read as 'months after a trial': via a unit of time, where a
    phrase after a span of time may hang on either."""
    return any(
        (head, g) in long_.arcs and (g, child) in long_.arcs for g in (*GROUP_HEADS, *TIME_UNITS)
    )


def _numeric(lemma: str) -> bool:
    """Numbers are compared as quantities, not as linked words."""
    return any(ch.isdigit() for ch in lemma)


def _counterpart(short: ClaimFacts, token: TokenInfo, long_: ClaimFacts) -> TextSpan:
    """The stretch of the longer text between the words around the new one."""
    index = short.tokens.index(token)
    before = _neighbour(short, index, -1)
    after = _neighbour(short, index, 1)
    long_tokens = long_.tokens
    start = next((t.end for t in long_tokens if before and t.lemma == before), 0)
    end = next((t.start for t in long_tokens if after and t.lemma == after and t.start >= start), 0)
    if end <= start:
        end = min(len(long_.text), start + 40)
    text = long_.text[start:end].strip() or long_.text
    offset = long_.text.find(text, start) if text != long_.text else 0
    return TextSpan(text, offset, offset + len(text))


def _neighbour(facts: ClaimFacts, index: int, step: int) -> str:
    position = index + step
    while 0 <= position < len(facts.tokens):
        token = facts.tokens[position]
        if token.is_content:
            return token.lemma
        position += step
    return ""


def _pair_span(facts: ClaimFacts, head: str, child: str) -> TextSpan | None:
    heads = [t for t in facts.tokens if t.lemma == head and t.is_content]
    children = [t for t in facts.tokens if t.lemma == child and t.is_content]
    if not heads or not children:
        return None
    first, last = sorted((heads[0], children[0]), key=lambda t: t.start)
    if last.start - first.end > 80:
        last = first
    return text_between(facts, first.start, last.end)
