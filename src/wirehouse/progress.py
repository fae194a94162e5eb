"""Progress of a long run, told to whoever listens in this process; nothing listens by default.

The ingest flow says how many files it found and how many each batch finished; the CLI listens
and draws a progress bar. A scheduled run has no listener and only logs.
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator, Protocol


class ProgressListener(Protocol):
    def started(self, total_files: int) -> None: ...

    def advanced(self, files_done: int, note: str) -> None: ...


_listeners: list[ProgressListener] = []


@contextmanager
def listening(listener: ProgressListener) -> Iterator[ProgressListener]:
    """Tell `listener` about runs started in this process until the block ends."""
    _listeners.append(listener)
    try:
        yield listener
    finally:
        _listeners.remove(listener)


def run_started(total_files: int) -> None:
    for listener in list(_listeners):
        listener.started(total_files)


def files_finished(count: int, note: str = "") -> None:
    for listener in list(_listeners):
        listener.advanced(count, note)
