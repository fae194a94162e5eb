"""`runner="dask"` puts the NLP stage on a real local Dask cluster and must give the same warehouse."""

from __future__ import annotations

from uuid import UUID

from flows.ingest import ingest_articles
from tests.warehouse_queries import query
from wirehouse import progress

# Columns that say when and by which run a row was loaded differ between any two runs.
RUN_COLUMNS = ("loaded_at", "run_id")


class ProgressRecorder:
    def __init__(self) -> None:
        self.totals: list[int] = []
        self.advances: list[tuple[int, str]] = []

    def started(self, total_files: int) -> None:
        self.totals.append(total_files)

    def advanced(self, files_done: int, note: str) -> None:
        self.advances.append((files_done, note))


def _table(path, table: str) -> list[tuple]:
    columns = [c for (c,) in query(path, "select column_name from duckdb_columns() where table_name = ? "
                                         "order by column_index", [table]) if c not in RUN_COLUMNS]
    return query(path, f"select {', '.join(columns)} from {table} order by all")


def test_dask_runner_gives_the_same_warehouse_as_the_default(prefect_server, seeds_dir, tmp_path, monkeypatch):
    monkeypatch.setenv("WIREHOUSE_DASK_SHARD_SIZE", "2")  # several shards, so order and merging are exercised
    local, dask = tmp_path / "local.duckdb", tmp_path / "dask.duckdb"
    ingest_articles(paths=[str(seeds_dir)], warehouse=str(local))
    recorder = ProgressRecorder()
    with progress.listening(recorder):
        summary = ingest_articles(paths=[str(seeds_dir)], warehouse=str(dask), runner="dask")

    assert summary["loaded"] == 5 and summary["failed"] == 0, summary
    for table in ("fact_article", "fact_entity_mention", "bridge_article_topic", "fact_quote", "dim_entity", "entity_alias"):
        assert _table(dask, table) == _table(local, table), f"{table} differs between the dask and local runners"
    assert len(_table(dask, "fact_article")) == 5

    # The shards ran as Prefect task runs of this flow run (reported to the same API, not a worker's own).
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId, TaskRunFilter, TaskRunFilterName

    with get_client(sync_client=True) as client:
        shard_runs = client.read_task_runs(
            flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[UUID(summary["run_id"])])),
            task_run_filter=TaskRunFilter(name=TaskRunFilterName(like_="analyze_shard")))
    assert len(shard_runs) == 3 and all(run.state.is_completed() for run in shard_runs)

    # The CLI's progress bar is fed these notices: one start with the file count, advances adding up to it.
    assert recorder.totals == [5]
    assert sum(done for done, _ in recorder.advances) == 5 and recorder.advances[-1][1] == "batch 1/1"


def test_unknown_runner_is_refused_with_the_choices(prefect_server, seeds_dir, tmp_path):
    import pytest

    with pytest.raises(Exception, match="'local' or 'dask'"):
        ingest_articles(paths=[str(seeds_dir)], warehouse=str(tmp_path / "x.duckdb"), runner="spark")
