"""Hand memory the process has freed back to the operating system."""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
from functools import lru_cache


@lru_cache(maxsize=1)
def _malloc_trim():
    """glibc's malloc_trim, or None on a C library without it (musl, macOS)."""
    name = ctypes.util.find_library("c")
    if not name:
        return None
    try:
        return ctypes.CDLL(name).malloc_trim
    except (OSError, AttributeError):
        return None


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
