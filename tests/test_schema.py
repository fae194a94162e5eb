"""The warehouse contract (shared/design/warehouse.md): tables, columns and comments."""

import duckdb
import pytest

from wirehouse.paths import sql_dir
from wirehouse.warehouse.schema import apply_schema

CONTRACT = {
    "fact_article": ["article_id", "source_file", "title", "subtitle", "published_date", "date_source",
                     "date_confidence", "dateline_place", "source_key", "location_key", "date_key", "language",
                     "word_count", "loaded_at", "run_id"],
    "article_text": ["article_id", "full_text"],
    "dim_source": ["source_key", "name", "kind"],
    "dim_date": ["date_key", "date", "year", "quarter", "month", "month_name", "day", "day_of_week", "day_name",
                 "iso_week", "is_weekend"],
    "dim_location": ["location_key", "name", "country_code", "latitude", "longitude", "kind"],
    "dim_entity": ["entity_key", "canonical_name", "entity_type"],
    "entity_alias": ["alias", "entity_key", "method"],
    "fact_entity_mention": ["article_id", "entity_key", "mention_text", "label", "start_char", "end_char",
                            "section", "sentence_index"],
    "dim_topic": ["topic_key", "scheme", "code", "label", "parent_key"],
    "bridge_article_topic": ["article_id", "topic_key", "score", "rank"],
    "fact_quote": ["article_id", "speaker_entity_key", "quote_text", "start_char", "end_char", "kind"],
    "etl_file_ledger": ["file_path", "content_sha256", "article_id", "status", "reason", "run_id", "seen_at"],
    "etl_run": ["run_id", "flow_run_id", "started_at", "finished_at", "status"],
}


@pytest.fixture(scope="module")
def connection():
    connection = duckdb.connect()
    apply_schema(connection)
    yield connection
    connection.close()


def columns(connection, table):
    return [r[0] for r in connection.execute(
        "select column_name from information_schema.columns where table_name = ? order by ordinal_position", [table]
    ).fetchall()]


@pytest.mark.parametrize("table", sorted(CONTRACT))
def test_contract_table_has_its_columns(connection, table):
    assert set(CONTRACT[table]) <= set(columns(connection, table))


def test_every_table_view_and_column_is_commented(connection):
    uncommented_tables = connection.execute(
        "select table_name from duckdb_tables() where comment is null and schema_name = 'main' "
        "union all select view_name from duckdb_views() where not internal and comment is null"
    ).fetchall()
    uncommented_columns = connection.execute(
        "select table_name || '.' || column_name from duckdb_columns() "
        "where comment is null and schema_name = 'main' and table_name in (select table_name from duckdb_tables() "
            "union all select view_name from duckdb_views() where not internal)"
    ).fetchall()
    assert uncommented_tables == [] and uncommented_columns == []


def test_applying_the_schema_twice_is_harmless(connection):
    apply_schema(connection)
    assert set(CONTRACT) <= {r[0] for r in connection.execute("select table_name from duckdb_tables()").fetchall()}


def test_columns_new_to_the_ddl_are_added_to_an_older_warehouse():
    older = duckdb.connect()
    older.execute("create table fact_article (article_id varchar primary key, source_file varchar not null)")
    older.execute("insert into fact_article values ('a', '/inbox/a.txt')")
    apply_schema(older)
    assert set(CONTRACT["fact_article"]) <= set(columns(older, "fact_article"))
    assert older.execute("select source_file, title from fact_article").fetchall() == [("/inbox/a.txt", None)]


def test_a_key_the_ddl_no_longer_declares_is_dropped_from_an_older_warehouse_rows_kept():
    older = duckdb.connect()
    older.execute(
        "create table fact_entity_mention (article_id varchar not null, entity_key varchar not null, "
        "mention_text varchar not null, label varchar not null, start_char integer not null, end_char integer not null, "
        "section varchar not null, sentence_index integer not null, legacy_note varchar, "
        "primary key (article_id, start_char, end_char))")
    older.execute("insert into fact_entity_mention values ('a', 'e1', 'Lavrov', 'PERSON', 0, 6, 'body', 0, 'kept'), "
                  "('a', 'e2', 'Geneva', 'GPE', 10, 16, 'body', 0, null)")
    apply_schema(older)
    keys = older.execute("select count(*) from duckdb_constraints() where table_name = 'fact_entity_mention' "
                         "and constraint_type = 'PRIMARY KEY'").fetchone()[0]
    assert keys == 0
    assert older.execute("select entity_key, mention_text, role, legacy_note from fact_entity_mention order by start_char"
                         ).fetchall() == [("e1", "Lavrov", None, "kept"), ("e2", "Geneva", None, None)]
    assert older.execute("select comment from duckdb_tables() where table_name = 'fact_entity_mention'").fetchone()[0]
    apply_schema(older)  # nothing left to migrate: the rows stay as they are
    assert older.execute("select count(*) from fact_entity_mention").fetchone()[0] == 2


