"""Write a validated batch into the star in one transaction."""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache

import duckdb
import pandas as pd

from wirehouse.ledger import Ledger
from wirehouse.paths import sql_dir
from wirehouse.warehouse.frames import TABLE_ORDER, StarFrames, ledger_frame


# Set-based SQL run inside each batch's transaction, after the rows are in.
LOAD_TRANSFORMS = ("dim_date.sql", "dim_entity_names.sql")


def known_articles(connection: duckdb.DuckDBPyConnection, article_ids: list[str]) -> dict[str, str]:
    """Article id → source file, for the given ids that the warehouse already holds."""
    if not article_ids:
        return {}
    wanted = pd.DataFrame({"article_id": article_ids})
    connection.register("wanted_article", wanted)
    try:
        rows = connection.execute(
            "select fact_article.article_id, fact_article.source_file from fact_article "
            "inner join wanted_article on fact_article.article_id = wanted_article.article_id"
        ).fetchall()
    finally:
        connection.unregister("wanted_article")
    return dict(rows)


@lru_cache(maxsize=None)
def staging_sql(table: str) -> str | None:
    """The staging model (sql/staging/stg_<table>.sql) that renames and casts a batch's rows, if any."""
    path = sql_dir() / "staging" / f"stg_{table}.sql"
    return path.read_text(encoding="utf-8") if path.exists() else None


def _insert(connection: duckdb.DuckDBPyConnection, table: str, frame: pd.DataFrame, ignore_existing: bool = True) -> None:
    if frame.empty:
        return
    source = f"incoming_{table}"
    connection.register(source, frame)
    try:
        # Table names come from this module's constants, never from input; values travel in the DataFrame.
        verb = "insert or ignore" if ignore_existing else "insert"
        connection.execute(f"{verb} into {table} by name {staging_sql(table) or f'select * from {source}'}")
    finally:
        connection.unregister(source)


def load_batch(
    connection: duckdb.DuckDBPyConnection,
    frames: StarFrames,
    ledger: Ledger,
    run_id: str,
    seen_at: datetime,
    findings: pd.DataFrame | None = None,
) -> None:
    """Dimensions, facts, dim_date, the batch's ledger rows and quality findings: all or nothing."""
    connection.begin()
    try:
        for table in TABLE_ORDER:
            _insert(connection, table, frames[table])
        for transform in LOAD_TRANSFORMS:
            connection.execute((sql_dir() / "marts" / transform).read_text(encoding="utf-8"))
        _insert(connection, "etl_file_ledger", ledger_frame(ledger, run_id, seen_at))
        if findings is not None:
            _insert(connection, "etl_quality_finding", findings, ignore_existing=False)
        connection.commit()
    except BaseException:
        connection.rollback()
        raise


def record_ledger(connection: duckdb.DuckDBPyConnection, ledger: Ledger, run_id: str, seen_at: datetime) -> None:
    """Ledger rows alone, for a batch that could not be loaded."""
    _insert(connection, "etl_file_ledger", ledger_frame(ledger, run_id, seen_at))
