"""Two tallies of one vote, ruling or game: "passed the Senate 52-48" / "passed the Senate 51-49",
"in a 5-4 decision" / "in a 6-3 decision", "beat the Celtics 110-102" / "beat the Celtics
110-104". A tally is two whole numbers joined by a dash (or by "to" after a vote word) next to a
word of voting, ruling or playing; the order of its two sides does not count ("52-48" and
"48-52" are one tally). Compared only when each claim gives one tally, of the same kind of
contest, for the same purpose when both name one ("voted 51-49 to begin debate" and "voted
52-48 to pass the bill" are two votes)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS

from comparison.cues import mentions
from comparison.findings import quoted, reason
from comparison.model import Reason
from facts.model import ClaimFacts, TextSpan

_CONTESTS = {
    "vote": (
        "vote", "voted", "votes", "voting", "pass", "passed", "passes", "approve", "approved",
        "approves", "confirm", "confirmed", "confirms", "reject", "rejected", "rejects",
        "margin", "tally", "majority", "split", "ballot", "ballots",
    ),
    "ruling": ("ruling", "ruled", "rule", "rules", "decision", "decided", "opinion"),
    "game": (
        "beat", "beats", "won", "win", "wins", "lost", "lose", "loses", "victory", "defeat",
        "defeated", "defeats", "loss", "score", "scored", "lead", "led", "trailed", "trailing",
        "edged", "routed", "game", "match", "final", "series",
    ),
}  # fmt: skip
CONTEST_OF = {word: contest for contest, words in _CONTESTS.items() for word in words}
_DASHED = re.compile(r"(?<![\w.,$/-])(\d{1,3})\s?[-–—]\s?(\d{1,3})(?![\w%/-]|\.\d|\s*percent)")
_WORDED = re.compile(r"(?<![\w.,$/-])(\d{1,3}) to (\d{1,3})(?![\w%/-]|\.\d|\s*percent)")
_TWO_FIGURES = re.compile(r"\d\s?(?:[-–—]|to )\s?\d")  # a quick look before the patterns above
_WORD = re.compile(r"[A-Za-z]+")
_PURPOSE = re.compile(r"^\W*(?:\w+\W+){0,3}?to (\w+)")
_TRIGGER_REACH = 8  # words before a tally searched for the contest it counts
_WORDED_REACH = 3  # the same, for a tally written with "to" ("voted 52 to 48")


@dataclass(frozen=True, slots=True)
class Tally:
    sides: tuple[int, int]  # the larger first
    contest: str
    purpose: str  # the verb after "to" that names what the vote was for, or ""
    span: TextSpan


def tally_reasons(a: ClaimFacts, b: ClaimFacts) -> list[Reason]:
    if not (mentions(_TWO_FIGURES, a.text) and mentions(_TWO_FIGURES, b.text)):
        return []
    found_a, found_b = tallies(a.text), tallies(b.text)
    if len(found_a) != 1 or len(found_b) != 1:
        return []
    (ta,), (tb,) = found_a, found_b
    if ta.contest != tb.contest or ta.sides == tb.sides:
        return []
    if ta.purpose and tb.purpose and ta.purpose != tb.purpose:
        return []
    explanation = f"this gives the tally as {quoted(ta.span)}; other as {quoted(tb.span)}"
    return [reason("number", ta.span, tb.span, explanation)]


def tallies(text: str) -> list[Tally]:
    """The tallies the text gives, each with the contest a word beside it names."""
    found = []
    for pattern, reach in ((_DASHED, _TRIGGER_REACH), (_WORDED, _WORDED_REACH)):
        for match in pattern.finditer(text):
            tally = _tally(text, match, reach)
            if tally is not None:
                found.append(tally)
    return found


def _tally(text: str, match: re.Match[str], reach: int) -> Tally | None:
    after = text[match.end() :]
    following = _WORD.match(after[1:]) if after.startswith(" ") else None
    next_word = following.group() if following else ""
    if next_word.islower() and next_word not in STOP_WORDS and next_word not in CONTEST_OF:
        return None  # "won 10-15 seats": a range of a counted thing
    contest = CONTEST_OF.get(next_word.lower()) or _contest_before(text[: match.start()], reach)
    if contest is None:
        return None
    first, second = int(match[1]), int(match[2])
    span = TextSpan(match.group(), match.start(), match.end())
    purpose = _PURPOSE.match(after)
    return Tally(
        (max(first, second), min(first, second)), contest, purpose[1] if purpose else "", span
    )


def _contest_before(before: str, reach: int) -> str | None:
    for word in reversed(_WORD.findall(before)[-reach:]):
        contest = CONTEST_OF.get(word.lower())
        if contest is not None:
            return contest
    return None
