"""Environment defaults for a machine without internet access.

Imported first by every entry point (CLI, flows, tests) so Prefect and Great
Expectations never try to phone home or draw progress bars into a run's log.
Values a user has set explicitly are left alone.
"""

from __future__ import annotations

import os

OFFLINE_DEFAULTS = {
    "DO_NOT_TRACK": "1",
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "PREFECT_UI_ENABLED": "false",
    "GX_ANALYTICS_ENABLED": "false",
    # tqdm (used by Great Expectations for metric progress) honours this.
    "TQDM_DISABLE": "1",
    "TOKENIZERS_PARALLELISM": "false",
    # Prefect waits 20 s for a temporary server by default. Its first start in a new Prefect home
    # creates and migrates the database, and on a slow 2-core machine that took longer.
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120",
}


def apply_offline_defaults() -> None:
    for name, value in OFFLINE_DEFAULTS.items():
        os.environ.setdefault(name, value)


apply_offline_defaults()
