"""The etl_run record: opened when a run starts, closed with its counts."""

from __future__ import annotations

from datetime import datetime, timezone

import duckdb


def now() -> datetime:
    return datetime.now(timezone.utc)


def start_run(connection: duckdb.DuckDBPyConnection, run_id: str, flow_run_id: str | None) -> None:
    connection.execute(
        "insert into etl_run (run_id, flow_run_id, started_at, status) values (?, ?, ?, 'running')",
        [run_id, flow_run_id, now()],
    )


def finish_run(connection: duckdb.DuckDBPyConnection, run_id: str, status: str, error: str | None = None) -> dict:
    """Close the run with counts taken from its ledger rows; return them."""
    connection.execute(
        """
        update etl_run set
            finished_at = ?,
            status = ?,
            error = ?,
            files_seen = (select count(*) from etl_file_ledger where run_id = ?),
            loaded_count = (select count(*) from etl_file_ledger where run_id = ? and status = 'loaded'),
            duplicate_count = (select count(*) from etl_file_ledger where run_id = ? and status = 'duplicate'),
            quarantined_count = (select count(*) from etl_file_ledger where run_id = ? and status = 'quarantined'),
            failed_count = (select count(*) from etl_file_ledger where run_id = ? and status = 'failed'),
            mention_count = (
                select count(*) from fact_entity_mention
                inner join fact_article on fact_entity_mention.article_id = fact_article.article_id
                where fact_article.run_id = ?
            )
        where run_id = ?
        """,
        [now(), status, error, run_id, run_id, run_id, run_id, run_id, run_id, run_id],
    )
    row = connection.execute(
        "select files_seen, loaded_count, duplicate_count, quarantined_count, failed_count, mention_count "
        "from etl_run where run_id = ?",
        [run_id],
    ).fetchone()
    names = ("files_seen", "loaded", "duplicate", "quarantined", "failed", "mentions")
    return dict(zip(names, row))


def set_data_docs(connection: duckdb.DuckDBPyConnection, run_id: str, index: object) -> None:
    connection.execute("update etl_run set data_docs = ? where run_id = ?", [str(index), run_id])


def set_aside(connection: duckdb.DuckDBPyConnection, run_id: str) -> list[tuple[str, str, str]]:
    """(status, file, reason) of the run's quarantined and failed files."""
    return connection.execute(
        "select status, file_path, reason from etl_file_ledger "
        "where run_id = ? and status in ('quarantined', 'failed') order by file_path",
        [run_id],
    ).fetchall()
