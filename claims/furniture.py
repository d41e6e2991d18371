"""Line-by-line rules for page furniture: menus, bylines, timestamps, credits, promos.

Each rule looks at one trimmed line on its own; rules that need the surrounding lines
(sidebars, teaser lists, the repeated headline) live in :mod:`claims.boilerplate`.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from claims.captions import names_a_source
from claims.lines import (
    ends_like_sentence,
    has_lowercase_word,
    is_headline_shaped,
    word_count,
    word_set,
)

_BULLET = re.compile(r"^[•·▪►▸●◦*+\-–—]\s")
_BYLINE = re.compile(
    r"^(?:By|BY|Written by|Reporting by)\s+(?:[A-Z][\w'’.-]*|and|&|\||,|of|the|\s)+$"
)
_WHOLE_PARENTHESIS = re.compile(r"^\([^()]*\)$")
_CREDIT_LINE = re.compile(r"^(?:photo|image|video|credit|photograph)s?\s*(?:by\b|:|credit)", re.I)
_PROMO_PREFIX = re.compile(
    r"^(?:MORE|READ MORE|READ ALSO|ALSO READ|RELATED|WATCH|LISTEN|SEE ALSO|VIDEO|SIGN UP"
    r"|SUBSCRIBE|ADVERTISEMENT|SPONSORED|RECOMMENDED|TRENDING|UP NEXT|READ NEXT)\s*[:|>»]",
    re.IGNORECASE,
)
SYNDICATION = "syndication note"
COPYRIGHT = "copyright"

_SYNDICATION = re.compile(
    r"originally appeared on|^source link\b|^(?:previous|next) (?:article|post|story)\b"
    r"|^this (?:story|article|report) (?:has been|was|is being) (?:updated|corrected|edited)"
    r"|contributed to this (?:report|story)|^the-[\w-]+-wire$",
    re.IGNORECASE,
)
_COPYRIGHT = re.compile(r"©|™|\(c\) \d{4}|copyright \d{4}|all rights reserved", re.IGNORECASE)
_ACCOUNT = re.compile(
    r"\b(?:sign(?:ed)? ?(?:in|up)|log ?in|newsletter|password|your account"
    r"|skip to (?:main )?content)\b",
    re.IGNORECASE,
)
_CALL_TO_ACTION = re.compile(
    r"\b(?:click(?:ing)?|tap) here\b|\bsubmit it here\b|\b(?:comments?|community) "
    r"(?:policy|guidelines|section)\b|\bkeep your comments\b",
    re.IGNORECASE,
)
_BREADCRUMB = re.compile(r"(?:\s[>»›]\s.*){2,}")
_RELATIVE_TIME = re.compile(
    r"^(?:\d+|an?|one)\s*(?:sec(?:ond)?s?|min(?:ute)?s?|h(?:ou)?rs?|days?|weeks?|months?|years?)"
    r"\s+ago$|^(?:just now|yesterday|today)$",
    re.IGNORECASE,
)
_DATE_TOKENS = word_set(
    "jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june "
    "july august september october november december mon tue tues wed thu thur thurs fri sat "
    "sun monday tuesday wednesday thursday friday saturday sunday am pm a.m p.m et est edt "
    "gmt utc bst cet pst pdt updated published posted last modified on at ago hours hour "
    "minutes minute days day"
)
_LONGEST_TIMESTAMP = 90
_LONGEST_TEASER = 30
_TOKEN = re.compile(r"[a-z]+(?:\.[a-z])?|\d+", re.IGNORECASE)


def is_relative_time(text: str) -> bool:
    """'16 hours ago', '2 days ago', 'Just now'."""
    return _RELATIVE_TIME.match(text) is not None


def is_timestamp(text: str) -> bool:
    """A line made only of dates and times: 'Feb 1, 2022, 12:39 PM | Updated: Jun 13, 2022'."""
    if len(text) > _LONGEST_TIMESTAMP:
        return False
    tokens = _TOKEN.findall(text)
    has_number = any(token.isdigit() for token in tokens)
    known = all(token.isdigit() or token.lower() in _DATE_TOKENS for token in tokens)
    return bool(tokens) and has_number and known and word_count(text) <= 16


def is_byline(text: str) -> bool:
    """'By Jane Doe, John Roe and Ann Poe, CNN' or 'By Staff | Editorial Board'."""
    return _BYLINE.match(text) is not None and word_count(text) <= 16


def is_credit_line(text: str) -> bool:
    """A photo credit on its own line: '(Photo by Jane Doe/Getty Images)'."""
    if _WHOLE_PARENTHESIS.match(text):
        return names_a_source(text)
    if _CREDIT_LINE.match(text) is None:
        return False
    return word_count(text) <= 6 or (word_count(text) <= 12 and not ends_like_sentence(text))


def is_truncated(text: str) -> bool:
    """A teaser or caption cut short by the page: it ends in '...' or '…' (no closing quote).

    Only short lines: a long paragraph may well trail off on purpose.
    """
    return text.endswith(("...", "…")) and word_count(text) <= _LONGEST_TEASER


def is_bullet_menu(text: str) -> bool:
    """A bulleted item that is not a full sentence (menus, link lists, '- Advertisement -')."""
    if _BULLET.match(text) is None:
        return False
    return word_count(text) < 6 or is_headline_shaped(text)


def _is_short_account_prompt(text: str) -> bool:
    return _ACCOUNT.search(text) is not None and word_count(text) <= 14


def _is_copyright(text: str) -> bool:
    return _COPYRIGHT.search(text) is not None and word_count(text) <= 25


def _is_shouting(text: str) -> bool:
    return not has_lowercase_word(text) and not ends_like_sentence(text)


_RULES: tuple[tuple[str, Callable[[str], bool]], ...] = (
    ("menu", is_bullet_menu),
    ("timestamp", is_timestamp),
    ("timestamp", is_relative_time),
    ("byline", is_byline),
    ("photo credit", is_credit_line),
    ("truncated teaser", is_truncated),
    ("promo link", lambda text: _PROMO_PREFIX.match(text) is not None),
    (SYNDICATION, lambda text: _SYNDICATION.search(text) is not None),
    (COPYRIGHT, _is_copyright),
    ("account prompt", _is_short_account_prompt),
    ("call to action", lambda text: _CALL_TO_ACTION.search(text) is not None),
    ("breadcrumb", lambda text: _BREADCRUMB.search(text) is not None),
    ("header", is_headline_shaped),
    ("header", _is_shouting),
)


def furniture_reason(text: str) -> str | None:
    """Why this trimmed line is page furniture, or None when it may hold claims."""
    for reason, rule in _RULES:
        if rule(text):
            return reason
    return None
