"""Shared fixtures: a real Prefect test server, the real spaCy model, real warehouse files."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

# Each test process gets a Prefect home of its own, before Prefect is imported: the temporary servers
# that CLI subprocesses start keep their SQLite database there, and two of them sharing one (the
# user's ~/.prefect, or two pytest-xdist workers) answer 503 while the other holds its lock. The
# first process makes the folder; pytest-xdist workers inherit its name and take a subfolder each.
_HOMES = os.environ.get("WIREHOUSE_TESTS_PREFECT_HOMES")
if _HOMES is None and "PREFECT_HOME" not in os.environ:
    _HOMES = os.environ["WIREHOUSE_TESTS_PREFECT_HOMES"] = tempfile.mkdtemp(prefix="wirehouse-tests-prefect-")
    atexit.register(shutil.rmtree, _HOMES, True)
if _HOMES is not None:
    os.environ["PREFECT_HOME"] = str(Path(_HOMES) / os.environ.get("PYTEST_XDIST_WORKER", "main"))
    Path(os.environ["PREFECT_HOME"]).mkdir(exist_ok=True)

from wirehouse import offline  # noqa: F401  (offline settings before Prefect is imported)
from wirehouse.paths import project_root

# Team-written, in the shape of a wire archive: upper-case title, a dateline without a year, the body
# hard-wrapped at about 60 columns with indented paragraphs, a name broken across two lines.
WRAPPED_ARCHIVE_STORY = """POLISH CENTRAL BANK RAISES DISCOUNT RATE

WARSAW, March 4 - Poland's central bank raised its discount
rate to 12 pct from 10 pct, Finance Minister Marta
Kowalczyk told reporters on Wednesday, citing faster growth
in prices and wages in the first two months of the year.
    The minister said the bank would review the rate again
after the second quarter, when new figures on wages in the
state sector are due.
"""

SEEDS_DIR = project_root().parent / "shared" / "seeds"
SAMPLES_DIR = project_root() / "samples" / "inbox"


@pytest.fixture(scope="session")
def prefect_server():
    """One real Prefect API (temporary, on loopback) for every flow run in the session."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=180):
        yield


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    if not SEEDS_DIR.is_dir():
        pytest.skip("../shared/seeds is not beside the project")
    return SEEDS_DIR


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    return SAMPLES_DIR


@pytest.fixture(scope="session")
def nlp():
    from wirehouse.config import DEFAULT_SPACY_MODEL
    from wirehouse.nlp.pipeline import load_pipeline

    return load_pipeline(DEFAULT_SPACY_MODEL)
