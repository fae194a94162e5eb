"""Every warehouse table as Parquet, for Spark, Trino or another warehouse."""

from __future__ import annotations

from pathlib import Path

import duckdb

# Tables big enough to be worth splitting by publication year (Hive-style folders: published_year=2020/).
PARTITIONED = {
    "fact_article": ("published_year", "year(fact_article.published_date)"),
}


def _literal(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def export_tables(connection: duckdb.DuckDBPyConnection, output: Path) -> dict[str, Path]:
    """Write each table of the main schema to `output`; returns table → file or folder written."""
    output.mkdir(parents=True, exist_ok=True)
    tables = [row[0] for row in connection.execute(
        "select table_name from duckdb_tables() where schema_name = 'main' order by table_name").fetchall()]
    written = {}
    for table in tables:
        if table in PARTITIONED:
            column, expression = PARTITIONED[table]
            target = output / table
            # Names are the warehouse's own tables; the folder is quoted as a SQL string literal.
            connection.execute(
                f"copy (select *, {expression} as {column} from {table}) to {_literal(target)} "
                f"(format parquet, partition_by ({column}), overwrite_or_ignore)")
        else:
            target = output / f"{table}.parquet"
            connection.execute(f"copy {table} to {_literal(target)} (format parquet)")
        written[table] = target
    return written
