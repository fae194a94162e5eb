"""Create the star schema and its views from the SQL files in `sql/`."""

from __future__ import annotations

from pathlib import Path

import duckdb

from wirehouse.paths import sql_dir

SCHEMA_FOLDERS = ("schema", "views")


def sql_files(folder: str, root: Path | None = None) -> list[Path]:
    return sorted(((root or sql_dir()) / folder).glob("*.sql"))


def read_sql(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def contract_tables(root: Path | None = None) -> list[str]:
    """Table names, one per DDL file in sql/schema/."""
    return [path.stem for path in sql_files("schema", root)]


def apply_schema(connection: duckdb.DuckDBPyConnection, root: Path | None = None) -> None:
    """Create missing tables and (re)create views; safe to run on every start."""
    for folder in SCHEMA_FOLDERS:
        for path in sql_files(folder, root):
            try:
                connection.execute(read_sql(path))
            except duckdb.Error as exc:
                raise RuntimeError(f"{path}: cannot apply to the warehouse: {exc}") from exc
