"""Transpiling the star, the lineage document, full-text search and the read-only shell."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import sqlglot
from typer.testing import CliRunner

from flows.ingest import ingest_articles
from wirehouse.cli import app
from wirehouse.paths import project_root, sql_dir
from wirehouse.warehouse.lineage import lineage_markdown
from wirehouse.warehouse.transpile import DIALECTS, UntranslatableError, transpile_star

runner = CliRunner()


@pytest.mark.parametrize("dialect", DIALECTS)
def test_star_transpiles_to_every_target(dialect):
    sql = transpile_star(dialect)
    statements = sqlglot.parse(sql, read=dialect)
    created = {s.this.this.name if isinstance(s.this, sqlglot.exp.Schema) else s.this.name
               for s in statements if isinstance(s, sqlglot.exp.Create)}
    tables = {p.stem for p in (sql_dir() / "schema").glob("*.sql")}
    views = {p.stem for p in (sql_dir() / "views").glob("*.sql")}
    assert tables | views <= created
    if dialect in ("snowflake", "bigquery", "spark"):
        assert "-- adapted: " in sql and "CHECK" in sql.split("\n\n", 1)[0]


def test_untranslatable_constructs_fail_naming_the_file(tmp_path):
    (tmp_path / "schema").mkdir()
    (tmp_path / "views").mkdir()
    (tmp_path / "schema" / "t.sql").write_text("create table t (a integer, b integer);")
    (tmp_path / "views" / "v_odd.sql").write_text("create view v_odd as select array_agg(t.a order by t.b) as a from t;")
    with pytest.raises(UntranslatableError, match="v_odd.sql: cannot be written in bigquery"):
        transpile_star("bigquery", tmp_path)
    assert "ARRAY_AGG" in transpile_star("postgres", tmp_path)


def test_transpile_command_writes_a_file(tmp_path):
    target = tmp_path / "star.sql"
    result = runner.invoke(app, ["transpile", "--dialect", "postgres", "--output", str(target)])
    assert result.exit_code == 0 and target.read_text().startswith("-- Wirehouse star schema")
    refused = runner.invoke(app, ["transpile", "--dialect", "oracle"])
    assert refused.exit_code == 1 and "choose one of" in refused.output


def test_lineage_document_is_current():
    committed = (project_root() / "docs" / "view_lineage.md").read_text(encoding="utf-8")
    assert committed == lineage_markdown(), "run `wirehouse lineage` and commit docs/view_lineage.md"
    assert "| canonical_name | dim_entity.canonical_name |" in committed


@pytest.fixture(scope="module")
def searchable(prefect_server, samples_dir, tmp_path_factory):
    warehouse = tmp_path_factory.mktemp("search") / "news.duckdb"
    ingest_articles(paths=[str(samples_dir)], warehouse=str(warehouse))
    return warehouse


def test_search_finds_articles_by_stemmed_words(searchable):
    result = runner.invoke(app, ["search", "vaccinations", "measles", "--warehouse", str(searchable)])
    assert result.exit_code == 0, result.output
    first_row = next(line for line in result.output.splitlines() if "2024-01-10" in line)
    assert "AP" in first_row
    nothing = runner.invoke(app, ["search", "zeppelin", "--warehouse", str(searchable)])
    assert nothing.exit_code == 0 and "No article matches" in nothing.output


def test_sql_without_a_query_opens_the_duckdb_shell_read_only(searchable):
    wirehouse = Path(sys.executable).with_name("wirehouse")
    shell = subprocess.run([str(wirehouse), "sql", "--warehouse", str(searchable)], input=
                           "select count(*) as n from fact_article;\ndelete from fact_article;\n",
                           capture_output=True, text=True, timeout=120)
    assert "10" in shell.stdout
    assert "read-only" in (shell.stdout + shell.stderr).lower()


def test_export_writes_every_table_as_parquet(searchable, tmp_path):
    import duckdb

    result = runner.invoke(app, ["export", "--warehouse", str(searchable), "--output", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    years = sorted(p.name for p in (tmp_path / "out" / "fact_article").iterdir())
    assert "published_year=2024" in years and "published_year=__HIVE_DEFAULT_PARTITION__" in years  # undated articles
    with duckdb.connect() as connection:
        articles = connection.execute(
            "select count(*) from read_parquet(?, hive_partitioning = true)",
            [str(tmp_path / "out" / "fact_article" / "*" / "*.parquet")]).fetchone()[0]
        mentions = connection.execute("select count(*) from read_parquet(?)",
                                      [str(tmp_path / "out" / "fact_entity_mention.parquet")]).fetchone()[0]
    with duckdb.connect(str(searchable), read_only=True) as source:
        assert (articles, mentions) == source.execute(
            "select (select count(*) from fact_article), (select count(*) from fact_entity_mention)").fetchone()
    assert (tmp_path / "out" / "dim_entity.parquet").exists() and (tmp_path / "out" / "etl_file_ledger.parquet").exists()
