"""The full-text index grows with each run's new articles and scores exactly like a full rebuild."""

from __future__ import annotations

import shutil

import duckdb
import pytest

from flows.ingest import ingest_articles
from wirehouse.warehouse.search import INDEX_SCHEMA, load_fts, rebuild_index, update_index

QUERIES = ["measles vaccinations", "water talks", "strike rail union", "senate vote", "flood", "museum reopens"]
SCORES = (f"select article_id, round({INDEX_SCHEMA}.match_bm25(article_id, ?), 9) as score from article_text "
          "where score is not null order by score desc, article_id")


def _scores(connection: duckdb.DuckDBPyConnection) -> dict[str, list[tuple]]:
    load_fts(connection)
    return {query: connection.execute(SCORES, [query]).fetchall() for query in QUERIES}


@pytest.fixture(scope="module")
def two_runs(prefect_server, samples_dir, tmp_path_factory):
    """A warehouse loaded in two runs (the second adds the regional folder), indexed incrementally."""
    root = tmp_path_factory.mktemp("incremental")
    first, second = root / "inbox1", root / "inbox2"
    shutil.copytree(samples_dir, first, ignore=shutil.ignore_patterns("regional"))
    shutil.copytree(samples_dir / "regional", second)
    warehouse = root / "news.duckdb"
    ingest_articles(paths=[str(first)], warehouse=str(warehouse))
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        after_first = connection.execute(f"select count(*) from {INDEX_SCHEMA}.docs").fetchone()[0]
    ingest_articles(paths=[str(second)], warehouse=str(warehouse))
    return warehouse, after_first


def test_second_run_adds_only_its_articles_and_scores_match_a_rebuild(two_runs, tmp_path):
    warehouse, after_first = two_runs
    rebuilt = tmp_path / "rebuilt.duckdb"
    shutil.copy(warehouse, rebuilt)
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        articles = connection.execute("select count(*) from article_text").fetchone()[0]
        indexed = connection.execute(f"select count(*) from {INDEX_SCHEMA}.docs").fetchone()[0]
        incremental = _scores(connection)
    assert 0 < after_first < indexed == articles
    with duckdb.connect(str(rebuilt)) as connection:
        rebuild_index(connection)
        assert _scores(connection) == incremental
    assert any(incremental.values()), "the queries should match something in the samples"


def test_update_adds_nothing_when_every_article_is_indexed(two_runs, tmp_path):
    warehouse, _ = two_runs
    copy = tmp_path / "copy.duckdb"
    shutil.copy(warehouse, copy)
    with duckdb.connect(str(copy)) as connection:
        before = _scores(connection)
        assert update_index(connection) == 0
        assert _scores(connection) == before


def test_removed_articles_make_the_update_rebuild(two_runs, tmp_path):
    warehouse, _ = two_runs
    copy = tmp_path / "copy.duckdb"
    shutil.copy(warehouse, copy)
    with duckdb.connect(str(copy)) as connection:
        removed = connection.execute("select article_id from article_text order by article_id limit 1").fetchone()[0]
        connection.execute("delete from article_text where article_id = ?", [removed])
        update_index(connection)
        names = {row[0] for row in connection.execute(f"select name from {INDEX_SCHEMA}.docs").fetchall()}
        assert removed not in names
        assert len(names) == connection.execute("select count(*) from article_text").fetchone()[0]


def test_an_article_removed_while_another_is_added_still_makes_the_update_rebuild(two_runs, tmp_path):
    """As many articles gone as new: the counts alone match, the index must not keep the gone one."""
    warehouse, _ = two_runs
    copy = tmp_path / "copy.duckdb"
    shutil.copy(warehouse, copy)
    with duckdb.connect(str(copy)) as connection:
        removed, text = connection.execute(
            "select article_id, full_text from article_text order by article_id limit 1").fetchone()
        connection.execute("delete from article_text where article_id = ?", [removed])
        connection.execute("insert into article_text values (?, ?)", ["f" * 64, text + " Museum reopens after the flood."])
        update_index(connection)
        names = {row[0] for row in connection.execute(f"select name from {INDEX_SCHEMA}.docs").fetchall()}
        assert removed not in names and "f" * 64 in names
        assert len(names) == connection.execute("select count(*) from article_text").fetchone()[0]
        incremental = _scores(connection)
        rebuild_index(connection)
        assert _scores(connection) == incremental
