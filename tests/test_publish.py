"""Publishing without copying: the previous version, brought forward by the last run's journal,
is the next working copy; whatever path a run takes, the served warehouse is the same."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from flows.ingest import ingest_articles
from wirehouse.warehouse.publish import WorkingCopy, standby_is_current, working_copy_path
from tests.test_concurrency import star_content


def every_table(connection: duckdb.DuckDBPyConnection) -> dict[str, list[tuple]]:
    """Every row of every table, the full-text index's included."""
    tables = connection.execute(
        "select schema_name, table_name from duckdb_tables() where database_name = current_database() order by all"
    ).fetchall()
    return {f"{schema}.{table}": connection.execute(f'select * from "{schema}"."{table}" order by all').fetchall()
            for schema, table in tables}


@pytest.fixture(scope="module")
def inboxes(samples_dir, tmp_path_factory) -> list[Path]:
    """The samples split over three inboxes, as three deliveries."""
    files = sorted(samples_dir.rglob("*.txt"))
    root = tmp_path_factory.mktemp("deliveries")
    folders = []
    for number in range(3):
        folder = root / f"delivery{number}"
        folder.mkdir()
        for path in files[number::3]:
            shutil.copy(path, folder / path.name)
        folders.append(folder)
    return folders


@pytest.fixture(scope="module")
def reference(prefect_server, inboxes, tmp_path_factory) -> Path:
    warehouse = tmp_path_factory.mktemp("one-run") / "news.duckdb"
    ingest_articles(paths=[str(folder) for folder in inboxes], warehouse=str(warehouse))
    return warehouse


def test_later_runs_bring_the_previous_version_forward_instead_of_copying(prefect_server, inboxes, reference, tmp_path):
    warehouse = tmp_path / "news.duckdb"
    paths = [ingest_articles(paths=[str(folder)], warehouse=str(warehouse))["working_copy"] for folder in inboxes]
    # The first run has no previous version to keep, so the second copies; from then on none does.
    assert paths == ["new: no warehouse was served yet", "copied from the served file",
                     "brought forward by the last run's journal"]
    assert standby_is_current(warehouse)
    assert star_content(warehouse) == star_content(reference)
    # The next run's working copy, brought forward, is the served warehouse row for row.
    working = WorkingCopy(warehouse)
    connection = working.open()
    try:
        assert working.caught_up
        brought_forward = every_table(connection)
    finally:
        working.discard(connection)
    with duckdb.connect(str(warehouse), read_only=True) as served:
        assert brought_forward == every_table(served)
    assert not working_copy_path(warehouse).exists() and not standby_is_current(warehouse)


def test_a_reader_on_the_previous_version_makes_the_run_copy_and_keeps_its_snapshot(prefect_server, inboxes, reference,
                                                                                    tmp_path):
    warehouse = tmp_path / "news.duckdb"
    ingest_articles(paths=[str(inboxes[0])], warehouse=str(warehouse))
    ingest_articles(paths=[str(inboxes[1])], warehouse=str(warehouse))
    assert standby_is_current(warehouse)
    reader = subprocess.Popen(
        [sys.executable, "-c",
         "import duckdb, sys; c = duckdb.connect(sys.argv[1], read_only=True); "
         "print(c.execute('select count(*) from fact_article').fetchone()[0], flush=True); sys.stdin.read(); "
         "print(c.execute('select count(*) from fact_article').fetchone()[0], flush=True)", str(warehouse)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        first = int(reader.stdout.readline())
        # The reader's file becomes the previous version: the next run cannot write it and copies.
        assert ingest_articles(paths=[str(inboxes[2])], warehouse=str(warehouse))["working_copy"] == "brought forward by the last run's journal"
        assert ingest_articles(paths=[str(inboxes[0])], warehouse=str(warehouse))["working_copy"] == "copied from the served file"
        reader.stdin.close()
        assert int(reader.stdout.readline()) == first
    finally:
        reader.kill()
        reader.wait()
    assert star_content(warehouse) == star_content(reference)


def test_a_run_stopped_while_its_journal_is_created_leaves_no_journal(tmp_path, monkeypatch):
    """SIGTERM can land inside `Journal(...)`, after its file exists and before the working copy
    holds it: discarding must still remove it (CI saw `news.duckdb.work.journal` left behind)."""
    from wirehouse.warehouse import publish

    warehouse = tmp_path / "news.duckdb"
    with duckdb.connect(str(warehouse)) as served:
        served.execute("create table t as select 1 as x")

    class StoppedJournal(publish.Journal):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            raise SystemExit(143)  # what the CLI's SIGTERM handler raises

    monkeypatch.setattr(publish, "Journal", StoppedJournal)
    working = WorkingCopy(warehouse)
    with pytest.raises(SystemExit):
        working.open()
    assert working.journal is None and working.journal_file.exists()  # the window the stop landed in
    working.discard()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["news.duckdb"]
    with duckdb.connect(str(warehouse), read_only=True) as served:
        assert served.execute("select x from t").fetchall() == [(1,)]


def test_a_served_file_restored_by_hand_is_what_the_next_run_builds_on(prefect_server, inboxes, tmp_path):
    """The standby and its journal would bring the working copy to the version the last run
    published; a served file replaced since (a backup restored) must win, not be overwritten."""
    warehouse = tmp_path / "news.duckdb"
    ingest_articles(paths=[str(inboxes[0])], warehouse=str(warehouse))
    backup = tmp_path / "backup.duckdb"
    shutil.copyfile(warehouse, backup)
    ingest_articles(paths=[str(inboxes[1])], warehouse=str(warehouse))
    ingest_articles(paths=[str(inboxes[2])], warehouse=str(warehouse))
    assert standby_is_current(warehouse)
    shutil.copyfile(backup, warehouse)  # the user restores the first delivery's warehouse
    assert not standby_is_current(warehouse)
    restored = _source_files(warehouse)
    summary = ingest_articles(paths=[str(inboxes[1])], warehouse=str(warehouse))
    assert summary["working_copy"] == "copied from the served file"
    after = _source_files(warehouse)
    assert restored < after and not any(str(inboxes[2]) in path for path in after)  # delivery 2 stays undone


def _source_files(warehouse: Path) -> set[str]:
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        return {row[0] for row in connection.execute("select source_file from fact_article").fetchall()}
