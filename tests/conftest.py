"""Shared fixtures: a real Prefect server for flow tests, the spaCy model, landing folders of real files."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_e9f2a0a8075f9824.txt"
SHARED = ROOT.parent / "shared"

# Quiet, isolated Prefect for every test process: no telemetry, no shared ~/.prefect database.
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
os.environ.setdefault("TQDM_DISABLE", "1")


@pytest.fixture(scope="session")
def prefect_server():
    """A real (temporary) Prefect server and database for the whole session."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=60):
        yield


@pytest.fixture(scope="session")
def nlp():
    from transforms.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture
def landing(tmp_path: Path) -> Path:
    """A landing folder holding the seed article."""
    folder = tmp_path / "landing"
    folder.mkdir()
    shutil.copy(SEED, folder / SEED.name)
    return folder
