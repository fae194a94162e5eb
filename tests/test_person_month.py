"""fact_person_month through the real flow: kept up to date run by run (also when a run starts from
a standby copy brought forward by the journal), it gives the analysis queries the very rows they gave
when they counted every mention, also for a warehouse that got the table from an upgrade, for names
several entities share, and when a run is refreshed twice."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from benchmarks.corpus.near_dup import edited_copy
from flows.ingest import ingest_articles
from wirehouse.paths import sql_dir
from wirehouse.warehouse.load import refresh_marts
from wirehouse.warehouse.schema import apply_schema

# The analysis queries as they were before fact_person_month: straight from the mentions.
DIRECT_TOP_PEOPLE = """
select
    dim_entity.canonical_name as person,
    count(distinct fact_entity_mention.article_id) as articles,
    count(*) as mentions,
from fact_entity_mention
inner join dim_entity on fact_entity_mention.entity_key = dim_entity.entity_key
where dim_entity.entity_type = 'PERSON'
group by dim_entity.canonical_name
order by articles desc, mentions desc, person
limit 10
"""
DIRECT_TOP_PEOPLE_PER_MONTH = """
with
person_month as (
    select
        date_trunc('month', fact_article.published_date) as published_month,
        dim_entity.entity_key,
        dim_entity.canonical_name as person,
        count(*) as mentions,
        count(distinct fact_entity_mention.article_id) as articles,
    from fact_entity_mention
    inner join dim_entity on fact_entity_mention.entity_key = dim_entity.entity_key
    inner join fact_article on fact_entity_mention.article_id = fact_article.article_id
    where dim_entity.entity_type = 'PERSON'
        and fact_article.published_date is not null
    group by published_month, dim_entity.entity_key, dim_entity.canonical_name
),

ranked_person_month as (
    select
        person_month.published_month,
        person_month.person,
        person_month.mentions,
        person_month.articles,
        row_number() over (
            partition by person_month.published_month
            order by person_month.mentions desc, person_month.articles desc, person_month.person
        ) as month_rank,
    from person_month
)

select
    ranked_person_month.published_month,
    ranked_person_month.month_rank,
    ranked_person_month.person,
    ranked_person_month.mentions,
    ranked_person_month.articles,
from ranked_person_month
where ranked_person_month.month_rank <= 5
order by ranked_person_month.published_month, ranked_person_month.month_rank
"""
# What fact_person_month must hold: every person entity and month, from every mention.
DIRECT_PERSON_MONTH = """
select
    fact_entity_mention.entity_key,
    cast(date_trunc('month', fact_article.published_date) as date) as published_month,
    count(distinct fact_entity_mention.article_id) as articles,
    count(*) as mentions,
