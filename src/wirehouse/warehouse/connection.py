"""Opening the warehouse file for the single writer, and read-only for everyone else."""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import duckdb
from filelock import FileLock, Timeout


class WarehouseBusyError(RuntimeError):
    """Another process holds the warehouse."""


def writer_lock_path(warehouse: Path) -> Path:
    return warehouse.with_name(warehouse.name + ".lock")


def acquire_writer_lock(warehouse: Path, timeout_seconds: float) -> FileLock:
    """Take the writer lock of `warehouse`, waiting up to `timeout_seconds`; the caller releases it.

    The lock is not tied to the acquiring thread: Prefect may run the acquiring task in another
    thread than the flow that later releases it.
    """
    warehouse.parent.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(writer_lock_path(warehouse)), thread_local=False)
    try:
        lock.acquire(timeout=timeout_seconds)
    except Timeout as exc:
        raise WarehouseBusyError(
            f"{warehouse}: another ingest holds {writer_lock_path(warehouse).name} for over {timeout_seconds:.0f} s; "
            "wait for it to finish or raise WIREHOUSE_LOCK_TIMEOUT"
        ) from exc
    return lock


@contextmanager
def writer_lock(warehouse: Path, timeout_seconds: float) -> Iterator[None]:
    """One writer at a time per warehouse file, across processes."""
    lock = acquire_writer_lock(warehouse, timeout_seconds)
    try:
        yield
    finally:
        lock.release()


def connect_reader(warehouse: Path) -> duckdb.DuckDBPyConnection:
    if not warehouse.exists():
        raise FileNotFoundError(f"{warehouse}: no warehouse yet; run `wirehouse ingest INBOX` first")
    try:
        return duckdb.connect(str(warehouse), read_only=True)
    except duckdb.IOException as exc:
        raise WarehouseBusyError(f"{warehouse}: cannot open read-only ({exc}); an ingest may be writing it, retry shortly") from exc


@contextmanager
def memory_limit(connection, megabytes: int) -> Iterator[None]:
    """DuckDB's buffer pool at `megabytes` for the block, then back to what it was (0: left alone)."""
    if not megabytes:
        yield
        return
    previous = connection.execute("select current_setting('memory_limit')").fetchone()[0]
    connection.execute(f"set memory_limit = '{int(megabytes)}MB'")
    try:
        yield
    finally:
        connection.execute("set memory_limit = ?", [previous])
