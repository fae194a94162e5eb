"""Where an ingest's main process keeps its memory, written after every batch (WIREHOUSE_MEMORY_TRACE).

One JSON line per batch, then one per step of the run's tail (`stage`: the marts, the search
index, the Data Docs): resident size and the process's peak so far (Linux's VmHWM, so a
peak between two lines shows as a jump), the C heap's bytes in use and free (glibc's mallinfo2),
Python's allocated blocks, its tracked objects (those the flow froze as long-lived apart, see
wirehouse.memory), DuckDB's own figure, and the number of threads.
A run whose resident size grows batch after batch can then be told apart: a Python object that
is kept (objects and blocks grow), C memory that is kept (heap in use grows), memory that is
freed but not given back (heap free grows), or DuckDB (its figure grows). The benchmark harness
turns it on for every ingest it measures; a user chasing memory may set it too.
"""

from __future__ import annotations

import ctypes
import gc
import json
import sys
import threading
import time
from functools import lru_cache
from pathlib import Path

import psutil

from wirehouse.memory import libc_function

_MB = 1024 * 1024


class _MallInfo2(ctypes.Structure):
    _fields_ = [(name, ctypes.c_size_t) for name in (
        "arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks", "fordblks", "keepcost")]


@lru_cache(maxsize=1)
def _mallinfo2():
    """glibc's mallinfo2 (2.33 and later), or None on another C library."""
    function = libc_function("mallinfo2")
    if function is not None:
        function.restype = _MallInfo2
        function.argtypes = []
    return function


def c_heap_figures() -> dict[str, float]:
    """The C heap in MB: `heap_in_use_mb` (allocated by the program), `heap_free_mb` (freed and kept
    by malloc), `heap_mmapped_mb` (large blocks mapped one by one); empty without glibc."""
    function = _mallinfo2()
    if function is None:
        return {}
    info = function()
    return {"heap_in_use_mb": round(info.uordblks / _MB, 1), "heap_free_mb": round(info.fordblks / _MB, 1),
            "heap_mmapped_mb": round(info.hblkhd / _MB, 1)}


def duckdb_memory_mb(connection) -> float | None:
    """What DuckDB says it holds (`duckdb_memory()`, buffer pool and other tags), in MB."""
    try:
        [(used,)] = connection.execute("select coalesce(sum(memory_usage_bytes), 0) from duckdb_memory()").fetchall()
    except Exception:  # an old DuckDB, or a closed connection: the other figures still help
        return None
    return round(used / _MB, 1)


def peak_rss_mb() -> float | None:
    """The most this process has held resident so far (VmHWM), in MB; None off Linux."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return None


def memory_figures(connection=None) -> dict:
    """This process's memory now, split as the module docstring describes."""
    figures = {"rss_mb": round(psutil.Process().memory_info().rss / _MB, 1), "peak_rss_mb": peak_rss_mb(),
               **c_heap_figures(),
               "python_blocks": sys.getallocatedblocks(), "python_objects": len(gc.get_objects()),
               "frozen_objects": gc.get_freeze_count(), "threads": threading.active_count()}
    if connection is not None:
        figures["duckdb_mb"] = duckdb_memory_mb(connection)
    return figures


class MemoryTrace:
    """Appends one line of `memory_figures` per batch, and per step of the run's tail, to a JSON Lines file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.started = time.perf_counter()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.open("a", encoding="utf-8").close()
        except OSError as exc:
            raise ValueError(f"WIREHOUSE_MEMORY_TRACE={path}: cannot write there ({exc}); "
                             "name a file in a writable folder, or unset it") from exc

    def record(self, batch: int, files_done: int, connection=None) -> None:
        self._write({"batch": batch, "files_done": files_done}, connection)

    def record_stage(self, stage: str, connection=None) -> None:
        """A line after one step of the run's tail, once every batch is loaded."""
        self._write({"stage": stage}, connection)

    def _write(self, where: dict, connection) -> None:
        line = {**where, "seconds": round(time.perf_counter() - self.started, 1), **memory_figures(connection)}
        with self.path.open("a", encoding="utf-8") as out:
            out.write(json.dumps(line) + "\n")


def read_trace(path: Path, batches_only: bool = True) -> list[dict]:
    """The lines a trace holds, oldest first: the batches' lines, or with `batches_only=False` the
    tail's steps too."""
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [line for line in lines if "batch" in line] if batches_only else lines