from fact_entity_mention
inner join dim_entity on fact_entity_mention.entity_key = dim_entity.entity_key
inner join fact_article on fact_entity_mention.article_id = fact_article.article_id
where dim_entity.entity_type = 'PERSON'
group by all
order by all
"""
STORED_PERSON_MONTH = "select entity_key, published_month, articles, mentions from fact_person_month order by all"
ANALYSIS = {name: (sql_dir() / "analysis" / f"{name}.sql").read_text(encoding="utf-8")
            for name in ("top_people", "top_people_per_month")}


def _result(connection: duckdb.DuckDBPyConnection, sql: str) -> tuple[list, list]:
    result = connection.execute(sql)
    return [(column[0], str(column[1])) for column in result.description], result.fetchall()


def assert_exact(connection: duckdb.DuckDBPyConnection) -> None:
    """The table holds what the mentions say, and the queries read from it give the direct rows."""
    assert connection.execute(STORED_PERSON_MONTH).fetchall() == connection.execute(DIRECT_PERSON_MONTH).fetchall()
    assert _result(connection, ANALYSIS["top_people"]) == _result(connection, DIRECT_TOP_PEOPLE)
    assert _result(connection, ANALYSIS["top_people_per_month"]) == _result(connection, DIRECT_TOP_PEOPLE_PER_MONTH)


@pytest.fixture(scope="module")
def inboxes(samples_dir, seeds_dir, tmp_path_factory) -> tuple[Path, Path, Path]:
    """Three deliveries: samples and three seeds; the other samples, two seeds and edited copies of
    first-run articles (new articles with the same people and dates, so the second run adds to
    (person, month) rows the first run created); one more edited copy."""
    root = tmp_path_factory.mktemp("person-month")
    first, second, third = root / "inbox1", root / "inbox2", root / "inbox3"
    third.mkdir()
    shutil.copytree(samples_dir, first, ignore=shutil.ignore_patterns("regional"))
    shutil.copytree(samples_dir / "regional", second)
    seeds = sorted(seeds_dir.glob("*.txt"))
    for seed in seeds[:3]:
        shutil.copy(seed, first / seed.name)
    for seed in seeds[3:]:
        shutil.copy(seed, second / seed.name)
    for source, edit in (("tass_water_talks.txt", "boilerplate_added"), (seeds[0].name, "trim_middle")):
        (second / f"copy_{source}").write_text(
            edited_copy((first / source).read_text(encoding="utf-8"), edit, source), encoding="utf-8")
    (third / "copy_ap_rail_strike.txt").write_text(
        edited_copy((first / "ap_rail_strike.txt").read_text(encoding="utf-8"), "caption_added", "ap_rail_strike.txt"),
        encoding="utf-8")
    return first, second, third


@pytest.fixture(scope="module")
def runs(prefect_server, inboxes, tmp_path_factory) -> tuple[Path, Path]:
    """The warehouse after three runs, and a copy of it after the first run only. The third run's
    working copy is the standby brought forward by the second run's journal (its merge replayed)."""
    first, second, third = inboxes
    root = tmp_path_factory.mktemp("runs")
    warehouse, after_first = root / "news.duckdb", root / "after-first.duckdb"
    ingest_articles(paths=[str(first)], warehouse=str(warehouse))
    shutil.copy(warehouse, after_first)
    ingest_articles(paths=[str(second)], warehouse=str(warehouse))
    ingest_articles(paths=[str(third)], warehouse=str(warehouse))
    return warehouse, after_first


def test_successive_runs_keep_the_table_exact(runs):
    warehouse, after_first = runs
    with duckdb.connect(str(after_first), read_only=True) as connection:
        first_rows = connection.execute(STORED_PERSON_MONTH).fetchall()
        assert_exact(connection)
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        assert_exact(connection)
        rows = connection.execute(STORED_PERSON_MONTH).fetchall()
        runs = connection.execute("select run_id from etl_mart_run where mart = 'fact_person_month' order by all").fetchall()
        loaded_by = connection.execute("select distinct run_id from fact_article order by all").fetchall()
    assert first_rows and len(rows) > len(first_rows)
    # Later runs added to rows of the first: same person and month, more articles.
    first_articles = {(key, month): articles for key, month, articles, _ in first_rows}
    assert any(articles > first_articles.get((key, month), articles) for key, month, articles, _ in rows)
    assert runs == loaded_by and len(runs) == 3


def test_refreshing_a_run_again_counts_nothing_twice(runs, tmp_path):
    warehouse, _ = runs
    copy = tmp_path / "copy.duckdb"
    shutil.copy(warehouse, copy)
    with duckdb.connect(str(copy)) as connection:
        refresh_marts(connection)
        refresh_marts(connection)
        assert_exact(connection)


def test_a_warehouse_from_before_the_table_gets_it_complete(prefect_server, runs, inboxes, tmp_path):
    """Upgrade: the tables appear when the schema is applied, filled from every article, and the
    next run adds only its own articles."""
    _, after_first = runs
    older = tmp_path / "news.duckdb"
    shutil.copy(after_first, older)
    with duckdb.connect(str(older)) as connection:
        connection.execute("drop table fact_person_month")
        connection.execute("drop table etl_mart_run")
        apply_schema(connection)
        assert connection.execute("select count(*) from fact_person_month").fetchone()[0] > 0
        assert_exact(connection)
        connection.execute("drop table fact_person_month")
        connection.execute("drop table etl_mart_run")
    ingest_articles(paths=[str(inboxes[1])], warehouse=str(older))
    with duckdb.connect(str(older), read_only=True) as connection:
        assert_exact(connection)


