"""Hand memory the process has freed back to the operating system, and keep the cycle collector's
work proportional to what a batch creates rather than to everything the process has imported."""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import os
import sys
from contextlib import contextmanager
from functools import lru_cache
from typing import Iterator


# Automatic full collections after this many second-generation ones (Python's default is 10).
FULL_COLLECTION_EVERY = 100
_default_threshold: int | None = None  # the third threshold settle_long_lived replaced


@lru_cache(maxsize=None)
def libc_function(name: str):
    """A function of the C library, looked up once (glibc's malloc_trim, mallopt), or None where it has none (musl, macOS)."""
    library = ctypes.util.find_library("c")
    if not library:
        return None
    try:
        return getattr(ctypes.CDLL(library), name)
    except (OSError, AttributeError):
        return None


def _malloc_trim():
    return libc_function("malloc_trim")


# glibc's mallopt parameter for the most malloc arenas a process keeps (malloc.h: M_ARENA_MAX).
_M_ARENA_MAX = -8
MALLOC_ARENAS = 2


def cap_malloc_arenas(arenas: int = MALLOC_ARENAS) -> bool:
    """Let glibc keep at most `arenas` malloc arenas in this process and in the processes it starts.

    glibc gives every thread that allocates its own arena, up to 8 per core, and an arena keeps the
    pages it once held: an ingest's main process runs Prefect's, DuckDB's and the Data Docs'
    threads beside the flow. The child processes (Prefect's server, the NLP workers) get the same
    cap through MALLOC_ARENA_MAX, which glibc reads when a process starts. A MALLOC_ARENA_MAX the
    user set is left as it is. False without glibc.
    """
    if os.environ.get("MALLOC_ARENA_MAX", "").strip():
        return False
    mallopt = libc_function("mallopt")
    if mallopt is None or not mallopt(_M_ARENA_MAX, arenas):
        return False
    os.environ["MALLOC_ARENA_MAX"] = str(arenas)
    return True


_RESTARTED = "WIREHOUSE_ALLOCATOR_RESTARTED"


def restart_on_c_allocator() -> None:
    """Start this process again, once, with Python's objects on glibc's malloc (PYTHONMALLOC=malloc).

    For `wirehouse ingest` only, which calls it before anything else. Python's own small-object
    allocator hands memory back in 1 MB arenas, and only once an arena is wholly empty; the few
    objects that outlive each batch (the run's digests, Prefect's task states, Great Expectations'
    results) kept more and more arenas partly used: in a 100,000-article run they went from 307 MB
    after 16 batches to 636 MB after about 130. glibc's heap gives back every free page at the
    per-batch `release_free_memory`. The restarted process takes PYTHONMALLOC back out of its environment,
    so Prefect's server and the NLP workers keep Python's faster default. Nothing happens off
    glibc, when PYTHONMALLOC is already set, or with WIREHOUSE_PYTHON_ALLOCATOR=pymalloc.
    """
    if os.environ.pop(_RESTARTED, None) is not None:
        os.environ.pop("PYTHONMALLOC", None)
        return
    if (os.environ.get("PYTHONMALLOC") or os.environ.get("WIREHOUSE_PYTHON_ALLOCATOR", "").strip() == "pymalloc"
            or _malloc_trim() is None or not getattr(sys, "orig_argv", None)):
        return
    sys.stdout.flush()
    sys.stderr.flush()
    os.execve(sys.executable, [sys.executable, *sys.orig_argv[1:]],
              dict(os.environ, PYTHONMALLOC="malloc", **{_RESTARTED: "1"}))


def release_free_memory() -> None:
    """Collect cycles, then return the C heap's free pages (glibc keeps them by default).

    A batch's texts, Docs' plain-data results and DataFrames are freed after it is loaded, but
    glibc keeps most of the pages for reuse; over a long run the process's resident size then
    follows the largest batch so far plus fragmentation instead of what is live.
    """
    gc.collect()
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


def settle_long_lived() -> None:
    """`release_free_memory`, then exempt every object alive now from later collections (`gc.freeze`).

    Call it when what is alive will stay for the rest of the process: imported modules (Prefect,
    Great Expectations, pandas), the gazetteer, lexicons, the run's settings. A full collection
    otherwise walks all of them each time: in an ingest's main process at 2,000 articles, 19 full
    collections took 6.4 s of its 34 s of CPU (measured with gc.callbacks). Frozen objects are
    still freed when their last reference goes; only cycles among them are no longer found, so
    call it between batches, when no batch's data is half-built. Automatic full collections then
    come every FULL_COLLECTION_EVERY second-generation ones: an ingest collects after every batch.
    `thaw_long_lived` undoes both.
    """
    global _default_threshold
    release_free_memory()
    gc.freeze()
    first, second, third = gc.get_threshold()
    if _default_threshold is None:
        _default_threshold = third
    gc.set_threshold(first, second, FULL_COLLECTION_EVERY)


def thaw_long_lived() -> None:
    """Hand the frozen objects back to the collector and restore its thresholds: the end of a run in
    a process that goes on (a notebook, a test session), so cycles among what the run froze and then
    dropped are still found."""
    global _default_threshold
    gc.unfreeze()
    if _default_threshold is not None:
        first, second, _ = gc.get_threshold()
        gc.set_threshold(first, second, _default_threshold)
        _default_threshold = None


@contextmanager
def long_lived_allocations() -> Iterator[None]:
    """No automatic cycle collection while the block imports modules and builds caches that stay,
    then `settle_long_lived` (one collection, then the freeze). While Prefect and the flow's modules import,
    each automatic full collection walks everything imported so far (up to 0.3 s apiece, 2.4 s in
    all at start-up, measured); the block's garbage cycles wait for the one collection at its end."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        settle_long_lived()
        if enabled:
            gc.enable()
