"""Near-duplicate stories through the real flow: copies fold into their original's story, distinct
stories stay apart, and deliveries in any order and any runs end in the same stories."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from benchmarks.corpus.generate import compose_article
from benchmarks.corpus.near_dup import edited_copy
from flows.ingest import ingest_articles
from tests.warehouse_queries import query
from wirehouse.cli import app

EDITS = ("headline+trim_end", "boilerplate_added", "caption_added", "trim_middle", "headline+correction")


@pytest.fixture(scope="module")
def deliveries(samples_dir, seeds_dir, tmp_path_factory) -> tuple[Path, Path, dict[str, str]]:
    """Originals (samples, two seeds, three generated stories) and edited copies of some of them, in
    two folders; returns the folders and, per copy file name, its original's file name."""
    root = tmp_path_factory.mktemp("stories")
    originals, copies = root / "originals", root / "copies"
    originals.mkdir()
    copies.mkdir()
    for path in sorted(samples_dir.rglob("*.txt")):
        shutil.copy(path, originals / path.name)
    for seed in ("002_4803ba0c4917af00.txt", "003_676c62358c61e102.txt"):  # two stories about one meeting
        shutil.copy(seeds_dir / seed, originals / seed)
    for index in range(3):
        (originals / f"generated_{index}.txt").write_text(compose_article(index).text, encoding="utf-8")
    copy_of = {}
    sources = ["generated_0.txt", "generated_1.txt", "generated_2.txt", "tass_water_talks.txt", "ap_rail_strike.txt"]
    for number, (source, edit) in enumerate(zip(sources, EDITS)):
        name = f"copy_{number}_{source}"
        (copies / name).write_text(edited_copy((originals / source).read_text(encoding="utf-8"), edit, source),
                                   encoding="utf-8")
        copy_of[name] = source
    return originals, copies, copy_of


def _stories(warehouse: Path) -> dict[str, str]:
    """File name → the file name of its story's representative."""
    rows = query(warehouse, """
        select fact_article.source_file, representative.source_file
        from article_story
        inner join fact_article on article_story.article_id = fact_article.article_id
        inner join fact_article as representative on article_story.story_id = representative.article_id
    """)
    return {Path(member).name: Path(representative).name for member, representative in rows}


@pytest.fixture(scope="module")
def two_runs(prefect_server, deliveries, tmp_path_factory) -> Path:
    originals, copies, _ = deliveries
    warehouse = tmp_path_factory.mktemp("two-runs") / "news.duckdb"
    ingest_articles(paths=[str(originals)], warehouse=str(warehouse))
    ingest_articles(paths=[str(copies)], warehouse=str(warehouse))
    return warehouse


def test_every_article_belongs_to_exactly_one_story(two_runs):
    articles, members, stories = query(two_runs, """
        select (select count(*) from fact_article), (select count(distinct article_id) from article_story),
            (select count(*) from v_story)""")[0]
    assert articles == members == 20
    assert stories == 15  # the five copies fold into their originals
    assert query(two_runs, "select count(*) from article_story where story_id not in (select article_id from fact_article)") == [(0,)]


def test_copies_join_their_original_and_distinct_stories_stay_apart(two_runs, deliveries):
    _, _, copy_of = deliveries
    story = _stories(two_runs)
    for copy, original in copy_of.items():
        assert story[copy] == story[original], f"{copy} should share {original}'s story"
    assert story["002_4803ba0c4917af00.txt"] != story["003_676c62358c61e102.txt"]
    originals = [name for name in story if name not in copy_of]
    assert len({story[name] for name in originals}) == len(originals)


def test_one_run_in_another_order_gives_the_same_stories(prefect_server, deliveries, two_runs, tmp_path):
    originals, copies, _ = deliveries
    warehouse = tmp_path / "news.duckdb"
    ingest_articles(paths=[str(copies), str(originals)], warehouse=str(warehouse), batch_size=4)
    assert _stories(warehouse) == _stories(two_runs)
    same = "select article_id, story_id, round(similarity, 9) from article_story order by all"
    assert query(warehouse, same) == query(two_runs, same)


def test_unique_story_views_count_each_story_once(two_runs):
    copies, stories = query(two_runs, "select count(*), count(distinct story_id) from v_story_entity_mention")[0]
    per_copy = query(two_runs, "select count(*) from v_entity_mention")[0][0]
    assert 0 < copies < per_copy
    assert query(two_runs, "select sum(copies) from v_story") == [(20,)]
    shares = query(two_runs, "select sum(articles) from v_story_topic_share_month where scheme = 'iptc'")[0][0]
    assert shares and shares < query(two_runs, "select sum(articles) from v_topic_share_month where scheme = 'iptc'")[0][0]


def test_status_reports_folded_copies(two_runs):
    result = CliRunner().invoke(app, ["status", "--warehouse", str(two_runs)])
    assert result.exit_code == 0, result.output
    assert "20 articles in 15 stories (5 copies folded)" in " ".join(result.output.split())
