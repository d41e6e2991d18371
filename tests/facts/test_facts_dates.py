from __future__ import annotations

from datetime import date

from facts.dates import extract_dates
from facts.model import DateFact

TUESDAY_FEB_1 = date(2022, 2, 1)


def only(text: str, published_at: date | None = TUESDAY_FEB_1) -> DateFact:
    found = extract_dates(text, published_at)
    assert len(found) == 1, found
    return found[0]


def test_weekday_is_the_latest_such_day_on_or_before_publication() -> None:
    assert only("The ministers met Tuesday.").start == date(2022, 2, 1)
    assert only("The ministers met on Monday.").start == date(2022, 1, 31)
    assert only("The ministers met on Wednesday.").start == date(2022, 1, 26)


def test_deictic_words() -> None:
    assert only("The vote is today.").start == TUESDAY_FEB_1
    assert only("The vote was yesterday.").start == date(2022, 1, 31)
    assert only("The vote was yesterday.").deictic


def test_calendar_weeks() -> None:
    last = only("Talks stalled last week.")
    assert (last.start, last.end) == (date(2022, 1, 24), date(2022, 1, 30))
    following = only("Talks resume next week.")
    assert (following.start, following.end) == (date(2022, 2, 7), date(2022, 2, 13))


def test_part_of_month_and_deadline() -> None:
    fact = only("Output may double by early March.")
    assert (fact.start, fact.end) == (date(2022, 3, 1), date(2022, 3, 10))
    assert fact.deadline
    assert fact.span.text == "early March"


def test_full_and_short_calendar_dates() -> None:
    assert only("Signed on Jan. 3, 2021, in Oslo.").start == date(2021, 1, 3)
    assert only("The summit opens Feb. 9.").start == date(2022, 2, 9)
    assert only("The summit opens 9 February.").start == date(2022, 2, 9)


def test_year_and_window() -> None:
    assert only("The dam was finished in 1998.").key == "y:1998"
    window = only("Inspectors arrive in the coming days.")
    assert window.start == TUESDAY_FEB_1 and window.end is not None and window.end > window.start


def test_without_anchor_dates_keep_a_comparable_key() -> None:
    fact = only("The board met on Friday.", None)
    assert fact.start is None and fact.key == "wd:friday"


def test_span_offsets_point_into_the_text() -> None:
    text = "Late on Thursday the council voted."
    fact = only(text)
    assert text[fact.span.start : fact.span.end] == fact.span.text == "Thursday"


NOVEMBER_20 = date(2022, 11, 20)  # a Sunday


def test_a_bare_month_is_the_last_such_month_up_to_the_article() -> None:
    march = only("The mayor resigned in March.", NOVEMBER_20)
    assert (march.start, march.end) == (date(2022, 3, 1), date(2022, 3, 31))
    december = only("The mayor resigned in December.", date(2022, 10, 20))
    assert december.start == date(2021, 12, 1)
    november = only("The mayor resigned in November.", NOVEMBER_20)
    assert november.start == date(2022, 11, 1)


def test_next_month_is_near_enough_to_be_meant() -> None:
    assert only("The vote is in December.", NOVEMBER_20).start == date(2022, 12, 1)
    assert only("Border crossings reopen starting in December.", NOVEMBER_20).start == date(
        2022, 12, 1
    )


def test_a_month_still_to_come_is_the_next_one() -> None:
    assert only("The mayor will resign in March.", NOVEMBER_20).start == date(2023, 3, 1)
    assert only("Talks are expected to resume in late January.", NOVEMBER_20).start == date(
        2023, 1, 21
    )


def test_a_day_without_a_year_is_not_months_ahead() -> None:
    assert only("The mayor resigned on March 3.", NOVEMBER_20).start == date(2022, 3, 3)
    assert only("The trial opens Dec. 5.", NOVEMBER_20).start == date(2022, 12, 5)
    assert only("The trial will open on March 3.", NOVEMBER_20).start == date(2023, 3, 3)


def test_weekdays_ahead_and_in_this_week() -> None:
    thursday = date(2022, 2, 3)
    assert only("The council voted on Tuesday.", thursday).start == date(2022, 2, 1)
    assert only("The council will vote on Tuesday.", thursday).start == date(2022, 2, 8)
    assert only("The council votes this Saturday.", thursday).start == date(2022, 2, 5)
    assert only("The council voted last Thursday.", thursday).start == date(2022, 1, 27)


def test_a_range_of_years_is_one_interval() -> None:
    for text in (
        "She served from 1971 to 1983.",
        "She served between 1971 and 1983.",
        "She served in 1971-83.",
        "She served 1971–1983.",
    ):
        fact = only(text)
        assert (fact.start, fact.end) == (date(1971, 1, 1), date(1983, 12, 31)), text


def test_a_year_range_needs_a_later_end() -> None:
    assert [f.key for f in extract_dates("Sales fell from 1983 to 1971 levels.", None)] == [
        "y:1983",
        "y:1971",
    ]


