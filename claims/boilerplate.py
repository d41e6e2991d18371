"""Decide which parts of a saved page are the article and which are page furniture.

Three layers of rules, from the narrowest to the widest:

* line shape (:mod:`claims.furniture`): menus, bylines, timestamps, credits, promos, headers;
* neighbourhood: a blurb between a teaser headline and a '2 days ago' or byline line is a
  teaser of another story, and a line repeating the headline is the headline;
* sections: once the article has started, a sidebar or comments heading ('Top Stories',
  'Related Articles', 'Jump to comments') or an end note (copyright, 'originally appeared
  on') ends the article body; everything after it is furniture.
"""

from __future__ import annotations

import re
from collections.abc import Set
from dataclasses import dataclass

from claims.captions import caption_pieces
from claims.furniture import COPYRIGHT, SYNDICATION, furniture_reason, is_relative_time
from claims.headline import normalise
from claims.lines import Line, is_headline_shaped, is_prose

SIDEBAR = "sidebar or footer"
TEASER = "teaser of another story"
HEADLINE = "headline"

_SECTION_HEADING = re.compile(
    r"^(?:top (?:stories|news|headlines|videos|picks)|related(?: \w+)?|popular(?: \w+)?"
    r"|trending(?: \w+)?|sponsored(?: \w+)?|recommended(?: \w+){0,2}|featured (?:stories|news)"
    r"|latest (?:news|stories|headlines|videos|articles)|more (?:stories|news|from|videos"
    r"|articles|headlines|on this)\b.*|most (?:read|popular|viewed|shared)(?: \w+)?"
    r"|editor[’']?s[’']? picks?|you (?:might|may) (?:also )?like|read next|up next"
    r"|around the web|from (?:our|the) (?:partners|web)|don[’']?t miss|share this(?: \w+)?"
    r"|(?:jump to |view |show |read |load |leave a |post a |add a )?comments?(?: \W+)?"
    r"|(?:be part of|join) the conversation|back to top(?: \w+)?)\s*:?$",
    re.IGNORECASE,
)
_MIN_PROSE_BEFORE_CUT = 2


@dataclass(frozen=True, slots=True)
class Verdict:
    """A line and why it is furniture (``reason``), or ``reason=None`` for article text."""

    line: Line
    reason: str | None
    pieces: tuple[tuple[int, int], ...]

    @property
    def is_content(self) -> bool:
        return self.reason is None and not self.line.blank


def classify_lines(text: str, lines: list[Line], headlines: Set[str]) -> list[Verdict]:
    """One verdict per line of ``text``; blank lines get ``reason=None`` and no pieces."""
    titles = {normalise(headline) for headline in headlines}
    verdicts = [_line_verdict(text, line, titles) for line in lines]
    verdicts = _mark_teasers(verdicts)
    return _cut_after_body(verdicts)


def content_spans(verdicts: list[Verdict]) -> list[tuple[int, int]]:
    """The spans of article text, in order (captions without their credits and copies)."""
    return [piece for verdict in verdicts if verdict.is_content for piece in verdict.pieces]


def _line_verdict(text: str, line: Line, titles: Set[str]) -> Verdict:
    if line.blank:
        return Verdict(line, None, ())
    pieces = tuple(caption_pieces(text, line))
    probe = text[pieces[0][0] : pieces[0][1]] if pieces else line.text
    if normalise(line.text) in titles:
        return Verdict(line, HEADLINE, pieces)
    return Verdict(line, furniture_reason(probe), pieces)


def _mark_teasers(verdicts: list[Verdict]) -> list[Verdict]:
    solid = [verdict for verdict in verdicts if not verdict.line.blank]
    teasers = {
        solid[i].line.index
        for i in range(len(solid))
        if solid[i].is_content and _looks_like_teaser(solid, i)
    }
    return [
        Verdict(verdict.line, TEASER, verdict.pieces) if verdict.line.index in teasers else verdict
        for verdict in verdicts
    ]


def _looks_like_teaser(solid: list[Verdict], i: int) -> bool:
    """A blurb followed by '2 days ago', or set between a teaser headline and a byline."""
    if i + 1 == len(solid):
        return False
    following = solid[i + 1]
    if is_relative_time(following.line.text):
        return True
    after_headline = i > 0 and solid[i - 1].reason in ("header", HEADLINE)
    return after_headline and following.reason in ("byline", "truncated teaser")


def _cut_after_body(verdicts: list[Verdict]) -> list[Verdict]:
    """Everything from the first sidebar heading or end note after the article is furniture."""
    prose_seen = 0
    for position, verdict in enumerate(verdicts):
        if prose_seen >= _MIN_PROSE_BEFORE_CUT and _ends_body(verdict):
            return verdicts[:position] + [
                Verdict(rest.line, SIDEBAR, rest.pieces) for rest in verdicts[position:]
            ]
        if prose_seen < _MIN_PROSE_BEFORE_CUT:
            prose_seen += verdict.is_content and is_prose(verdict.line.text)
    return verdicts


def _ends_body(verdict: Verdict) -> bool:
    if verdict.reason in (SYNDICATION, COPYRIGHT):
        return True
    text = verdict.line.text
    return _SECTION_HEADING.match(text) is not None and is_headline_shaped(text, max_words=6)
