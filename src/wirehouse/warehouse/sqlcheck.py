"""Check the SQL in `sql/` with sqlglot: every file parses, and queries qualify against the schema."""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import sqlglot
from sqlglot import exp
from sqlglot.errors import OptimizeError, ParseError
from sqlglot.optimizer.qualify import qualify

DIALECT = "duckdb"


def live_schema(connection: duckdb.DuckDBPyConnection, with_rowid: bool = False) -> dict[str, dict[str, str]]:
    """Table and view name → column name → type, read from the database itself. `with_rowid`: the
    tables also list DuckDB's `rowid` pseudo-column (the marts find new rows by it; views have none),
    for checking queries, not for expanding `*`."""
    schema: dict[str, dict[str, str]] = {}
    for table, column, data_type in connection.execute(
        "select table_name, column_name, data_type from information_schema.columns "
        "where table_schema = 'main' order by table_name, ordinal_position"
    ).fetchall():
        schema.setdefault(table, {})[column] = data_type
    if with_rowid:
        for (table,) in connection.execute(
            "select table_name from information_schema.tables where table_schema = 'main' and table_type = 'BASE TABLE'"
        ).fetchall():
            schema[table].setdefault("rowid", "BIGINT")
    return schema


def _line_of(text: str, needle: str) -> int:
    match = re.search(r"\b" + re.escape(needle) + r"\b", text)
    return text.count("\n", 0, match.start()) + 1 if match else 1


def _query_of(statement: exp.Expression) -> exp.Expression | None:
    """The SELECT a statement runs (a view's body, an insert's source), or None for pure DDL."""
    if isinstance(statement, (exp.Select, exp.Union, exp.Subquery)):
        return statement
    if isinstance(statement, exp.Create) and isinstance(statement.expression, (exp.Select, exp.Union)):
        return statement.expression
    if isinstance(statement, exp.Insert) and isinstance(statement.expression, (exp.Select, exp.Union)):
        return statement.expression
    if isinstance(statement, exp.Merge) and isinstance(statement.args.get("using"), exp.Subquery):
        return statement.args["using"].this  # the rows merged in
    return None


def check_sql_file(path: Path, schema: dict[str, dict[str, str]]) -> list[str]:
    """Problems found in one file, each as `file:line: message`; empty when it is sound."""
    text = path.read_text(encoding="utf-8")
    try:
        statements = [s for s in sqlglot.parse(text, read=DIALECT) if s is not None]
    except ParseError as exc:
        line = exc.errors[0].get("line", 1) if exc.errors else 1
        return [f"{path}:{line}: does not parse as DuckDB SQL: {exc}"]
    problems = []
    for statement in statements:
        query = _query_of(statement)
        if query is None:
            continue
        for table in query.find_all(exp.Table):
            if table.name and table.name not in schema and not _is_cte(query, table.name):
                problems.append(f"{path}:{_line_of(text, table.name)}: unknown table {table.name!r}")
        if problems:
            continue
        try:
            qualify(query.copy(), schema=schema, dialect=DIALECT, validate_qualify_columns=True)
        except OptimizeError as exc:
            name = re.search(r"column:?\s*'?([\w.]+)", str(exc), re.IGNORECASE) or re.search(r"'([^']+)'", str(exc))
            line = _line_of(text, name.group(1).split(".")[-1]) if name else 1
            problems.append(f"{path}:{line}: {exc}")
    return problems


def _is_cte(query: exp.Expression, name: str) -> bool:
    return any(cte.alias == name for cte in query.find_all(exp.CTE))
