"""Every metadata field of the five seed articles, read straight from ../shared/seeds."""

from datetime import date

import pytest

from wirehouse.articles.metadata import parse_article
from wirehouse.articles.read import read_article_file

# seed file prefix → expected fields
SEEDS = {
    "000": dict(title=None, subtitle=None, published_date=date(2020, 6, 1), date_source="header", date_flag=None,
                dateline_place="Moscow", country_code="RU", source_name="TASS", captions=[], credits=[], language="en"),
    "001": dict(title=None, subtitle=None, published_date=date(2021, 5, 13), date_source="header", date_flag=None,
                dateline_place=None, source_name="President of Russia", source_kind="publisher", captions=[], language="en"),
    "002": dict(title="UN envoy to Syria and Russian FM Lavrov discuss the Syria crisis", subtitle=None,
                published_date=date(2017, 6, 8), date_source="caption", dateline_place=None, source_name="Reuters",
                captions=["Russian Foreign Minister Sergei Lavrov and United Nations Special Envoy for Syria Staffan de "
                          "Mistura enter a hall during their meeting in Moscow, Russia, June 8, 2017."],
                credits=["REUTERS/Sergei Karpukhin"], photo_ids=["RTX39M8M"], language="en"),
    "003": dict(title="There is progress in humanitarian access in Syria - Lavrov",
                subtitle="\"But it is necessary to do much more\", Russian Foreign Minister said after a meeting with the "
                         "United Nations secretary-general’s special envoy on Syria",
                # "said Tuesday" and the years it names do not settle the dateline's year: undated, flagged.
                published_date=None, date_source="none", date_flag="year_unresolved", dateline_place="Moscow",
                country_code="RU", source_name="TASS", captions=["Staffan de Mistura and Sergey Lavrov"],
                credits=["Alexander Sherbak/TASS", "© Alexander Sherbak/TASS"]),
    # "said on Sunday" fits 6 March 2011, 2016 and 2022: weekdays never settle a year.
    "004": dict(title="Lavrov, Kerry note ceasefire progress in Syria - Russian foreign ministry",
                subtitle="Apart from that, Lavrov and Kerry expressed concern over humanitarian consequences of the "
                         "conflict in Yemen",
                published_date=None, date_source="none", date_flag="year_unresolved", dateline_place="Moscow",
                source_name="TASS", captions=[]),
}


@pytest.mark.parametrize("prefix", sorted(SEEDS))
def test_seed_metadata(seeds_dir, prefix):
    [path] = seeds_dir.glob(f"{prefix}_*.txt")
    meta = parse_article(read_article_file(path, 5_000_000)).metadata
    assert {name: getattr(meta, name) for name in SEEDS[prefix]} == SEEDS[prefix]


def test_seed_body_excludes_boilerplate(seeds_dir):
    [path] = seeds_dir.glob("003_*.txt")
    article = parse_article(read_article_file(path, 5_000_000))
    body = next(s for s in article.segments if s.section == "body")
    assert article.full_text[body.start:].startswith("There is progress in the issue of humanitarian access")
    sections = [s.section for s in article.segments]
    assert sections == ["navigation", "title", "subtitle", "caption", "credit", "repeated_caption", "credit", "dateline", "body"]
