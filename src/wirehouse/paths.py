"""Where the project's own files live (SQL, expectation suites, samples)."""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def project_root() -> Path:
    """The repository root that holds `sql/` and `expectations/`.

    Set WIREHOUSE_HOME to point an installed copy at another checkout.
    """
    override = os.environ.get("WIREHOUSE_HOME")
    if override:
        return Path(override).resolve()
    return PACKAGE_DIR.parent.parent


def sql_dir() -> Path:
    return project_root() / "sql"


def expectations_dir() -> Path:
    return project_root() / "expectations"


def default_warehouse() -> Path:
    return project_root() / "warehouse" / "news.duckdb"


def sample_inbox() -> Path:
    return project_root() / "samples" / "inbox"
