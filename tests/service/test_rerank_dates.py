"""An article's affinity counts only within days of the checked article's date: another
outlet's report of the same event appears within a day or two, a report of a like event weeks
later shares the topic and the names but not the event."""

from __future__ import annotations

from pathlib import Path

from claims.model import Claim
from crosscheck.corpus import Corpus
from crosscheck.matching import MatchFinder, Retrieval, mark_same_story
from crosscheck.rerank import SAME_EVENT_DAYS, near_in_time
from embeddings import HashingEncoder
from storage import ArticleRecord, SqliteStore

AFFINITIES = {"next-day": 0.4, "same-day": 0.5, "weeks-later": 0.45, "undated": 0.3}
PUBLISHED = {
    "next-day": "2019-01-26",
    "same-day": "2019-01-25T18:30:00",
    "weeks-later": "2019-02-15",
    "undated": None,
}


def test_an_article_weeks_away_has_no_affinity() -> None:
    kept = near_in_time(AFFINITIES, PUBLISHED, "2019-01-25")
    assert kept == {"next-day": 0.4, "same-day": 0.5, "weeks-later": 0.0, "undated": 0.3}


def test_the_days_are_counted_either_way_up_to_the_limit() -> None:
    published = {"before": "2019-01-22", "after": "2019-01-28", "past": "2019-01-29"}
    kept = near_in_time(dict.fromkeys(published, 0.4), published, "2019-01-25")
    assert SAME_EVENT_DAYS == 3
    assert kept == {"before": 0.4, "after": 0.4, "past": 0.0}


def test_without_a_readable_date_nothing_is_dropped() -> None:
    assert near_in_time(AFFINITIES, PUBLISHED, None) == AFFINITIES
    assert near_in_time(AFFINITIES, PUBLISHED, "last Friday") == AFFINITIES
    unreadable = {**PUBLISHED, "weeks-later": "Feb 15"}
    assert near_in_time(AFFINITIES, unreadable, "2019-01-25")["weeks-later"] == 0.45


ENCODER = HashingEncoder(dimension=256)
DRAFT = [
    "The Senate voted 52-48 on Thursday to end the shutdown of the federal government.",
    "Federal workers will get back pay once the agencies reopen, the White House said.",
]
SAME_EVENT = [
    "On Thursday the Senate voted 52-48 to end the shutdown of the federal government.",
    "Back pay for federal workers will follow once agencies reopen, the White House said.",
]
# a later vote on another shutdown: as close in words, weeks away
LATER_EVENT = [
    "The Senate voted 52-48 on Thursday to end the new shutdown of the federal government.",
    "Federal workers will get back pay once the agencies reopen, the White House said again.",
]


def found(tmp_path: Path, published_at: str | None) -> list[set[str]]:
    """The articles marked as telling the checked story, per draft claim."""
    store = SqliteStore(tmp_path / "db.sqlite3")
    for article_id, texts, date in (
        ("same-event", SAME_EVENT, "2019-01-25"),
        ("later-event", LATER_EVENT, "2019-02-21"),
    ):
        claims = [Claim(text, 0, len(text)) for text in texts]
        record = ArticleRecord(article_id, article_id, " ".join(texts), published_at=date)
        store.save_article(record, claims, ENCODER.encode(texts))
    finder = MatchFinder(store, Corpus(store, ENCODER, None), 0.5, Retrieval(8, 8, 8))
    rows = finder.find("draft", DRAFT, ENCODER.encode(DRAFT), published_at=published_at)
    return [{c.article.id for c in row if c.same_story} for row in mark_same_story(rows, ())]


def test_a_like_report_weeks_later_does_not_tell_the_checked_story(tmp_path: Path) -> None:
    assert found(tmp_path, "2019-01-24") == [{"same-event"}, {"same-event"}]


def test_an_undated_check_keeps_both_articles_in_the_story(tmp_path: Path) -> None:
    assert found(tmp_path, None) == [{"same-event", "later-event"}] * 2
