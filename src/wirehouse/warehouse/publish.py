"""Readers are never blocked: the writer loads a private working copy and publishes it atomically.

A DuckDB file takes one writing process or many readers, and a reader (the DuckDB shell, a BI
tool) blocks a writer. So an ingest never opens the served file for writing:

1. under the writer lock it copies the served `news.duckdb` to `news.duckdb.work`;
2. every batch commits into the working copy in one transaction;
3. at the end it checkpoints, closes, and renames the working copy over the served file
   (`os.replace`, atomic on one file system).

Readers that are open keep the consistent old snapshot; new connections see the new one. A run
killed at any moment leaves the served file as it was; the next run discards the stale working
copy and redoes the work, so the warehouse converges to what an uninterrupted run gives.
"""

from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path

import duckdb

from wirehouse.warehouse.connection import WarehouseBusyError

log = logging.getLogger(__name__)


def working_copy_path(served: Path) -> Path:
    return served.with_name(served.name + ".work")


def _remove(path: Path) -> None:
    for candidate in (path, path.with_name(path.name + ".wal")):
        candidate.unlink(missing_ok=True)


def _fsync_directory(directory: Path) -> None:
    descriptor = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


class WorkingCopy:
    """The writer's private copy of the served warehouse. Use only while holding the writer lock."""

    def __init__(self, served: Path) -> None:
        self.served = served
        self.path = working_copy_path(served)
        self.interrupted_before = False

    def open(self) -> duckdb.DuckDBPyConnection:
        self.served.parent.mkdir(parents=True, exist_ok=True)
        if self.path.exists():
            # Left by a run that was killed before it published: its work is redone from the served file.
            self.interrupted_before = True
            log.warning("%s: a previous run ended before publishing; its partial work is discarded and redone", self.path)
            _remove(self.path)
        if self.served.with_name(self.served.name + ".wal").exists():
            raise WarehouseBusyError(
                f"{self.served} has a write-ahead log: a program opened it for writing outside Wirehouse. "
                "Open it once read-write with the duckdb shell to check it (`.quit` merges the log), then retry")
        if self.served.exists():
            shutil.copyfile(self.served, self.path)
        return duckdb.connect(str(self.path))

    def publish(self, connection: duckdb.DuckDBPyConnection) -> None:
        """Make everything committed in the working copy the served warehouse, atomically."""
        connection.execute("checkpoint")
        connection.close()
        with self.path.open("rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(self.path, self.served)
        _fsync_directory(self.served.parent)

    def discard(self, connection: duckdb.DuckDBPyConnection | None = None) -> None:
        if connection is not None:
            connection.close()
        _remove(self.path)
