"""A busy writer lock is a transient error: the flow retries it with backoff, then gives up with a clear reason."""

from __future__ import annotations

import threading
from uuid import UUID

import pytest
from filelock import FileLock

from flows.ingest import ingest_articles
from tests.warehouse_queries import query
from wirehouse.warehouse.connection import WarehouseBusyError, writer_lock_path


@pytest.fixture
def quick_retries(monkeypatch):
    monkeypatch.setenv("WIREHOUSE_LOCK_TIMEOUT", "1")
    monkeypatch.setenv("WIREHOUSE_LOCK_RETRY_DELAY", "1")  # backoff 1 s, 2 s, 4 s


def _hold_lock(warehouse, seconds: float | None) -> FileLock:
    """Another writer: a real file lock on the warehouse, released after `seconds` (never if None)."""
    warehouse.parent.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(writer_lock_path(warehouse)), thread_local=False)
    lock.acquire()
    if seconds is not None:
        threading.Timer(seconds, lock.release).start()
    return lock


def _lock_task_run_count(flow_run_id: str) -> int:
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId, TaskRunFilter, TaskRunFilterName

    with get_client(sync_client=True) as client:
        [task_run] = client.read_task_runs(
            flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[UUID(flow_run_id)])),
            task_run_filter=TaskRunFilter(name=TaskRunFilterName(like_="acquire_writer")))
    return task_run.run_count


def test_a_lock_released_during_the_backoff_is_taken_on_retry(prefect_server, samples_dir, tmp_path, quick_retries,
                                                              monkeypatch):
    monkeypatch.setenv("WIREHOUSE_LOCK_RETRIES", "3")
    warehouse = tmp_path / "busy.duckdb"
    _hold_lock(warehouse, seconds=2.5)
    summary = ingest_articles(paths=[str(samples_dir / "tass_water_talks.txt")], warehouse=str(warehouse))
    assert summary["loaded"] == 1
    assert query(warehouse, "select count(*) from fact_article") == [(1,)]
    assert _lock_task_run_count(summary["run_id"]) >= 2  # the first wait timed out; a retry got the lock


def test_a_lock_never_released_fails_the_run_after_the_retries(prefect_server, samples_dir, tmp_path, quick_retries,
                                                               monkeypatch):
    monkeypatch.setenv("WIREHOUSE_LOCK_RETRIES", "1")
    warehouse = tmp_path / "held.duckdb"
    lock = _hold_lock(warehouse, seconds=None)
    try:
        with pytest.raises(WarehouseBusyError, match=r"busy\.duckdb\.lock|held\.duckdb\.lock") as raised:
            ingest_articles(paths=[str(samples_dir)], warehouse=str(warehouse))
    finally:
        lock.release()
    assert "WIREHOUSE_LOCK_TIMEOUT" in str(raised.value)
    assert not warehouse.exists()  # nothing was written while another writer held the lock
