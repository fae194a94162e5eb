"""Table-driven metadata cases: team-written variants of every style the parser handles, hostile ones included.

Each case is raw bytes as a user might deliver them and the fields the parser must produce.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from wirehouse.articles.metadata import parse_article
from wirehouse.articles.read import file_text_from_bytes

BODY = ("Officials met for a second day of talks on grain shipments and port fees, the ministry said. "
        "The delegations agreed to publish a joint statement after the talks.\n\n"
        "\"We have made real progress,\" the chief negotiator told reporters outside the building.\n")

CASES = [
    # --- header lines -------------------------------------------------------------------------
    ("header_tass_same_line", f"date 2020-06-01 MOSCOW, June 1. /TASS/. {BODY}",
     dict(published_date=date(2020, 6, 1), date_source="header", dateline_place="Moscow", country_code="RU", source="TASS", title=None)),
    ("header_leading_space", f" date 2020-06-01 MOSCOW, June 1. /TASS/. {BODY}",
     dict(published_date=date(2020, 6, 1), date_source="header", dateline_place="Moscow", source="TASS")),
    ("header_own_line_then_ap", f"date 2024-01-10\nNEW YORK, Jan 10 (AP) — {BODY}",
     dict(published_date=date(2024, 1, 10), dateline_place="New York", country_code="US", source="AP")),
    ("header_source_kremlin", f"date 2021-05-13 Source: President of Russia – The Kremlin – English\n\n{BODY}",
     dict(published_date=date(2021, 5, 13), source="President of Russia", source_kind="publisher", dateline_place=None, title=None, language="en")),
    ("header_source_hyphens", f"date 2019-02-01 Source: Interfax - Interfax.com - English\n\n{BODY}",
     dict(published_date=date(2019, 2, 1), source="Interfax", source_kind="agency")),
    ("header_impossible_date", f"date 2021-02-30 PARIS, Feb 27 (AFP) - {BODY}",
     dict(published_date=None, date_flag="invalid_date", dateline_place="Paris", source="AFP")),
    ("header_future_date", f"date 2099-01-01 BERLIN (Reuters) - {BODY}",
     dict(published_date=None, date_flag="future_date", dateline_place="Berlin", source="Reuters")),
    ("header_impossible_then_dateline_year", f"date 2021-02-30 LONDON, Feb. 27, 2021 (Reuters) - {BODY}",
     dict(published_date=date(2021, 2, 27), date_source="dateline", date_flag="invalid_date")),
    # --- datelines -----------------------------------------------------------------------------
    ("tass_mixed_case", f"date 2020-06-01 Moscow, June 1. /TASS/. {BODY}", dict(dateline_place="Moscow", source="TASS")),
    ("tass_multiword", f"date 2024-02-20 RIO DE JANEIRO, February 20. /TASS/. {BODY}",
     dict(dateline_place="Rio de Janeiro", country_code="BR", source="TASS")),
    ("tass_st_petersburg", f"date 2023-06-14 ST. PETERSBURG, June 14. /TASS/. {BODY}",
     dict(dateline_place="St. Petersburg", country_code="RU")),
    ("tass_united_nations", f"date 2023-03-01 UNITED NATIONS, March 1. /TASS/. {BODY}",
     dict(dateline_place="United Nations", country_code=None, source="TASS")),
    ("conll_iso_date", f"SIALKOT, Pakistan 1996-12-06 {BODY}",
     dict(published_date=date(1996, 12, 6), date_source="dateline", dateline_place="Sialkot", country_code="PK", source=None)),
    ("conll_iso_no_region", f"LONDON 1996-08-30 {BODY}", dict(published_date=date(1996, 8, 30), dateline_place="London", country_code="GB")),
    ("reuters_plain", f"date 2021-03-17 WASHINGTON (Reuters) - {BODY}", dict(dateline_place="Washington", country_code="US", source="Reuters")),
    ("reuters_two_cities", f"date 2021-03-17 LONDON/PARIS (Reuters) - {BODY}", dict(dateline_place="London", source="Reuters")),
    ("reuters_dated_with_year", f"NEW YORK, June 5, 2019 (Reuters) - {BODY}",
     dict(published_date=date(2019, 6, 5), date_source="dateline", dateline_place="New York", source="Reuters")),
    ("reuters_no_place", f"date 2021-03-17 (Reuters) - {BODY}", dict(dateline_place=None, source="Reuters")),
    ("ap_em_dash", f"date 2023-03-06 LONDON, March 6 (AP) — {BODY}", dict(dateline_place="London", source="AP")),
    ("ap_city_country", f"date 2022-05-04 KYIV, Ukraine (AP) — {BODY}", dict(dateline_place="Kyiv", country_code="UA", source="AP")),
    ("ap_city_state", f"date 2022-05-04 SPRINGFIELD, Illinois (AP) — {BODY}", dict(dateline_place="Springfield", country_code="US")),
    ("afp_abbrev_month", f"date 2024-11-03 PARIS, Nov 3 (AFP) - {BODY}", dict(dateline_place="Paris", country_code="FR", source="AFP")),
    ("afp_mixed_case", f"date 2024-11-03 Paris (AFP) - {BODY}", dict(dateline_place="Paris", source="AFP")),
    ("interfax_period", f"date 2019-02-26 MOSCOW. Feb 26 (Interfax) - {BODY}", dict(dateline_place="Moscow", source="Interfax")),
    ("xinhua_double_dash", f"date 2020-01-05 BEIJING, Jan. 5 (Xinhua) -- {BODY}", dict(dateline_place="Beijing", country_code="CN", source="Xinhua")),
    ("upi_dotted_month", f"date 2018-12-03 WASHINGTON, Dec. 3 (UPI) -- {BODY}", dict(dateline_place="Washington", source="UPI")),
    ("dateline_next_line_date", f"BRUSSELS\nMarch 3, 2022 - {BODY}",
     dict(published_date=date(2022, 3, 3), date_source="dateline", dateline_place="Brussels", country_code="BE")),
    ("caps_no_agency_dash", f"date 2022-05-04 KYIV, Ukraine — {BODY}", dict(dateline_place="Kyiv", source=None)),
    ("no_dateline_sentence", f"date 2022-05-04 The Moscow talks ended on Friday. {BODY}", dict(dateline_place=None, source=None)),
    ("kiev_spelling_geocodes", f"date 2014-03-01 KIEV, March 1 (Reuters) - {BODY}", dict(dateline_place="Kiev", country_code="UA")),
    # --- year inference ------------------------------------------------------------------------
    ("weekday_and_past_year_settle_nothing", "All news\n\nTalks resume in Syria - ministry\n\nMOSCOW, May 3. /TASS/. The minister "
     "said Tuesday that talks would resume. The conflict has lasted since March 2011 and strikes began in 2015. On March 14, "
     "2016, troops left.\n", dict(published_date=None, date_source="none", date_flag="year_unresolved")),
    ("same_day_full_date_settles_the_year", "OSLO, June 2 (Reuters) - The accord, signed in Oslo on June 2, 2023, was "
     "welcomed.\n", dict(published_date=date(2023, 6, 2), date_source="dateline", date_flag=None)),
    ("weekday_without_year", "All news\n\nCeasefire holds - ministry\n\nMOSCOW, March 6. /TASS/. The ministry said on Sunday that "
     "the ceasefire held, citing resolution 2254 and the February 27 truce.\n",
     dict(published_date=None, date_flag="year_unresolved", dateline_place="Moscow")),
    ("no_weekday_no_year", f"ASTANA, October 22. /TASS/. {BODY}", dict(published_date=None, date_flag="year_unresolved", dateline_place="Astana")),
    ("mentioned_years_not_evidence", "OSLO, June 2 (Reuters) - The minister said on Friday the country will host the games in "
     "2030, after hosting a summit in 2022.\n", dict(published_date=None, date_flag="year_unresolved")),
    ("caption_year_same_day", "image Rescuers work in Kyiv, Ukraine, May 4, 2022. REUTERS/Ivan Petrov - RTX1ABCD\n\nKYIV, May 4 (Reuters) - "
     + BODY, dict(published_date=date(2022, 5, 4), date_source="dateline", dateline_place="Kyiv")),
    # --- page dumps, titles, captions, credits -------------------------------------------------------
    ("image_caption_reuters", "image Ministers shake hands in Moscow, Russia, June 8, 2017. REUTERS/Sergei Karpov - RTX39AB12\n\n"
     "Envoy and minister discuss the crisis\xa0\n\n\xa0\n\n" + BODY,
     dict(title="Envoy and minister discuss the crisis", subtitle=None, published_date=date(2017, 6, 8), date_source="caption",
          captions=["Ministers shake hands in Moscow, Russia, June 8, 2017."], credits=["REUTERS/Sergei Karpov"],
          photo_ids=["RTX39AB12"], source="Reuters")),
    ("all_news_page_dump", "All news\n\nHarbour cranes return to work - port\n\nDockers ended a stoppage, the port said\n"
     "Cranes at the terminal   Mari Tamm/TASS\nCranes at the terminal\n© Mari Tamm/TASS\n\nTALLINN, April 4. /TASS/. " + BODY,
     dict(title="Harbour cranes return to work - port", subtitle="Dockers ended a stoppage, the port said",
          captions=["Cranes at the terminal"], credits=["Mari Tamm/TASS", "© Mari Tamm/TASS"], dateline_place="Tallinn", source="TASS")),
    ("ap_photo_credit", "Crowds gather in the square. (AP Photo/Jane Doe)\n\nCrowds mark the anniversary\n\n"
     "WARSAW, Poland (AP) — " + BODY, dict(captions=["Crowds gather in the square."], credits=["(AP Photo/Jane Doe)"],
                                          title="Crowds mark the anniversary", dateline_place="Warsaw", country_code="PL")),
    ("photo_colon_credit", "Photo: Lena Berg\n\nSnow closes mountain roads\n\nDENVER (AP) — " + BODY,
     dict(credits=["Photo: Lena Berg"], title="Snow closes mountain roads", captions=[])),
    ("byline_is_not_title", "By Maria Lopez and Tom Reed\n\nMADRID (Reuters) - " + BODY, dict(title=None, dateline_place="Madrid")),
    ("title_then_byline", "Spain passes housing law\n\nBy Maria Lopez\n\nMADRID (Reuters) - " + BODY,
     dict(title="Spain passes housing law", subtitle=None, dateline_place="Madrid")),
    ("first_sentence_not_title", "The council approved the budget on Monday after a long debate.\n\n" + BODY, dict(title=None, subtitle=None)),
    ("title_with_question_mark", "Will the port reopen?\n\nODESA, Ukraine (AP) — " + BODY, dict(title="Will the port reopen?")),
    ("title_with_quotes_and_sql", "Minister: \"Robert'); DROP TABLE fact_article;--\" is not a name\n\nOSLO (Reuters) - " + BODY,
     dict(title="Minister: \"Robert'); DROP TABLE fact_article;--\" is not a name", dateline_place="Oslo")),
    ("navigation_noise", "Latest news\n3 min read\nShare\n\nMarkets rally in Asia\n\nTOKYO (Reuters) - " + BODY,
     dict(title="Markets rally in Asia", dateline_place="Tokyo", country_code="JP")),
    ("tass_section_and_timestamp", "All news\nRussian Politics & Diplomacy\nMay 03, 2016, 18:25 UTC+3\n\n"
     "Lavrov meets envoy in Moscow\n\nMOSCOW, May 3. /TASS/. " + BODY,
     dict(title="Lavrov meets envoy in Moscow", published_date=date(2016, 5, 3), date_source="header", dateline_place="Moscow")),
    ("reuters_trailer_kept_out", "date 2021-03-17 WASHINGTON (Reuters) - " + BODY + "\nReporting by Ann Lee; Editing by Bo Chan\n",
     dict(source="Reuters", word_count=41)),  # the 41 words of BODY; the trailer is not counted
    # --- wire archives: kickers, datelines alone on a line, bylines above them -------------------------
    ("kicker_headline_then_iso_dateline", "RUGBY - HARBOUR CITY EDGE RIVALS IN LATE FINISH.\n\nWELLINGTON 1996-09-14\n"
     "Harbour City scored twice in the last ten minutes to win 24-21 on Saturday.\nThe result lifts them to third.\n",
     dict(title="RUGBY - HARBOUR CITY EDGE RIVALS IN LATE FINISH.", dateline_place="Wellington",
          published_date=date(1996, 9, 14), date_source="dateline", body_starts="Harbour City scored")),
    ("name_line_above_dateline_is_a_byline", "Port strike halts grain exports.\n\nJana Kowal\nGDANSK, Poland 1996-09-02\n"
     "Dock workers walked out on Monday over pay, halting grain loading at the port.\n",
     dict(title="Port strike halts grain exports.", bylines=["Jana Kowal"], dateline_place="Gdansk",
          published_date=date(1996, 9, 2))),
    ("kicker_with_sentence_case_rest_is_no_place", "SHARE OFFER -- Northgate Mills Inc.\n\nBOSTON 1996-09-03\n"
     "Northgate Mills Inc said it filed for an offering of two million shares.\n",
     dict(title="SHARE OFFER -- Northgate Mills Inc.", dateline_place="Boston", published_date=date(1996, 9, 3))),
    ("upper_case_title_with_kicker_and_undated_dateline", "MARKET FOCUS - STEEL MAKERS SEE WEAKER ORDERS\n\n"
     "PITTSBURGH, March 9 - Steel makers said on Friday that orders for the\nsecond quarter were weaker than expected.\n",
     dict(title="MARKET FOCUS - STEEL MAKERS SEE WEAKER ORDERS", dateline_place="Pittsburgh", published_date=None,
          date_flag="year_unresolved")),
    ("upper_case_month_in_dateline", "GRAIN TRADERS EXPECT LARGER HARVEST\n\nOMAHA, MARCH 12 - Traders said the harvest "
     "would be larger than last year's.\n", dict(dateline_place="Omaha", title="GRAIN TRADERS EXPECT LARGER HARVEST")),
    ("day_month_year_dateline", "ABERDEEN, Scotland, 14 October 2025 -- The operator said the platform would restart "
     "production within a week.\n", dict(dateline_place="Aberdeen", published_date=date(2025, 10, 14), date_source="dateline")),
    ("email_release_subject_is_title", "From: Press Office <press@northgate-energy.example>\nTo: newsdesk@example.org\n"
     "Date: Tue, 14 Oct 2025 09:12:00 +0100\nSubject: Northgate Energy restarts Aberdeen platform\n\n"
     "ABERDEEN, Scotland, 14 October 2025 -- Northgate Energy said on Tuesday that its Bravo platform would restart "
     "production within a week.\n",
     dict(title="Northgate Energy restarts Aberdeen platform", subtitle=None, published_date=date(2025, 10, 14),
          date_source="header", dateline_place="Aberdeen", body_starts="Northgate Energy said")),
    ("email_with_an_unreadable_date", "From: Press Office <press@example.org>\nDate: sometime soon\nSubject: Mill to close\n\n"
     "The mill will close in spring, the company said.\n",
     dict(title="Mill to close", published_date=None, date_flag="invalid_date")),
    ("contributed_to_this_report_is_a_trailer", "date 2025-05-02 WASHINGTON (AP) — " + BODY +
     "\nAssociated Press writers Lena Brooks and Tom Hale contributed to this report.\n", dict(word_count=41)),
    # --- encodings and hostile text --------------------------------------------------------------
    ("mojibake_repaired", "date 2020-06-01 MOSCOW, June 1. /TASS/. Russiaâ€™s envoy paid Â£5 for it.\n\n" + BODY,
     dict(body_starts="Russia’s envoy paid £5")),
    ("crlf_and_nbsp", ("date 2020-06-01 MOSCOW, June\xa01. /TASS/. " + BODY).replace("\n", "\r\n"),
     dict(dateline_place="Moscow", published_date=date(2020, 6, 1))),
    ("zero_width_spaces", "date 2020-06-01 MOS\u200bCOW, June 1. /TASS/. " + BODY, dict(dateline_place="Moscow")),
    ("russian_text_flagged", "date 2020-06-01 МОСКВА, 1 июня. /ТАСС/. Министр иностранных дел России заявил в понедельник, "
     "что переговоры по зерновой сделке продолжатся на следующей неделе в Стамбуле.\n",
     dict(language="ru", published_date=date(2020, 6, 1))),
    ("french_text", "date 2024-11-03 PARIS, 3 nov (AFP) - Le musée a rouvert ses portes après deux ans de travaux, "
     "a annoncé sa directrice, qui espère accueillir un million de visiteurs par an.\n", dict(language="fr")),
]


def parse(raw: str | bytes):
    data = raw if isinstance(raw, bytes) else raw.encode("utf-8")
    file_text = file_text_from_bytes(Path("/inbox/case.txt"), data)
    assert file_text.problem is None, file_text.problem
    return parse_article(file_text)


def actual(article, name):
    meta = article.metadata
    if name == "source":
        return meta.source_name
    if name == "body_starts":
        body = next(s for s in article.segments if s.section == "body")
        return article.full_text[body.start:body.start + 22]
    if name == "credits":
        return meta.credits
    return getattr(meta, name)


def test_there_are_at_least_forty_cases():
    assert len(CASES) >= 40
    assert len({name for name, _, _ in CASES}) == len(CASES)


@pytest.mark.parametrize(("name", "raw", "expected"), CASES, ids=[c[0] for c in CASES])
def test_metadata_case(name, raw, expected):
    article = parse(raw)
    got = {field: actual(article, field) for field in expected}
    if "body_starts" in expected:
        got["body_starts"] = got["body_starts"][: len(expected["body_starts"])]
    assert got == expected


@pytest.mark.parametrize(("name", "raw", "expected"), CASES, ids=[c[0] for c in CASES])
def test_every_field_span_points_at_its_value(name, raw, expected):
    article = parse(raw)
    for span in article.metadata.fields:
        assert article.full_text[span.start:span.end] == span.value, span
