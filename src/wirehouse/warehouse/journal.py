"""A run's changes to the warehouse, recorded so they can be applied to a second copy of it.

The writer keeps a standby copy of the served file (see `publish.py`). After a run publishes, the
standby is the previous version; replaying the run's journal brings it up to date, so the next run
does not have to copy the whole warehouse. The journal is a DuckDB file of its own:

- `journal_op`: every statement that changed the warehouse (DuckDB's own parser says which ones
  do), in order, with its parameters and its transaction;
- one `frame_N` table per DataFrame such a statement read: the same pandas-to-DuckDB conversion as
  the original insert, so a replay inserts the very same values and types;
- `journal_seal`: written after the publish, naming the standby file the journal applies to and
  the served file it brings the standby to (a served file replaced since, say restored from a
  backup, makes the journal stale: the next run copies what is served instead).

A journal that grows past `max_rows` is abandoned: replaying it would cost more than a copy.
"""

from __future__ import annotations

import logging
import os
import pickle
import re
from pathlib import Path

import duckdb

log = logging.getLogger(__name__)

# Statement types that leave the database as it was.
_READS = {"SELECT", "EXPLAIN", "PREPARE", "EXECUTE", "RELATION"}


def journal_path(working: Path) -> Path:
    return working.with_name(working.name + ".journal")


def file_identity(path: Path) -> list[int]:
    """What changes whenever a file is written: inode, size and modification time."""
    stat = path.stat()
    return [stat.st_ino, stat.st_size, stat.st_mtime_ns]


JOURNAL_MEMORY = "128MB"


def remove_database(path: Path) -> None:
    """A DuckDB file and its write-ahead log, if there."""
    for candidate in (path, path.with_name(path.name + ".wal")):
        candidate.unlink(missing_ok=True)


class Journal:
    """Writes a run's changes; `seal` makes the journal valid for the standby it names."""

    def __init__(self, path: Path, max_rows: int) -> None:
        self.path = path
        self.max_rows = max_rows
        self.rows = 0
        self.abandoned = False
        remove_database(path)
        # A small buffer pool: the journal only appends, and spills what it does not hold to its file.
        self._db = duckdb.connect(str(path), config={"memory_limit": JOURNAL_MEMORY})
        self._db.execute("create table journal_op (seq bigint, txn bigint, sql varchar, params blob, frames varchar[])")
        self._db.execute("create table journal_seal (standby_identity bigint[], served_identity bigint[])")
        self._seq = 0
        self._txn = 0
        self._frames = 0
        self._pending: list[tuple] | None = None  # ops of the open transaction

    def begin(self) -> None:
        self._pending = []

    def commit(self) -> None:
        pending, self._pending = self._pending or [], None
        self._write(pending)

    def rollback(self) -> None:
        self._pending = None  # its frame tables stay behind, unreferenced; the journal is temporary

    def record(self, sql: str, params, frames: dict[str, object]) -> None:
        """One changing statement and the registered DataFrames it names."""
        if self.abandoned:
            return
        saved = []
        for name, frame in frames.items():
            self.rows += len(frame)
            if self.rows > self.max_rows:
                self.abandon(f"the run changed over {self.max_rows:,} rows")
                return
            self._frames += 1
            table = f"frame_{self._frames}"
            self._db.register("journal_source", frame)
            try:
                self._db.execute(f"create table {table} as select * from journal_source")
            finally:
                self._db.unregister("journal_source")
            saved.append(f"{name}={table}")
        op = (sql, pickle.dumps(params), saved)
        if self._pending is not None:
            self._pending.append(op)
        else:
            self._write([op])

    def _write(self, ops: list[tuple]) -> None:
        if self.abandoned or not ops:
            return
        self._txn += 1
        rows = []
        for sql, params, frames in ops:
            self._seq += 1
            rows.append((self._seq, self._txn, sql, params, frames))
        self._db.executemany("insert into journal_op values (?, ?, ?, ?, ?)", rows)

    def abandon(self, why: str) -> None:
        if not self.abandoned:
            log.info("%s: not journaling this run (%s); the next run copies the warehouse instead", self.path, why)
            self.abandoned = True
            self.close()
            remove_database(self.path)

    def seal(self, standby: Path, served: Path) -> None:
        """The journal now brings `standby` (as it is on disk now) to `served` (as it is now)."""
        if self.abandoned:
            return
        self._db.execute("insert into journal_seal values (?, ?)", [file_identity(standby), file_identity(served)])
        self._db.execute("checkpoint")
        self.close()
        with self.path.open("rb+") as handle:
            os.fsync(handle.fileno())

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


