"""Direct quotes of the same utterance whose words differ (punctuation does not count).

A sentence in the first person with no quote marks and no "said" is the middle of a quotation
that runs over several sentences; it is compared with the other side's quotes too, but must share
more of their words.
"""

from __future__ import annotations

import re

from comparison.findings import quoted, reason
from comparison.model import Reason
from comparison.quote_alignment import Stretch, differing_stretch
from facts.model import ClaimFacts, QuoteFact, TextSpan
from facts.names import same_entity
from facts.quote_words import quote_tokens, quote_words

_FIRST_PERSON = re.compile(r"\b(?:I|[Mm]e|[Mm]y|[Ww]e|us|[Oo]ur)\b")
_CONTEXT_WORDS = 1


def quote_reasons(a: ClaimFacts, b: ClaimFacts) -> list[Reason]:
    quotes_a, implicit_a = _quotes(a)
    quotes_b, implicit_b = _quotes(b)
    best: tuple[int, Reason] | None = None
    for qa in quotes_a:
        for qb in quotes_b:
            if (implicit_a and implicit_b) or not _same_speaker(qa, qb):
                continue
            bounded = (_starts(qa) and _starts(qb), _ends(qa) and _ends(qb))
            strict = implicit_a or implicit_b
            stretch = differing_stretch(qa.words, qb.words, strict, bounded)
            score = len(qa.words) + len(qb.words)
            if stretch is not None and (best is None or score > best[0]):
                best = (score, _reason(qa, qb, stretch))
    return [best[1]] if best else []


def _quotes(facts: ClaimFacts) -> tuple[tuple[QuoteFact, ...], bool]:
    """The claim's quotes, or the whole claim when it reads as an unmarked quotation."""
    if facts.quotes:
        return facts.quotes, False
    if facts.attributions or not _FIRST_PERSON.search(facts.text):
        return (), False
    text = facts.text.strip()
    start = facts.text.index(text) if text else 0
    whole = QuoteFact(text, quote_words(text), "", TextSpan(text, start, start + len(text)))
    return (whole,), True


def _starts(quote: QuoteFact) -> bool:
    """Whether the quote starts where the speaker starts a sentence (a capital letter)."""
    first_letter = next((ch for ch in quote.text if ch.isalpha()), "")
    return first_letter.isupper()


def _ends(quote: QuoteFact) -> bool:
    """Whether the quote ends on punctuation, not cut off in mid-phrase or by an ellipsis."""
    text = quote.text.rstrip(" ’'‘")
    return text.endswith((".", ",", "!", "?", ";", ":")) and not text.endswith("..")


def _same_speaker(qa: QuoteFact, qb: QuoteFact) -> bool:
    if not qa.speaker_key or not qb.speaker_key:
        return True
    return qa.speaker_key == qb.speaker_key or same_entity(qa.speaker_key, qb.speaker_key)


def _reason(qa: QuoteFact, qb: QuoteFact, stretch: Stretch) -> Reason:
    span_a = _word_span(qa, stretch.a_from, stretch.a_to)
    span_b = _word_span(qb, stretch.b_from, stretch.b_to)
    explanation = f"this quotes {quoted(span_a)}; other quotes {quoted(span_b)}"
    return reason("quote", span_a, span_b, explanation)


def _word_span(quote: QuoteFact, first: int, last: int) -> TextSpan:
    """Character span of words [first, last) of the quote, with one word of context each side."""
    tokens = quote_tokens(quote.text)
    if not tokens:
        return quote.span
    first = max(first - _CONTEXT_WORDS, 0)
    last = min(last + _CONTEXT_WORDS, len(tokens))
    start, end = tokens[first].start, tokens[max(last, first + 1) - 1].end
    return TextSpan(quote.text[start:end], quote.span.start + start, quote.span.start + end)