def test_a_batch_that_repeats_a_key_of_a_tables_grain_is_refused_by_name():
    import pandas as pd

    from wirehouse.warehouse.load import GrainError, check_grain

    check_grain("fact_quote", pd.DataFrame({"article_id": ["a", "a"], "start_char": [0, 5], "end_char": [4, 9]}))
    with pytest.raises(GrainError, match=r"fact_quote: 2 rows share a key .*article_id='a', start_char=0, end_char=4"):
        check_grain("fact_quote", pd.DataFrame({"article_id": ["a", "a"], "start_char": [0, 0], "end_char": [4, 4]}))


def test_memory_limit_holds_for_the_block_and_is_restored(tmp_path):
    from wirehouse.warehouse.connection import memory_limit

    with duckdb.connect(str(tmp_path / "limit.duckdb"), config={"memory_limit": "128MB"}) as connection:
        def current() -> str:
            return connection.execute("select current_setting('memory_limit')").fetchone()[0]

        before = current()
        with memory_limit(connection, 256):
            assert current() == "244.1 MiB"  # DuckDB reports 256 MB in MiB
        assert current() == before == "122.0 MiB"
        with memory_limit(connection, 0):  # 0: left as it is
            assert current() == before
        with pytest.raises(RuntimeError, match="inside"), memory_limit(connection, 512):
            raise RuntimeError("inside")
        assert current() == before


def test_the_index_stage_never_gets_less_memory_than_the_writer(monkeypatch):
    from wirehouse.config import Settings

    monkeypatch.delenv("WIREHOUSE_WRITER_MEMORY_MB", raising=False)
    monkeypatch.delenv("WIREHOUSE_INDEX_MEMORY_MB", raising=False)
    assert (Settings().writer_memory_mb, Settings().search_index_memory_mb) == (96, 256)
    monkeypatch.setenv("WIREHOUSE_WRITER_MEMORY_MB", "1024")
    assert Settings().search_index_memory_mb == 1024
    monkeypatch.setenv("WIREHOUSE_WRITER_MEMORY_MB", "0")  # DuckDB's default: left alone
    assert Settings().search_index_memory_mb == 0


def test_a_schema_that_fails_half_way_changes_nothing(tmp_path):
    """apply_schema is one transaction: a broken DDL file names itself and leaves the warehouse as it was."""
    root = tmp_path / "sql"
    (root / "schema").mkdir(parents=True)
    (root / "views").mkdir()
    (root / "schema" / "a_first.sql").write_text("create table if not exists a_first (x integer);\n")
    (root / "schema" / "b_broken.sql").write_text("create table if not exists b_broken (x no_such_type);\n")
    warehouse = duckdb.connect(str(tmp_path / "w.duckdb"))
    with pytest.raises(RuntimeError, match="b_broken.sql: cannot apply to the warehouse"):
        apply_schema(warehouse, root)
    assert warehouse.execute("select count(*) from duckdb_tables() where table_name = 'a_first'").fetchone()[0] == 0
    (root / "schema" / "b_broken.sql").write_text("create table if not exists b_broken (x integer);\n")
    apply_schema(warehouse, root)  # the connection is usable again: the failed transaction was rolled back
    assert sorted(r[0] for r in warehouse.execute("select table_name from duckdb_tables()").fetchall()) == ["a_first", "b_broken"]


def _entity_frames(entities: list[tuple[str, str]], aliases: list[tuple[str, str]]):
    """A batch that carries only dimension rows: (entity_key, canonical_name) and (alias, entity_key)."""
    import pandas as pd

    from wirehouse.warehouse.frames import TABLE_ORDER, StarFrames

    tables = {table: pd.DataFrame() for table in TABLE_ORDER}
    tables["dim_entity"] = pd.DataFrame([{"entity_key": key, "canonical_name": name, "entity_type": "PERSON",
                                          "name_source": "observed", "related_entity_key": None, "relation": None,
                                          "location_key": None} for key, name in entities])
    tables["entity_alias"] = pd.DataFrame([{"alias": alias, "entity_key": key, "method": "exact"}
                                           for alias, key in aliases])
    return StarFrames(tables)


