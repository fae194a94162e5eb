"""Files that are slow to compute and never change for a given version of their inputs, kept on disk.

They live under WIREHOUSE_CACHE_DIR, else $XDG_CACHE_HOME/wirehouse, else ~/.cache/wirehouse. Each
entry is one file named after its contents' key, written to a temporary file and renamed into
place, so two processes that build the same entry at once leave one whole file. A missing,
unreadable or unwritable cache only costs the time to compute the entry again.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path


def cache_dir() -> Path:
    configured = os.environ.get("WIREHOUSE_CACHE_DIR")
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "wirehouse"


def entry_key(*parts: bytes | str) -> str:
    """A short digest of everything the entry depends on (source files, versions)."""
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "little"))
        digest.update(data)
    return digest.hexdigest()[:20]


def entry_path(name: str, key: str) -> Path:
    return cache_dir() / f"{name}-{key}.bin"


def read_entry(name: str, key: str) -> bytes | None:
    """The entry's bytes, or None when it has not been written (or cannot be read)."""
    try:
        return entry_path(name, key).read_bytes()
    except OSError:
        return None


def write_entry(name: str, key: str, data: bytes) -> bool:
    """Store the entry; False (and nothing left behind) when the cache directory is not writable.
    Older entries of the same name, for other keys, are removed."""
    directory = cache_dir()
    target = entry_path(name, key)
    temporary = None
    try:
        directory.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(prefix=f".{name}-", dir=directory)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
        os.replace(temporary, target)
    except OSError:
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)
        return False
    for stale in directory.glob(f"{name}-*.bin"):
        if stale != target:
            stale.unlink(missing_ok=True)
    return True
