"""The claim layer: clean a submitted article and split it into claims with exact offsets.

``extract_article`` is the entry point; ``split_sentences`` serves callers that only need
the sentences of one short, already clean text.
"""

from __future__ import annotations

from claims.boilerplate import classify_lines, content_spans
from claims.headline import detect_headline
from claims.html import html_to_text
from claims.lines import has_lowercase_word, split_lines, word_count
from claims.model import Claim, ExtractedArticle
from claims.segmentation import MIN_SENTENCE_WORDS, sentence_spans

__all__ = ["Claim", "ExtractedArticle", "extract_article", "split_sentences"]


def extract_article(
    *, text: str | None = None, html: str | None = None, title: str | None = None
) -> ExtractedArticle:
    """Claims of an article given as plain text or as HTML (exactly one of the two).

    For plain text, ``ExtractedArticle.text`` is ``text`` unchanged and every claim is a
    slice of it; for HTML it is the main text extracted from the page. ``title`` defaults
    to the page's own title, else the detected headline; the headline is never a claim.
    """
    if (text is None) == (html is None):
        raise ValueError("give exactly one of text= or html=")
    if text is not None:
        return _article_from_text(text, title)
    body, page_title = html_to_text(html or "")
    return _article_from_text(body, title or page_title)


def split_sentences(text: str) -> list[Claim]:
    """Every sentence of ``text`` with its offsets; no boilerplate filtering."""
    return [Claim(text[start:end], start, end) for start, end in sentence_spans(text)]


def _article_from_text(text: str, title: str | None) -> ExtractedArticle:
    lines = split_lines(text)
    headline = detect_headline(lines)
    headlines = {name for name in (title, headline) if name}
    verdicts = classify_lines(text, lines, headlines)
    claims = [
        Claim(text[start:end], start, end)
        for span_start, span_end in content_spans(verdicts)
        for start, end in sentence_spans(text, span_start, span_end)
        if _is_claim(text[start:end])
    ]
    return ExtractedArticle(text=text, title=title or headline, claims=claims)


def _is_claim(sentence: str) -> bool:
    return word_count(sentence) >= MIN_SENTENCE_WORDS and has_lowercase_word(sentence)
