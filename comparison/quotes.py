"""Direct quotes of the same utterance whose words differ (punctuation does not count)."""

from __future__ import annotations

from difflib import SequenceMatcher

from comparison.findings import quoted, reason
from comparison.model import Reason
from facts.model import ClaimFacts, QuoteFact, TextSpan
from facts.names import same_entity

_MIN_MATCHED_WORDS = 5
_MIN_RATIO = 0.6


def quote_reasons(a: ClaimFacts, b: ClaimFacts) -> list[Reason]:
    reasons: list[Reason] = []
    for qa in a.quotes:
        for qb in b.quotes:
            if not _same_speaker(qa, qb):
                continue
            difference = _difference(qa, qb)
            if difference is not None:
                span_a, span_b = difference
                explanation = f"this quotes {quoted(span_a)}; other quotes {quoted(span_b)}"
                reasons.append(reason("quote", span_a, span_b, explanation))
    return reasons[:1]


def _same_speaker(qa: QuoteFact, qb: QuoteFact) -> bool:
    if not qa.speaker_key or not qb.speaker_key:
        return True
    return qa.speaker_key == qb.speaker_key or same_entity(qa.speaker_key, qb.speaker_key)


def _difference(qa: QuoteFact, qb: QuoteFact) -> tuple[TextSpan, TextSpan] | None:
    """The differing stretch inside the overlapping part of two renderings of one quote."""
    matcher = SequenceMatcher(a=qa.words, b=qb.words, autojunk=False)
    blocks = [block for block in matcher.get_matching_blocks() if block.size]
    matched = sum(block.size for block in blocks)
    if matched < _MIN_MATCHED_WORDS:
        return None
    first, last = blocks[0], blocks[-1]
    window_a = last.a + last.size - first.a
    window_b = last.b + last.size - first.b
    if matched < _MIN_RATIO * max(window_a, window_b):
        return None
    diffs = [
        op
        for op in matcher.get_opcodes()
        if op[0] != "equal" and op[1] >= first.a and op[2] <= last.a + last.size
    ]
    inner = [op for op in diffs if op[1] > first.a or op[3] > first.b]
    inner = [op for op in inner if op[2] < last.a + last.size or op[4] < last.b + last.size]
    if not inner:
        return None
    a_from, a_to = max(inner[0][1] - 1, 0), min(inner[-1][2] + 1, len(qa.words))
    b_from, b_to = max(inner[0][3] - 1, 0), min(inner[-1][4] + 1, len(qb.words))
    return _word_span(qa, a_from, a_to), _word_span(qb, b_from, b_to)


def _word_span(quote: QuoteFact, first: int, last: int) -> TextSpan:
    """Character span of normalised words [first, last) inside the quote's original text."""
    offsets = _word_offsets(quote.text)
    if not offsets:
        return quote.span
    first = min(first, len(offsets) - 1)
    last = max(min(last, len(offsets)), first + 1)
    start = quote.span.start + offsets[first][0]
    end = quote.span.start + offsets[last - 1][1]
    return TextSpan(quote.span.text[offsets[first][0] : offsets[last - 1][1]], start, end)


def _word_offsets(text: str) -> list[tuple[int, int]]:
    import re

    from facts.names import fold

    offsets: list[tuple[int, int]] = []
    for match in re.finditer(r"[^\W_]+(?:[’'][^\W_]+)?", text):
        for _ in fold(match.group()).split():
            offsets.append(match.span())
    return offsets
