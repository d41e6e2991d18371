"""HTML page → main text and title.

trafilatura does the work (no network, precision over recall). When it is missing,
fails or finds nothing, a small standard-library reader keeps the paragraphs of the
page's <article>/<main> (or <body>), skipping navigation, headers, footers and scripts.
Paragraphs are separated by blank lines in both cases.
"""

from __future__ import annotations

import logging
from functools import cache
from html.parser import HTMLParser
from types import ModuleType

from claims.lines import word_set

logger = logging.getLogger(__name__)

_SKIPPED = word_set(
    "script style noscript template nav header footer aside form button svg iframe select "
    "figcaption head"
)
_BLOCKS = word_set(
    "p div section article main h1 h2 h3 h4 h5 h6 li ul ol blockquote tr table pre br hr "
    "figure dd dt"
)
_VOID = word_set("br hr img meta link input wbr source area base col embed param track")
_CONTAINERS = ("article", "main")


def html_to_text(html: str) -> tuple[str, str | None]:
    """The page's main text (paragraphs split by blank lines) and its title, if any."""
    extracted = _with_trafilatura(html)
    if extracted is not None and extracted[0].strip():
        return extracted
    return _with_html_parser(html)


@cache
def _load_trafilatura() -> ModuleType | None:
    """trafilatura, imported on first use (it is slow to import), or None if unusable."""
    try:
        import trafilatura
    except ImportError as error:
        logger.warning("trafilatura is unavailable (%s); using the built-in HTML reader", error)
        return None
    return trafilatura


def _with_trafilatura(html: str) -> tuple[str, str | None] | None:
    trafilatura = _load_trafilatura()
    if trafilatura is None:
        return None
    try:
        document = trafilatura.bare_extraction(
            html,
            favor_precision=True,
            include_comments=False,
            include_tables=False,
            with_metadata=True,
        )
    except Exception as error:  # trafilatura failing on odd markup
        logger.warning("trafilatura could not read the page (%s); using the fallback", error)
        return None
    text = getattr(document, "text", None)
    if not text:
        return None
    paragraphs = [line.strip() for line in str(text).splitlines() if line.strip()]
    title = getattr(document, "title", None)
    return "\n\n".join(paragraphs), str(title) if title else None


def _with_html_parser(html: str) -> tuple[str, str | None]:
    reader = _MainTextReader()
    try:
        reader.feed(html)
        reader.close()
    except Exception as error:  # the standard parser is lenient, but never crash on input
        logger.warning("could not parse the page (%s)", error)
    return reader.main_text(), reader.title()


class _MainTextReader(HTMLParser):
    """Collects paragraphs of the whole page and, separately, of <article>/<main>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._open: list[str] = []
        self._page: list[list[str]] = [[]]
        self._container: list[list[str]] = [[]]
        self._title_parts: list[str] = []
        self._first_h1: list[str] = []
        self._h1_done = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _VOID:
            self._open.append(tag)
        if tag in _BLOCKS:
            self._break_paragraph()

    def handle_endtag(self, tag: str) -> None:
        if tag in self._open:
            while self._open and self._open.pop() != tag:
                pass
        if tag == "h1" and self._first_h1:
            self._h1_done = True
        if tag in _BLOCKS:
            self._break_paragraph()

    def handle_data(self, data: str) -> None:
        if "title" in self._open:
            self._title_parts.append(data)
        elif "h1" in self._open and not self._h1_done:
            self._first_h1.append(data)
        if any(tag in _SKIPPED for tag in self._open):
            return
        self._page[-1].append(data)
        if any(tag in _CONTAINERS for tag in self._open):
            self._container[-1].append(data)

    def _break_paragraph(self) -> None:
        for paragraphs in (self._page, self._container):
            if paragraphs[-1]:
                paragraphs.append([])

    def main_text(self) -> str:
        chosen = self._container if _joined(self._container) else self._page
        return _joined(chosen)

    def title(self) -> str | None:
        for parts in (self._first_h1, self._title_parts):
            title = " ".join("".join(parts).split())
            if title:
                return title
        return None


def _joined(paragraphs: list[list[str]]) -> str:
    texts = (" ".join("".join(parts).split()) for parts in paragraphs)
    return "\n\n".join(text for text in texts if text)
