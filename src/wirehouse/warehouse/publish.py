"""Readers are never blocked: the writer loads a private working copy and publishes it atomically.

A DuckDB file takes one writing process or many readers, and a reader (the DuckDB shell, a BI
tool) blocks a writer. So an ingest never opens the served file for writing:

1. under the writer lock it brings its working copy `news.duckdb.work` up to the served version;
2. every batch commits into the working copy in one transaction;
3. at the end it checkpoints, closes, and renames the working copy over the served file
   (`os.replace`, atomic on one file system).

Readers that are open keep the consistent old snapshot; new connections see the new one. A run
killed at any moment leaves the served file as it was; the next run discards the stale working
copy and redoes the work, so the warehouse converges to what an uninterrupted run gives.

Copying the whole served file at step 1 would make every run cost as much as the warehouse is
big. So the previous served file is kept (a hard link survives the rename) as the next working
copy, one run behind, and the run's changes are journaled (`journal.py`): the next run replays
them into it instead of copying. It copies only when it must: no valid journal (first run, a
killed run, a run too big to journal), or a reader still has the old file open.
"""

from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path

import duckdb

from wirehouse.warehouse.connection import WarehouseBusyError
from wirehouse.warehouse.journal import (Journal, JournaledConnection, file_identity, journal_path, remove_database, replay,
                                         seal_of, sealed_for)

log = logging.getLogger(__name__)


def working_copy_path(served: Path) -> Path:
    return served.with_name(served.name + ".work")


def _previous_link(served: Path) -> Path:
    return served.with_name(served.name + ".previous")


def _fsync_directory(directory: Path) -> None:
    descriptor = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def standby_is_current(served: Path) -> bool:
    """Whether the next run can bring its working copy forward from the journal instead of copying."""
    working = working_copy_path(served)
    return sealed_for(journal_path(working), working, served)


def journal_budget(served: Path) -> int:
    """Rows a run may journal before a copy of the warehouse would be cheaper than the replay.

    Replaying a row costs about as much as copying a few kilobytes of the file (measured on the
    benchmark corpus), so big warehouses are worth journaling for bigger runs.
    """
    size = served.stat().st_size if served.exists() else 0
    return max(20_000, size // 4_000)


class WorkingCopy:
    """The writer's private copy of the served warehouse. Use only while holding the writer lock."""

    def __init__(self, served: Path, memory_limit_mb: int | None = None) -> None:
        self.served = served
        # DuckDB's buffer pool defaults to 80% of RAM and keeps what it read: over a long run the
        # writer would grow with the warehouse. Capped, DuckDB evicts and spills to disk instead.
        self.config = {"memory_limit": f"{memory_limit_mb}MB"} if memory_limit_mb else {}
        self.path = working_copy_path(served)
        self.journal_file = journal_path(self.path)
        # The journal is moved here while it is replayed: one cut off half-way is never valid again.
        self.replaying_file = self.journal_file.with_name(self.journal_file.name + ".replaying")
        self.interrupted_before = False
        self.caught_up = False  # True when the journal brought the working copy up to date (no copy)
        self.origin = ""  # how `open` made the working copy, in words for the run's summary
        self.journal: Journal | None = None

    def open(self) -> JournaledConnection:
        self.served.parent.mkdir(parents=True, exist_ok=True)
        _previous_link(self.served).unlink(missing_ok=True)  # left by a publish that was cut off
        if self.served.with_name(self.served.name + ".wal").exists():
            raise WarehouseBusyError(
                f"{self.served} has a write-ahead log: a program opened it for writing outside Wirehouse. "
                "Open it once read-write with the duckdb shell to check it (`.quit` merges the log), then retry")
        connection = self._catch_up() if self.served.exists() else None
        if connection is None:
            self.origin = "copied from the served file" if self.served.exists() else "new: no warehouse was served yet"
            connection = self._copy()
        else:
            self.origin = "brought forward by the last run's journal"
        self.journal = Journal(self.journal_file, journal_budget(self.served))
        return JournaledConnection(connection, self.journal)

    def _catch_up(self) -> duckdb.DuckDBPyConnection | None:
        """The working copy brought to the served version by the last run's journal, if it can be."""
        seal = seal_of(self.journal_file)
        if not sealed_for(self.journal_file, self.path, self.served, seal):
            if seal is not None and self.path.exists() and seal[0] == file_identity(self.path):
                # The standby is as the last run left it, but the served file is not: replaced or
                # restored by hand since. What is served now is what the run must build on.
                log.warning("%s changed since the last run published it (replaced or restored?); the run works "
                            "on a copy of it, not on the last run's version", self.served)
            elif self.path.exists():
                # Left by a run that was killed before it published: its work is redone from the served file.
                self.interrupted_before = True
                log.warning("%s: a previous run ended before publishing; its partial work is discarded and redone", self.path)
            return None
        try:
            connection = duckdb.connect(str(self.path), config=self.config)
        except duckdb.Error as exc:  # a reader still has the previous version open
            log.info("%s: cannot write the previous version (%s); copying the served file instead", self.path, exc)
            return None
        replaying = self.replaying_file
        os.replace(self.journal_file, replaying)
        try:
            replay(connection, replaying)
        except Exception as exc:
            log.warning("%s: replaying %s failed (%s); copying the served file instead", self.path, replaying, exc)
            connection.close()
            return None
        finally:
            remove_database(replaying)
        self.caught_up = True
        return connection

    def _copy(self) -> duckdb.DuckDBPyConnection:
        remove_database(self.path)
        remove_database(self.journal_file)
        remove_database(self.replaying_file)
        if self.served.exists():
            shutil.copyfile(self.served, self.path)
        return duckdb.connect(str(self.path), config=self.config)

    def publish(self, connection) -> None:
        """Make everything committed in the working copy the served warehouse, atomically; keep the
        version it replaces as the next working copy, with this run's journal to bring it forward."""
        connection.execute("checkpoint")
        connection.close()
        with self.path.open("rb+") as handle:
            os.fsync(handle.fileno())
        previous = _previous_link(self.served)
        kept = False
        if self.served.exists() and not self.journal.abandoned:
            try:
                os.link(self.served, previous)
                kept = True
            except OSError as exc:  # a file system without hard links: the next run copies
                log.info("%s: cannot keep the previous version (%s)", self.served, exc)
        os.replace(self.path, self.served)
        if kept:
            os.replace(previous, self.path)
        _fsync_directory(self.served.parent)
        if kept:
            self.journal.seal(self.path, self.served)
        else:
            self.journal.abandon("no previous version to bring forward")

    def discard(self, connection=None) -> None:
        """Remove the working copy and its journal, whatever point `open` reached (a stop can land
        while the journal is being created, before `self.journal` is set). Without the working copy a
        journal brings nothing forward, so the next run copies the served file."""
        if connection is not None:
            connection.close()
        if self.journal is not None:
            self.journal.abandon("the run did not publish")
        for path in (self.path, self.journal_file, self.replaying_file):
            remove_database(path)
