"""The per-batch memory trace (WIREHOUSE_MEMORY_TRACE) and the cap on glibc's malloc arenas."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from wirehouse.memory_trace import MemoryTrace, read_trace


def test_an_ingest_writes_one_line_per_batch(prefect_server, samples_dir, tmp_path, monkeypatch):
    from flows.ingest import ingest_articles

    trace = tmp_path / "traces" / "memory.jsonl"
    monkeypatch.setenv("WIREHOUSE_MEMORY_TRACE", str(trace))
    summary = ingest_articles(paths=[str(samples_dir)], warehouse=str(tmp_path / "news.duckdb"), batch_size=4)
    lines = read_trace(trace)
    tail = [line for line in read_trace(trace, batches_only=False) if "stage" in line]
    files = summary["files_seen"]
    assert [line["batch"] for line in lines] == list(range(1, len(lines) + 1)) and len(lines) >= 3
    assert lines[-1]["files_done"] == files == 10
    assert all(line["files_done"] > before["files_done"] for before, line in zip(lines, lines[1:]))
    for line in lines:
        assert line["rss_mb"] > 50 and line["python_blocks"] > 100_000 and line["threads"] >= 1
        if sys.platform == "linux":  # the peak so far is never below what is resident now
            assert line["peak_rss_mb"] >= line["rss_mb"] * 0.99
        assert line["frozen_objects"] > 100_000 and 0 <= line["python_objects"] < line["frozen_objects"]
        assert line["duckdb_mb"] is not None and line["duckdb_mb"] >= 0
        if sys.platform == "linux":  # glibc here: the C heap's figures are there
            assert line["heap_in_use_mb"] > 0 and line["heap_free_mb"] >= 0
    # After the batches, one line per step of the run's tail, in the order they run; the peak never falls.
    assert [line["stage"] for line in tail] == ["marts", "search index", "data docs", "publish"]
    if sys.platform == "linux":
        peaks = [line["peak_rss_mb"] for line in lines + tail]
        assert peaks == sorted(peaks)


def test_a_trace_that_cannot_be_written_is_a_clear_error(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(ValueError, match="WIREHOUSE_MEMORY_TRACE=.*cannot write there"):
        MemoryTrace(blocker / "memory.jsonl")


CAP = "from wirehouse.memory import cap_malloc_arenas; import os; print(cap_malloc_arenas(), os.environ.get('MALLOC_ARENA_MAX'))"


@pytest.mark.skipif(sys.platform != "linux", reason="glibc's mallopt")
def test_the_arena_cap_reaches_child_processes_and_respects_the_users_own():
    env = {k: v for k, v in os.environ.items() if k != "MALLOC_ARENA_MAX"}
    capped = subprocess.run([sys.executable, "-c", CAP], env=env, capture_output=True, text=True, check=True)
    assert capped.stdout.split() == ["True", "2"]
    own = subprocess.run([sys.executable, "-c", CAP], env=dict(env, MALLOC_ARENA_MAX="4"),
                         capture_output=True, text=True, check=True)
    assert own.stdout.split() == ["False", "4"]


RESTART = """
import os, subprocess, sys
from wirehouse.memory import restart_on_c_allocator
restart_on_c_allocator()
child = subprocess.run([sys.executable, "-c", "import sys; print(sys.getallocatedblocks() > 0)"],
                       capture_output=True, text=True, check=True).stdout.strip()
print(sys.getallocatedblocks() == 0, os.environ.get("PYTHONMALLOC"), os.environ.get("WIREHOUSE_ALLOCATOR_RESTARTED"), child)
"""


@pytest.mark.skipif(sys.platform != "linux", reason="glibc's malloc")
def test_an_ingest_process_restarts_once_on_glibc_malloc_and_its_children_do_not():
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONMALLOC", "WIREHOUSE_PYTHON_ALLOCATOR")}
    restarted = subprocess.run([sys.executable, "-c", RESTART], env=env, capture_output=True, text=True, check=True)
    # No Python-allocator blocks in the restarted process, PYTHONMALLOC gone again for its children.
    assert restarted.stdout.split() == ["True", "None", "None", "True"]
    kept = subprocess.run([sys.executable, "-c", RESTART], env=dict(env, WIREHOUSE_PYTHON_ALLOCATOR="pymalloc"),
                          capture_output=True, text=True, check=True)
    assert kept.stdout.split() == ["False", "None", "None", "True"]
