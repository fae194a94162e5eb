"""Every file in sql/ parses with sqlglot, and every query qualifies against the live schema."""


import duckdb
import pytest

from wirehouse.paths import sql_dir
from wirehouse.warehouse.frames import TABLE_ORDER
from wirehouse.warehouse.schema import apply_schema
from wirehouse.warehouse.sqlcheck import check_sql_file, live_schema

SQL_FILES = sorted(sql_dir().rglob("*.sql"))


@pytest.fixture(scope="module")
def schema():
    connection = duckdb.connect()
    apply_schema(connection)
    tables = live_schema(connection, with_rowid=True)
    # Staging models read the loader's batch frames, which carry their target table's columns.
    tables.update({f"incoming_{table}": dict(tables[table]) for table in TABLE_ORDER})
    yield tables
    connection.close()


def test_sql_folder_has_the_dbt_like_layers():
    folders = {path.parent.name for path in SQL_FILES}
    assert {"schema", "staging", "marts", "views", "analysis"} <= folders
    assert {f"stg_{table}.sql" for table in TABLE_ORDER} <= {p.name for p in SQL_FILES}
    assert len(list((sql_dir() / "analysis").glob("*.sql"))) >= 10


@pytest.mark.parametrize("path", SQL_FILES, ids=lambda p: str(p.relative_to(sql_dir())))
def test_sql_file_is_sound(path, schema):
    assert check_sql_file(path, schema) == []


def test_checker_reports_an_unknown_column_with_file_and_line(tmp_path, schema):
    broken = tmp_path / "typo.sql"
    broken.write_text("select\n    fact_article.title,\n    fact_article.publised_date,\nfrom fact_article\n")
    [problem] = check_sql_file(broken, schema)
    assert problem.startswith(f"{broken}:3:")
    assert "publised_date" in problem


def test_checker_reports_an_unknown_table(tmp_path, schema):
    broken = tmp_path / "table.sql"
    broken.write_text("select count(*) from fact_articles\n")
    [problem] = check_sql_file(broken, schema)
    assert "unknown table 'fact_articles'" in problem


def test_every_analysis_file_states_its_question():
    for path in sorted((sql_dir() / "analysis").glob("*.sql")):
        assert path.read_text().startswith("-- Question: "), path


def test_analysis_queries_run_on_an_empty_warehouse():
    connection = duckdb.connect()
    apply_schema(connection)
    for path in sorted((sql_dir() / "analysis").glob("*.sql")):
        connection.execute(path.read_text()).fetchall()
