"""The star's DDL and views in another warehouse's SQL dialect, with sqlglot.

sqlglot translates expressions and raises on ones it cannot; on top of that, declarations the
target does not support are adapted and each adaptation is listed in the output's header:
constraints that warehouse does not accept are dropped (they are not enforced there anyway),
and comments become the target's own form (BigQuery `OPTIONS(description=...)`, Spark `COMMENT`).
"""

from __future__ import annotations

from pathlib import Path

import sqlglot
from sqlglot import exp
from sqlglot.errors import ErrorLevel, ParseError, UnsupportedError

from wirehouse.paths import sql_dir

DIALECTS = ("postgres", "snowflake", "bigquery", "spark")
# Which constraint declarations each target accepts in CREATE TABLE.
_KEEPS_CHECK = {"postgres"}
_KEEPS_KEYS = {"postgres", "snowflake"}


class UntranslatableError(ValueError):
    """A statement uses something the target dialect cannot express."""


def _quote(text: str) -> str:
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def _strip_constraints(create: exp.Create, dialect: str, notes: list[str]) -> None:
    schema = create.this
    if not isinstance(schema, exp.Schema):
        return
    table = schema.this.name
    kept = []
    for item in schema.expressions:
        if isinstance(item, exp.CheckColumnConstraint) and dialect not in _KEEPS_CHECK:
            notes.append(f"{table}: CHECK {item.this.sql('duckdb')} dropped ({dialect} has no CHECK constraints)")
            continue
        if isinstance(item, (exp.PrimaryKey, exp.UniqueColumnConstraint)) and dialect not in _KEEPS_KEYS:
            notes.append(f"{table}: {item.sql('duckdb')} dropped ({dialect} does not declare keys in CREATE TABLE)")
            continue
        if isinstance(item, exp.ColumnDef):
            constraints = []
            for constraint in item.args.get("constraints") or []:
                kind = constraint.args.get("kind")
                if isinstance(kind, exp.CheckColumnConstraint) and dialect not in _KEEPS_CHECK:
                    notes.append(f"{table}.{item.name}: CHECK dropped ({dialect} has no CHECK constraints)")
                    continue
                if isinstance(kind, (exp.PrimaryKeyColumnConstraint, exp.UniqueColumnConstraint)) \
                        and dialect not in _KEEPS_KEYS:
                    notes.append(f"{table}.{item.name}: {kind.sql('duckdb')} dropped")
                    continue
                if isinstance(kind, exp.DefaultColumnConstraint) and dialect == "bigquery":
                    notes.append(f"{table}.{item.name}: DEFAULT dropped (set it when loading)")
                    continue
                constraints.append(constraint)
            item.set("constraints", constraints)
        kept.append(item)
    schema.set("expressions", kept)


def _comment(statement: exp.Comment, dialect: str, notes: list[str]) -> str | None:
    kind = statement.args.get("kind", "").lower()
    target = statement.this.sql(dialect=dialect)
    text = statement.expression.name
    if dialect == "bigquery":
        if kind in ("table", "view"):
            return f"ALTER {kind.upper()} {target} SET OPTIONS (description = {_quote(text)})"
        table, column = target.rsplit(".", 1)
        return f"ALTER TABLE {table} ALTER COLUMN {column} SET OPTIONS (description = {_quote(text)})"
    if dialect == "spark":
        if kind == "table":
            return f"COMMENT ON TABLE {target} IS {_quote(text)}"
        if kind == "column":
            table, column = target.rsplit(".", 1)
            return f"ALTER TABLE {table} ALTER COLUMN {column} COMMENT {_quote(text)}"
        notes.append(f"{target}: view comment dropped (Spark cannot comment on a view after creating it)")
        return None
    return None  # postgres and snowflake take COMMENT ON as written


def transpile_statement(statement: exp.Expression, dialect: str, notes: list[str]) -> str | None:
    statement = statement.copy()
    if isinstance(statement, exp.Comment):
        adapted = _comment(statement, dialect, notes)
        if adapted is not None or dialect in ("bigquery", "spark"):
            return adapted
    if isinstance(statement, exp.Create) and statement.args.get("kind", "").upper() == "TABLE":
        _strip_constraints(statement, dialect, notes)
    return statement.sql(dialect=dialect, pretty=True, unsupported_level=ErrorLevel.RAISE)


def transpile_star(dialect: str, root: Path | None = None) -> str:
    """Every table and view of the star in `dialect`; raises UntranslatableError naming the file."""
    if dialect not in DIALECTS:
        raise ValueError(f"unknown dialect {dialect!r}; choose one of {', '.join(DIALECTS)}")
    base = root or sql_dir()
    statements, notes = [], []
    for folder in ("schema", "views"):
        for path in sorted((base / folder).glob("*.sql")):
            try:
                parsed = sqlglot.parse(path.read_text(encoding="utf-8"), read="duckdb")
            except ParseError as exc:
                raise UntranslatableError(f"{path}: does not parse as DuckDB SQL: {exc}") from exc
            statements.append(f"-- {path.relative_to(base)}")
            for statement in parsed:
                if statement is None:
                    continue
                try:
                    sql = transpile_statement(statement, dialect, notes)
                except UnsupportedError as exc:
                    raise UntranslatableError(f"{path}: cannot be written in {dialect}: {exc}") from exc
                if sql:
                    statements.append(sql + ";")
    header = [f"-- Wirehouse star schema and views, transpiled from DuckDB to {dialect} by sqlglot {sqlglot.__version__}."]
    header += [f"-- adapted: {note}" for note in notes] or ["-- adapted: nothing"]
    return "\n".join(header) + "\n\n" + "\n\n".join(statements) + "\n"
