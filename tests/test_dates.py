from datetime import date, timedelta

from wirehouse.articles.dateline import parse_dateline
from wirehouse.articles.dates import full_dates, latest_on_or_before, resolve_published_date, today
from wirehouse.articles.spans import FieldSpan


def resolve(header=None, header_problem=None, dateline_text=None, captions=(), body=""):
    dateline = parse_dateline(dateline_text) if dateline_text else None
    caption_spans = [FieldSpan("caption", c, 0, len(c)) for c in captions]
    return resolve_published_date(header, header_problem, None, dateline, None, caption_spans, body, 0)


def test_weekdays_and_mentioned_years_never_settle_a_datelines_year():
    # 9 July was a Tuesday in 2019; a story's "Tuesday" is the day of an event it tells, not its own.
    evidence = resolve(dateline_text="OSLO, July 9 (Reuters) - x", body="Officials said on Tuesday that the 2018 floods "
                       "were worse, and fiscal 1986 results and the goals for 1990 were published.")
    assert evidence.value is None and evidence.flag == "year_unresolved" and "reference-date" in evidence.note


def test_a_same_day_full_date_in_the_text_settles_the_year():
    evidence = resolve(dateline_text="OSLO, July 9 (Reuters) - x", body="The accord signed on July 9, 2019 holds.")
    assert (evidence.value, evidence.source, evidence.confidence) == (date(2019, 7, 9), "dateline", 0.9)
    other_day = resolve(dateline_text="OSLO, July 9 (Reuters) - x", body="The accord signed on July 8, 2019 holds.")
    assert other_day.value is None and other_day.flag == "year_unresolved"


def test_the_reference_date_gives_the_latest_such_day_on_or_before_it():
    dateline = parse_dateline("NEW YORK, March 2 - x")
    evidence = resolve_published_date(None, None, None, dateline, None, [], "Stocks fell on Friday.", 0, date(1987, 12, 31))
    assert (evidence.value, evidence.source, evidence.confidence) == (date(1987, 3, 2), "dateline+reference", 0.6)
    assert "1987-12-31" in evidence.note
    later_in_year = resolve_published_date(None, None, None, parse_dateline("PARIS, Dec 30 - x"), None, [], "", 0,
                                           date(1988, 1, 2))
    assert later_in_year.value == date(1987, 12, 30)  # not 1988-12-30, which is after the reference
    assert latest_on_or_before(2, 29, date(1987, 6, 1)) == date(1984, 2, 29)


def test_header_date_wins_over_everything():
    evidence = resolve(date(2020, 6, 1), dateline_text="MOSCOW, June 1. /TASS/. Text", body="on Tuesday in 2016")
    assert (evidence.value, evidence.source, evidence.confidence, evidence.flag) == (date(2020, 6, 1), "header", 1.0, None)


def test_undated_dateline_is_flagged_not_filled():
    evidence = resolve(dateline_text="ASTANA, October 22. /TASS/. Text", body="Ministers met.")
    assert evidence.value is None and evidence.source == "none" and evidence.flag == "year_unresolved"
    assert "without a year" in evidence.note


def test_caption_of_the_same_day_gives_the_dateline_its_year():
    evidence = resolve(dateline_text="KYIV, May 4 (AP) — x", captions=["Rescuers in Kyiv, Ukraine, May 4, 2022."])
    assert (evidence.value, evidence.source, evidence.confidence) == (date(2022, 5, 4), "dateline", 0.9)


def test_caption_date_is_used_when_nothing_better_exists():
    assert [d for d, _ in full_dates("Workers at the port of Odesa, Ukraine, August 3, 2022. REUTERS/X")] == [date(2022, 8, 3)]
    evidence = resolve(captions=["Crowds in Lima, Peru, Jan 5, 2019."], body="Body.")
    assert (evidence.value, evidence.source) == (date(2019, 1, 5), "caption")


def test_impossible_and_future_dates_are_rejected_with_a_reason():
    evidence = resolve(None, "header date 2021-02-30 is not a calendar date", body="Nothing else.")
    assert evidence.value is None and evidence.flag == "invalid_date" and "2021-02-30" in evidence.note
    future = today() + timedelta(days=30)
    evidence = resolve(future, body="Nothing.")
    assert evidence.value is None and evidence.flag == "future_date" and "future" in evidence.note
    evidence = resolve(dateline_text="MOSCOW, February 30. /TASS/. x", body="on Monday in 2019")
    assert evidence.value is None and evidence.flag == "invalid_date"


def test_a_full_date_in_the_body_is_an_event_not_the_publication():
    evidence = resolve(body="Attacks on the World Trade Center on 11 September 2001 changed the city.")
    assert evidence.value is None and evidence.source == "none"