def test_entity_keys_are_kept_by_the_loader_without_an_index():
    """dim_entity and entity_alias declare no key (an index on them was rewritten at every
    checkpoint); the loader inserts only the keys they lack, and refuses a batch that repeats one."""
    from datetime import datetime, timezone

    from wirehouse.ledger import Ledger
    from wirehouse.warehouse.load import GrainError, load_batch

    connection = duckdb.connect()
    apply_schema(connection)
    indexed = connection.execute("select count(*) from duckdb_constraints() where table_name in ('dim_entity', "
                                 "'entity_alias') and constraint_type in ('PRIMARY KEY', 'UNIQUE')").fetchone()[0]
    assert indexed == 0
    now = datetime.now(timezone.utc)
    load_batch(connection, _entity_frames([("k1", "Sergei Lavrov"), ("k2", "Annalena Baerbock")],
                                          [("Lavrov", "k1"), ("Sergei Lavrov", "k1")]), Ledger(), "r1", now)
    # The next batch sees k1 again under another surface form and name: the stored row stands.
    load_batch(connection, _entity_frames([("k1", "Sergey Lavrov"), ("k3", "Wang Yi")],
                                          [("Lavrov", "k1"), ("Sergey Lavrov", "k1"), ("Wang", "k3")]), Ledger(), "r2", now)
    assert connection.execute("select entity_key, canonical_name from dim_entity order by entity_key").fetchall() == [
        ("k1", "Sergei Lavrov"), ("k2", "Annalena Baerbock"), ("k3", "Wang Yi")]
    assert connection.execute("select alias, entity_key from entity_alias order by all").fetchall() == [
        ("Lavrov", "k1"), ("Sergei Lavrov", "k1"), ("Sergey Lavrov", "k1"), ("Wang", "k3")]
    with pytest.raises(GrainError, match=r"dim_entity: 2 rows share a key .*entity_key='k4'"):
        load_batch(connection, _entity_frames([("k4", "A"), ("k4", "B")], []), Ledger(), "r3", now)
    assert connection.execute("select count(*) from dim_entity").fetchone()[0] == 3  # the refused batch left nothing


def test_an_older_warehouse_loses_its_entity_keys_rows_kept():
    older = duckdb.connect()
    older.execute("create table dim_entity (entity_key varchar primary key, canonical_name varchar not null, "
                  "entity_type varchar not null)")
    older.execute("create table entity_alias (alias varchar not null, entity_key varchar not null, "
                  "method varchar not null, primary key (alias, entity_key))")
    older.execute("insert into dim_entity values ('k1', 'Sergei Lavrov', 'PERSON')")
    older.execute("insert into entity_alias values ('Lavrov', 'k1', 'surname_in_article')")
    apply_schema(older)
    assert older.execute("select count(*) from duckdb_constraints() where table_name in ('dim_entity', 'entity_alias') "
                         "and constraint_type = 'PRIMARY KEY'").fetchone()[0] == 0
    assert older.execute("select entity_key, canonical_name, name_source from dim_entity").fetchall() == [
        ("k1", "Sergei Lavrov", "observed")]
    assert older.execute("select * from entity_alias").fetchall() == [("Lavrov", "k1", "surname_in_article")]


def test_a_check_the_ddl_widened_is_rebuilt_into_an_older_warehouse_rows_kept():
    older = duckdb.connect()
    older.execute((sql_dir() / "schema" / "fact_article.sql").read_text().replace("'dateline+reference', ", ""))
    older.execute("insert into fact_article (article_id, source_file, content_sha256, date_source, date_confidence, "
                  "word_count, loaded_at, run_id) values ('a', '/inbox/a.txt', 'x', 'dateline', 0.95, 10, now(), 'r')")
    apply_schema(older)
    older.execute("insert into fact_article (article_id, source_file, content_sha256, date_source, date_confidence, "
                  "word_count, loaded_at, run_id) values ('b', '/inbox/b.txt', 'y', 'dateline+reference', 0.6, 10, now(), 'r')")
    assert older.execute("select article_id, date_source from fact_article order by 1").fetchall() == [
        ("a", "dateline"), ("b", "dateline+reference")]
    keys = older.execute("select count(*) from duckdb_constraints() where table_name = 'fact_article' "
                         "and constraint_type = 'PRIMARY KEY'").fetchone()[0]
    assert keys == 1