def test_a_name_that_entities_share_counts_each_article_once(runs, tmp_path):
    """Two people mentioned in the same article, filed under one name: that article counts once."""
    warehouse, _ = runs
    copy = tmp_path / "copy.duckdb"
    shutil.copy(warehouse, copy)
    with duckdb.connect(str(copy)) as connection:
        pair = connection.execute("""
            with person_article as (
                select distinct fact_entity_mention.article_id, fact_entity_mention.entity_key,
                from fact_entity_mention
                inner join dim_entity on fact_entity_mention.entity_key = dim_entity.entity_key
                where dim_entity.entity_type = 'PERSON'
            )
            select first_person.entity_key, second_person.entity_key,
            from person_article as first_person
            inner join person_article as second_person on first_person.article_id = second_person.article_id
                and first_person.entity_key < second_person.entity_key
            order by all
            limit 1
        """).fetchone()
        assert pair is not None, "the deliveries should have an article that names two people"
        connection.execute("update dim_entity set canonical_name = (select canonical_name from dim_entity "
                           "where entity_key = ?) where entity_key = ?", list(pair))
        assert_exact(connection)
        person = connection.execute("select canonical_name from dim_entity where entity_key = ?", [pair[0]]).fetchone()[0]
        separately = connection.execute("select sum(articles) from fact_person_month where entity_key in (?, ?)",
                                        list(pair)).fetchone()[0]
        [(articles,)] = connection.execute(f"select articles from ({ANALYSIS['top_people'].replace('limit 10', '')}) "
                                           "where person = ?", [person]).fetchall()
        assert articles < separately


# Display names as dim_entity_names.sql chose them before fact_entity_surface: from every mention.
NAMES_FROM_EVERY_MENTION = """
select entity_key, name from (
    select entity_key, mention_text as name,
        row_number() over (partition by entity_key order by count(*) desc, length(mention_text) desc, mention_text) as position,
    from fact_entity_mention
    where link_method in ('exact', 'transliteration', 'case_variant')
    group by entity_key, mention_text
)
where position = 1 and entity_key in (select entity_key from dim_entity where name_source = 'observed')
order by entity_key
"""


def test_surface_counts_and_display_names_match_every_mention(runs):
    """After three runs, fact_entity_surface is the aggregate of every mention, and each observed
    entity's name is the one a count over every mention gives."""
    warehouse, _ = runs
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        stored = connection.execute(
            "select entity_key, mention_text, mentions from fact_entity_surface order by all").fetchall()
        direct = connection.execute(
            "select entity_key, mention_text, count(*) from fact_entity_mention "
            "where link_method in ('exact', 'transliteration', 'case_variant') group by all order by all").fetchall()
        names = connection.execute(
            "select entity_key, canonical_name from dim_entity where name_source = 'observed' "
            "and entity_key in (select entity_key from fact_entity_surface) order by entity_key").fetchall()
        expected = connection.execute(NAMES_FROM_EVERY_MENTION).fetchall()
        counted = connection.execute("select count(*) from etl_mart_run where mart = 'fact_entity_surface'").fetchone()[0]
    assert stored and stored == direct
    assert names == expected and counted == 3
    # Some surface form was counted over more than one run.
    assert any(mentions > 1 for _, _, mentions in stored)


def test_an_older_warehouse_gets_its_surface_counts_from_every_article(runs, tmp_path):
    warehouse, _ = runs
    older = tmp_path / "news.duckdb"
    shutil.copy(warehouse, older)
    with duckdb.connect(str(older)) as connection:
        before = connection.execute("select * from fact_entity_surface order by all").fetchall()
        connection.execute("drop table fact_entity_surface")
        apply_schema(connection)
        assert connection.execute("select * from fact_entity_surface order by all").fetchall() == before


def _mart_bounds(connection: duckdb.DuckDBPyConnection) -> dict[str, list[int | None]]:
    rows = connection.execute("select mart, mention_rows from etl_mart_run order by mart, mention_rows").fetchall()
    bounds: dict[str, list[int | None]] = {}
    for mart, mention_rows in rows:
        bounds.setdefault(mart, []).append(mention_rows)
    return bounds


def _assert_marts_exact(connection: duckdb.DuckDBPyConnection) -> None:
    assert_exact(connection)
    assert connection.execute("select * from fact_entity_surface order by all").fetchall() == connection.execute(
        "select entity_key, mention_text, count(*) from fact_entity_mention "
        "where link_method in ('exact', 'transliteration', 'case_variant') group by all order by all").fetchall()
    assert connection.execute(
        "select entity_key, canonical_name from dim_entity where name_source = 'observed' "
        "and entity_key in (select entity_key from fact_entity_surface) order by entity_key"
    ).fetchall() == connection.execute(NAMES_FROM_EVERY_MENTION).fetchall()