def seal_of(journal: Path) -> tuple[list[int], list[int]] | None:
    """The standby and served identities a journal was sealed with; None when it was not sealed (or
    was sealed by a version that did not name the served file)."""
    if not journal.exists():
        return None
    try:
        with duckdb.connect(str(journal), read_only=True) as db:
            row = db.execute("select standby_identity, served_identity from journal_seal").fetchone()
    except duckdb.Error:
        return None
    return None if row is None or row[1] is None else (list(row[0]), list(row[1]))


def sealed_for(journal: Path, standby: Path, served: Path, seal=None) -> bool:
    """Whether `journal` was sealed for `standby` and `served` exactly as they are on disk now
    (`seal`: its `seal_of`, when the caller has read it already)."""
    if not standby.exists() or not served.exists() or standby.with_name(standby.name + ".wal").exists():
        return False  # a write-ahead log beside the standby means something wrote it since
    seal = seal if seal is not None else seal_of(journal)
    return seal is not None and seal == (file_identity(standby), file_identity(served))


def replay(connection: duckdb.DuckDBPyConnection, journal: Path) -> int:
    """Apply a sealed journal's statements to `connection`, one transaction per recorded one."""
    connection.execute(f"attach '{journal}' as wirehouse_journal (read_only)")  # our own file name
    try:
        ops = connection.execute(
            "select txn, sql, params, frames from wirehouse_journal.journal_op order by seq").fetchall()
        current = None
        for txn, sql, params, frames in ops:
            if txn != current:
                if current is not None:
                    connection.commit()
                connection.begin()
                current = txn
            views = [frame.split("=", 1) for frame in frames]
            for name, table in views:
                connection.execute(f'create or replace temp view "{name}" as select * from wirehouse_journal.{table}')
            parameters = pickle.loads(params)
            if parameters is None:
                connection.execute(sql)
            else:
                connection.execute(sql, parameters)
            for name, _ in views:
                connection.execute(f'drop view "{name}"')
        if current is not None:
            connection.commit()
        return len(ops)
    except BaseException:
        try:
            connection.rollback()
        except duckdb.Error:  # no transaction was open
            pass
        raise
    finally:
        connection.execute("detach wirehouse_journal")


class JournaledConnection:
    """A DuckDB connection that records every changing statement into a `Journal`.

    Reads pass straight through; `execute` returns what DuckDB returns, so `.fetchall()` and the
    like work as before.
    """

    def __init__(self, connection: duckdb.DuckDBPyConnection, journal: Journal | None) -> None:
        self._connection = connection
        self.journal = journal
        self._registered: dict[str, object] = {}

    def _changes(self, sql: str) -> bool:
        return any(statement.type.name not in _READS for statement in self._connection.extract_statements(sql))

    def _record(self, sql: str, params) -> None:
        if self.journal is None or self.journal.abandoned or not self._changes(sql):
            return
        named = {name: frame for name, frame in self._registered.items() if re.search(rf"\b{re.escape(name)}\b", sql)}
        self.journal.record(sql, params, named)

    def execute(self, query: str, parameters=None):
        self._record(query, parameters)
        if parameters is None:
            return self._connection.execute(query)
        return self._connection.execute(query, parameters)

    def executemany(self, query: str, parameters):
        parameters = list(parameters)
        for row in parameters:
            self._record(query, row)
        return self._connection.executemany(query, parameters)

    def register(self, name: str, frame):
        self._registered[name] = frame
        return self._connection.register(name, frame)

    def unregister(self, name: str):
        self._registered.pop(name, None)
        return self._connection.unregister(name)

    def begin(self):
        if self.journal is not None:
            self.journal.begin()
        return self._connection.begin()

    def commit(self):
        result = self._connection.commit()
        if self.journal is not None:
            self.journal.commit()
        return result

    def rollback(self):
        if self.journal is not None:
            self.journal.rollback()
        return self._connection.rollback()

    def __getattr__(self, name: str):
        return getattr(self._connection, name)