def test_last_year_is_the_articles_previous_year() -> None:
    fact = only("The plant closed last year.", date(2022, 7, 20))
    assert (fact.start, fact.end) == (date(2021, 1, 1), date(2021, 12, 31))


def test_time_counted_back_from_the_article() -> None:
    thursday = date(2022, 2, 3)
    days = only("The ferry sank three days ago.", thursday)
    assert (days.start, days.end, days.precision) == (date(2022, 1, 31), date(2022, 1, 31), "day")
    weeks = only("The ferry sank two weeks ago.", thursday)
    assert (weeks.start, weeks.end) == (date(2022, 1, 17), date(2022, 1, 23))
    months = only("The ferry sank a month ago.", thursday)
    assert (months.start, months.end) == (date(2022, 1, 1), date(2022, 1, 31))
    years = only("The ferry sank two years ago.", thursday)
    assert (years.start, years.end) == (date(2020, 1, 1), date(2020, 12, 31))


def test_decades() -> None:
    assert only("The pier was built in the 1970s.").start == date(1970, 1, 1)
    nineties = only("The pier was built in the ’90s.", date(2022, 2, 3))
    assert (nineties.start, nineties.end) == (date(1990, 1, 1), date(1999, 12, 31))
    assert only("The pier was built in the '20s.", date(2022, 2, 3)).start == date(2020, 1, 1)
    assert only("The pier was built in the '90s.", None).start is None


def test_a_far_off_day_stays_behind_even_after_a_future_cue() -> None:
    july = date(2021, 7, 20)
    assert only("The panel will examine the Jan. 6 attack.", july).start == date(2021, 1, 6)
    assert only("The panel will meet on Oct. 6.", july).start == date(2021, 10, 6)


def test_a_time_limit_still_runs() -> None:
    september = date(2021, 9, 30)
    text = "Congress approved a measure to fund the government into early December."
    assert only(text, september).start == date(2021, 12, 1)
    assert only("Congress funded the government in early December.", september).start == date(
        2020, 12, 1
    )


def test_an_abbreviation_does_not_end_the_clause_with_the_cue() -> None:
    text = "The U.S. will reopen its land borders to vaccinated travellers in November."
    assert only(text, date(2021, 10, 13)).start == date(2021, 11, 1)


def test_the_day_a_statement_was_made_is_behind() -> None:
    thursday = date(2022, 2, 3)
    assert only("The mayor said Tuesday the depot will close.", thursday).start == date(2022, 2, 1)
    assert only("The depot will close, the mayor said on Tuesday.", thursday).start == date(
        2022, 2, 1
    )
    far_cue = (
        "The mayor is expected to present a long-delayed plan for the harbour, the depot and "
        "the old ferry terminal at the council meeting on Tuesday."
    )
    assert only(far_cue, thursday).start == date(2022, 2, 8)


def test_may_is_a_month_after_a_preposition_of_time_or_before_a_year() -> None:
    assert only("The plant closed in May.").key == "m:05"
    assert only("Prices have risen since May.").start == date(2021, 5, 1)
    assert only("The vote was held May 2024 in Ohio.").start == date(2024, 5, 1)
    assert only("The plant closed in May 2020.").end == date(2020, 5, 31)


def test_may_as_a_verb_or_a_name_is_no_date() -> None:
    assert extract_dates("Prices may rise, officials said.", TUESDAY_FEB_1) == []
    assert extract_dates("May I ask a question?", TUESDAY_FEB_1) == []
    assert extract_dates("Theresa May spoke to reporters.", TUESDAY_FEB_1) == []
    assert extract_dates("Officials said they may, in time, agree.", TUESDAY_FEB_1) == []


def test_seasons_with_a_year_are_their_months() -> None:
    fall = only("The plant opened in the fall of 2020.")
    assert (fall.key, fall.start, fall.end, fall.span.text) == (
        "s:fall",
        date(2020, 9, 1),
        date(2020, 11, 30),
        "in the fall of 2020",
    )
    assert only("Summer 2023 was the hottest on record.").start == date(2023, 6, 1)
    assert only("It opened in the autumn of 2019.").key == "s:fall"


def test_seasons_without_a_year_keep_only_their_name() -> None:
    for text, key in [
        ("The bridge will reopen in the spring.", "s:spring"),
        ("The bridge will reopen this fall.", "s:fall"),
        ("Talks stalled last winter.", "s:winter"),
        ("Storms hit in the winter of 2021.", "s:winter"),  # either end of it
    ]:
        found = only(text)
        assert (found.key, found.start, found.end) == (key, None, None)


def test_season_words_that_name_no_time_are_no_dates() -> None:
    assert extract_dates("After the fall of Kabul, thousands fled.", TUESDAY_FEB_1) == []
    assert extract_dates("In the fall of Kabul, thousands fled.", TUESDAY_FEB_1) == []
    assert extract_dates("Prices fall during spring training.", TUESDAY_FEB_1) == []
    assert extract_dates("Water began to spring from the rocks.", TUESDAY_FEB_1) == []
