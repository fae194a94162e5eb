from datetime import date

from wirehouse.articles.dateline import parse_dateline
from wirehouse.articles.dates import caption_date, infer_year, resolve_published_date


def test_weekday_and_latest_past_year_settle_the_year():
    # 9 July was a Tuesday in 2019 (and again in 2024); 2018 is the latest year mentioned.
    year, note = infer_year(7, 9, "Officials said on Tuesday that the 2018 floods were worse.")
    assert year == 2019 and "2018" in note


def test_no_weekday_means_no_year_rather_than_a_guess():
    year, note = infer_year(10, 22, "Ministers met and agreed to meet again.")
    assert year is None and "no weekday" in note


def test_weekday_without_any_year_is_not_enough():
    year, _ = infer_year(3, 6, "The ministry said on Sunday.")
    assert year is None


def test_header_date_wins_over_everything():
    dateline = parse_dateline("MOSCOW, June 1. /TASS/. Text")
    evidence = resolve_published_date(date(2020, 6, 1), dateline, [], "on Tuesday in 2016")
    assert (evidence.value, evidence.source, evidence.confidence) == (date(2020, 6, 1), "header", 1.0)


def test_undated_dateline_is_flagged_not_filled():
    dateline = parse_dateline("ASTANA, October 22. /TASS/. Text")
    evidence = resolve_published_date(None, dateline, [], "Ministers met.")
    assert evidence.value is None and evidence.source == "none" and evidence.note


def test_caption_date_is_used_when_nothing_better_exists():
    assert caption_date("Workers at the port of Odesa, Ukraine, August 3, 2022. REUTERS/X") == date(2022, 8, 3)
    evidence = resolve_published_date(None, None, ["Crowds in Lima, Peru, Jan 5, 2019."], "Body.")
    assert (evidence.value, evidence.source) == (date(2019, 1, 5), "caption")
