"""Flow runs that died holding the writer lock are marked Crashed by the next writer.

A run stopped by SIGTERM or Ctrl-C reports its own end (Prefect marks it Crashed). A run killed
outright (SIGKILL, the out-of-memory killer, a power cut) cannot, and a standing Prefect UI would
show it as Running forever. The writer lock tells who is dead: it is an OS file lock, released
when its holder's process ends, so whoever holds it now knows that the previous holder is gone.
Each writer therefore names its flow run in `<warehouse>.writer` beside the lock; the next writer
reads that name and, if the API still shows the run as unfinished, sets it Crashed. A run killed
before it took the lock held nothing, left no record, and is not found this way.
"""

from __future__ import annotations

import json
import logging
import os
import socket
from pathlib import Path

logger = logging.getLogger(__name__)

_UNFINISHED = {"RUNNING", "PENDING", "CANCELLING", "PAUSED"}


def holder_path(warehouse: Path) -> Path:
    return warehouse.with_name(warehouse.name + ".writer")


def take_over(warehouse: Path, flow_run_id: str | None) -> str | None:
    """Name `flow_run_id` as the lock's holder; return the previous holder's flow run id, if another.

    Call only while holding the writer lock. An unreadable record is treated as no record.
    """
    path = holder_path(warehouse)
    try:
        previous = json.loads(path.read_text(encoding="utf-8")).get("flow_run_id")
    except (OSError, ValueError, AttributeError):
        previous = None
    record = {"flow_run_id": flow_run_id, "pid": os.getpid(), "host": socket.gethostname()}
    try:
        path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    except OSError as exc:  # only the next run's clean-up depends on it: never fail a run over it
        logger.warning("%s: cannot record this run as the writer (%s)", path, exc)
    return previous if previous and previous != flow_run_id else None


def mark_crashed(flow_run_id: str, by_run: str | None) -> str | None:
    """Set the flow run Crashed if the API still shows it unfinished; return its former state type.

    Returns None (and changes nothing) when the run is finished, unknown to this API, or the API
    cannot be reached: a clean-up must never fail the run doing it.
    """
    from prefect.client.orchestration import get_client
    from prefect.states import Crashed

    try:
        with get_client(sync_client=True) as client:
            run = client.read_flow_run(flow_run_id)
            if run.state is None or run.state.type.value not in _UNFINISHED:
                return None
            message = ("The process ended without reporting (killed, or its machine stopped) while it held the "
                       f"warehouse's writer lock; found by flow run {by_run or 'a later run'}. Nothing it loaded "
                       "was published: its files are loaded by the next run over the same inbox.")
            client.set_flow_run_state(flow_run_id, Crashed(message=message), force=True)
            return run.state.type.value
    except Exception as exc:  # noqa: BLE001 - an unknown run, another API, a network error: leave it
        logger.warning("could not mark flow run %s crashed: %s: %s", flow_run_id, type(exc).__name__, exc)
        return None


def crash_dead_holder(warehouse: Path, flow_run_id: str | None) -> str | None:
    """Name this run as the writer and mark the previous one Crashed if it died unfinished.

    Call right after taking the writer lock. Returns the flow run id it marked, else None.
    """
    previous = take_over(warehouse, flow_run_id)
    if previous is not None and mark_crashed(previous, flow_run_id) is not None:
        return previous
    return None
