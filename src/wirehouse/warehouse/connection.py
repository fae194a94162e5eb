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


@contextmanager
def writer_lock(warehouse: Path, timeout_seconds: float) -> Iterator[None]:
    """One ingest at a time per warehouse file, across processes."""
    warehouse.parent.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(writer_lock_path(warehouse)))
    try:
        lock.acquire(timeout=timeout_seconds)
    except Timeout as exc:
        raise WarehouseBusyError(
            f"{warehouse}: another ingest holds {writer_lock_path(warehouse).name} for over {timeout_seconds:.0f} s; "
            "wait for it to finish or raise WIREHOUSE_LOCK_TIMEOUT"
        ) from exc
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
