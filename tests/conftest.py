"""Shared fixtures: a real Prefect test server, the real spaCy model, real warehouse files."""

from __future__ import annotations

from pathlib import Path

import pytest

from wirehouse import offline  # noqa: F401  (offline settings before Prefect is imported)
from wirehouse.paths import project_root

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
