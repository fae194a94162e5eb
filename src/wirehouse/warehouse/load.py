"""Write a validated batch into the star in one transaction."""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache

import duckdb
import pandas as pd

from wirehouse.ledger import Ledger
from wirehouse.paths import sql_dir
from wirehouse.stories.params import StoryParams
from wirehouse.stories.signatures import StorySketch
from wirehouse.warehouse.frames import TABLE_ORDER, StarFrames, ledger_frame
from wirehouse.warehouse.stories import StoryMatches, record_stories


# Set-based SQL run once per run, after its last batch: readers see the warehouse only when the run
# publishes, so per-batch upkeep would be work thrown away. fact_entity_surface.sql and
# fact_person_month.sql add the run's mentions to their counts (see INCREMENTAL_MARTS in schema.py);
# dim_entity_names.sql then names the run's entities from fact_entity_surface. Each finds the new
# mentions by row id, from where it last stopped (etl_mart_run.mention_rows).
MART_TRANSFORMS = ("dim_date.sql", "fact_entity_surface.sql", "dim_entity_names.sql", "fact_person_month.sql")


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


def known_contents(connection: duckdb.DuckDBPyConnection, digests: list[str]) -> dict[str, tuple[str, str]]:
    """File content hash → (article id, the article's source file), for bytes an earlier run already
    turned into an article that the warehouse still holds: such files need no decoding or parsing."""
    if not digests:
        return {}
    connection.register("wanted_content", pd.DataFrame({"content_sha256": digests}))
    try:
        rows = connection.execute(
            "select etl_file_ledger.content_sha256, any_value(fact_article.article_id), any_value(fact_article.source_file) "
            "from etl_file_ledger "
            "inner join wanted_content on etl_file_ledger.content_sha256 = wanted_content.content_sha256 "
            "inner join fact_article on etl_file_ledger.article_id = fact_article.article_id "
            "where etl_file_ledger.status in ('loaded', 'duplicate') "
            "group by etl_file_ledger.content_sha256"
        ).fetchall()
    finally:
        connection.unregister("wanted_content")
    return {digest: (article_id, source_file) for digest, article_id, source_file in rows}


@lru_cache(maxsize=None)
def staging_sql(table: str) -> str | None:
    """The staging model (sql/staging/stg_<table>.sql) that renames and casts a batch's rows, if any."""
    path = sql_dir() / "staging" / f"stg_{table}.sql"
    return path.read_text(encoding="utf-8") if path.exists() else None


# The grain of the large per-article tables, which declare no key (see their DDL): a batch's rows
# must be unique on it, and they cannot meet older rows because every row carries a new article's
# id (fact_article keeps its key, and a batch inserts it plainly, so an article loaded twice fails).
GRAIN = {
    "article_text": ("article_id",),
    "article_terms": ("article_id",),
    "etl_file_ledger": ("run_id", "file_path"),
    "article_field_span": ("article_id", "field", "start_char"),
    "article_keyphrase": ("article_id", "rank"),
    "bridge_article_topic": ("article_id", "topic_key"),
    "fact_entity_mention": ("article_id", "start_char", "end_char"),
    "fact_quote": ("article_id", "start_char", "end_char"),
}
# Inserted plainly: a conflict is an error, never skipped.
NEW_ROWS_ONLY = frozenset({"fact_article", *GRAIN})
# Dimensions whose key the loader keeps instead of an index (see their DDL): a batch's rows must be
# unique on it, and only keys the table does not hold yet are inserted, as `insert or ignore` would.
# An index on them cost every run a rewrite of its blocks at the checkpoint, growing with the warehouse.
KEPT_KEYS = {
    "dim_entity": ("entity_key",),
    "entity_alias": ("alias", "entity_key"),
}


class GrainError(ValueError):
    """A batch holds two rows for one key of a table's grain."""


def check_grain(table: str, frame: pd.DataFrame) -> None:
    key = GRAIN.get(table) or KEPT_KEYS.get(table)
    if key is None or frame.empty:
        return
    repeated = frame[frame.duplicated(subset=list(key), keep=False)]
    if not repeated.empty:
        first = repeated.iloc[0]
        raise GrainError(f"{table}: {len(repeated)} rows share a key of its grain ({', '.join(key)}), e.g. "
                         + ", ".join(f"{column}={_plain(first[column])!r}" for column in key))


def _plain(value):
    """A numpy scalar as the Python value it holds (for messages); anything else as it is."""
    return value.item() if hasattr(value, "item") else value


def _insert(connection: duckdb.DuckDBPyConnection, table: str, frame: pd.DataFrame, ignore_existing: bool = True) -> None:
    if frame.empty:
        return
    check_grain(table, frame)
    source = f"incoming_{table}"
    connection.register(source, frame)
    try:
        # Table names come from this module's constants, never from input; values travel in the DataFrame.
        rows = staging_sql(table) or f"select * from {source}"
        verb = "insert or ignore" if ignore_existing and table not in NEW_ROWS_ONLY else "insert"
        if table in KEPT_KEYS:
            verb, rows = "insert", f"select incoming.* from ({rows}) as incoming anti join {table} using ({', '.join(KEPT_KEYS[table])})"
        connection.execute(f"{verb} into {table} by name {rows}")
    finally:
        connection.unregister(source)


def load_batch(
    connection: duckdb.DuckDBPyConnection,
    frames: StarFrames,
    ledger: Ledger,
    run_id: str,
    seen_at: datetime,
    findings: pd.DataFrame | None = None,
    sketches: list[StorySketch] | None = None,
    story_params: StoryParams | None = None,
    story_matches: StoryMatches | None = None,
) -> None:
    """Dimensions, facts, story clusters, the batch's ledger rows and quality findings: all or nothing.
    `story_matches`: the sketches' stored matches, looked up ahead (see `find_story_matches`)."""
    connection.begin()
    try:
        for table in TABLE_ORDER:
            _insert(connection, table, frames[table])
        if sketches:
            record_stories(connection, sketches, story_params or StoryParams(), story_matches)
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


def refresh_marts(connection: duckdb.DuckDBPyConnection) -> None:
    """dim_date over the loaded range, the new runs' mentions added to fact_entity_surface, display
    names of the entities they mentioned and their articles added to fact_person_month, in one
    transaction. "New" is per transform: the runs etl_mart_run does not list for it yet."""
    connection.begin()
    try:
        for transform in MART_TRANSFORMS:
            connection.execute((sql_dir() / "marts" / transform).read_text(encoding="utf-8"))
        connection.commit()
    except BaseException:
        connection.rollback()
        raise
