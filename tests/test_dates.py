from datetime import date, timedelta

from wirehouse.articles.dateline import parse_dateline
from wirehouse.articles.dates import full_dates, infer_year, resolve_published_date, today
from wirehouse.articles.spans import FieldSpan
from wirehouse.articles.years import past_years


def resolve(header=None, header_problem=None, dateline_text=None, captions=(), body=""):
    dateline = parse_dateline(dateline_text) if dateline_text else None
    caption_spans = [FieldSpan("caption", c, 0, len(c)) for c in captions]
    return resolve_published_date(header, header_problem, None, dateline, None, caption_spans, body, 0)


def test_weekday_and_latest_past_year_settle_the_year():
    # 9 July was a Tuesday in 2019 (and again in 2024); 2018 is the latest year mentioned.
    year, note = infer_year(7, 9, "Officials said on Tuesday that the 2018 floods were worse.")
    assert year == 2019 and "2018" in note


def test_no_weekday_means_no_year_rather_than_a_guess():
    year, note = infer_year(10, 22, "Ministers met in 2019 and agreed to meet again.")
    assert year is None and "no weekday" in note


def test_weekday_without_any_year_is_not_enough():
    year, _ = infer_year(3, 6, "The ministry said on Sunday.")
    assert year is None


def test_resolution_numbers_and_quantities_are_not_years():
    assert past_years("under resolution 2254 and No. 2118, 2015 people died; in 2014 talks began") == [2014]
    assert past_years("Russia is to host the forum in 2022; it was founded in 2009") == [2009]
    assert past_years("sales of $2,015 and 2015.5 points and 2016-17 season") == []


def test_header_date_wins_over_everything():
    evidence = resolve(date(2020, 6, 1), dateline_text="MOSCOW, June 1. /TASS/. Text", body="on Tuesday in 2016")
    assert (evidence.value, evidence.source, evidence.confidence, evidence.flag) == (date(2020, 6, 1), "header", 1.0, None)


def test_undated_dateline_is_flagged_not_filled():
    evidence = resolve(dateline_text="ASTANA, October 22. /TASS/. Text", body="Ministers met.")
    assert evidence.value is None and evidence.source == "none" and evidence.flag == "year_unresolved"
    assert "no weekday" in evidence.note


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


def test_first_paragraph_full_date_is_body_evidence():
    evidence = resolve(body="On March 3, 2020, the council met.\n\nIt met again on June 1, 2021.")
    assert (evidence.value, evidence.source, evidence.confidence) == (date(2020, 3, 3), "body", 0.5)