@pytest.fixture(scope="module")
def unrefreshed(prefect_server, runs, inboxes, tmp_path_factory) -> tuple[Path, int]:
    """The warehouse after the first run, then a second run whose marts refresh failed (its articles
    are published, no mart counts them), and how many mentions the first run left."""
    import flows.ingest

    _, after_first = runs
    warehouse = tmp_path_factory.mktemp("unrefreshed") / "news.duckdb"
    shutil.copy(after_first, warehouse)
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        first_mentions = connection.execute("select count(*) from fact_entity_mention").fetchone()[0]

    def out_of_memory(connection):
        raise duckdb.OutOfMemoryException("could not allocate block (injected by the test)")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(flows.ingest, "refresh_marts", out_of_memory)
        with pytest.raises(duckdb.OutOfMemoryException, match="injected"):
            ingest_articles(paths=[str(inboxes[1])], warehouse=str(warehouse))
    return warehouse, first_mentions


def test_each_mart_records_where_its_next_refresh_starts_reading_mentions(runs):
    warehouse, after_first = runs
    with duckdb.connect(str(after_first), read_only=True) as connection:
        first_mentions = connection.execute("select count(*) from fact_entity_mention").fetchone()[0]
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        mentions = connection.execute("select count(*) from fact_entity_mention").fetchone()[0]
        bounds = _mart_bounds(connection)
    assert 0 < first_mentions < mentions
    assert set(bounds) == {"dim_entity_names", "fact_entity_surface", "fact_person_month"}
    for mart, counted in bounds.items():
        # one row per run, each the mention count after that run; the last is every mention
        assert len(counted) == 3 and counted[0] == first_mentions and counted[-1] == mentions, mart


def test_a_run_whose_marts_were_not_refreshed_is_counted_by_the_next(prefect_server, unrefreshed, inboxes, tmp_path):
    """The second run's mentions lie past the first run's bound, so the third run's refresh finds
    them: every mart counts both runs exactly once."""
    warehouse, first_mentions = tmp_path / "news.duckdb", unrefreshed[1]
    shutil.copy(unrefreshed[0], warehouse)
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        assert all(counted == [first_mentions] for counted in _mart_bounds(connection).values())
        assert connection.execute("select count(distinct run_id) from fact_article").fetchone()[0] == 2
    ingest_articles(paths=[str(inboxes[2])], warehouse=str(warehouse))
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        _assert_marts_exact(connection)
        mentions = connection.execute("select count(*) from fact_entity_mention").fetchone()[0]
        bounds = _mart_bounds(connection)
    assert all(counted == [first_mentions, mentions, mentions] for counted in bounds.values())


def test_an_upgraded_warehouse_starts_at_the_first_mention_not_counted_yet(unrefreshed, tmp_path):
    """etl_mart_run from before mention_rows and the dim_entity_names rows: the runs
    fact_entity_surface counted are the runs named, and the bound given to the old rows is where
    the uncounted run's mentions begin, so the next refresh still counts and names them."""
    warehouse, first_mentions = unrefreshed
    older = tmp_path / "news.duckdb"
    shutil.copy(warehouse, older)
    with duckdb.connect(str(older)) as connection:
        connection.execute("create temp table counted as select mart, run_id from etl_mart_run")
        connection.execute("drop table etl_mart_run")
        connection.execute("create table etl_mart_run (mart varchar not null, run_id varchar not null, "
                           "primary key (mart, run_id))")
        connection.execute("insert into etl_mart_run select * from counted where mart <> 'dim_entity_names'")
        apply_schema(connection)
        bounds = _mart_bounds(connection)
        assert set(bounds) == {"dim_entity_names", "fact_entity_surface", "fact_person_month"}
        assert all(counted == [first_mentions] for counted in bounds.values())
        refresh_marts(connection)
        _assert_marts_exact(connection)
        mentions = connection.execute("select count(*) from fact_entity_mention").fetchone()[0]
        assert all(counted == [first_mentions, mentions] for counted in _mart_bounds(connection).values())
