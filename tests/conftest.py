"""Shared fixtures: a real Prefect server for flow tests, the spaCy model, landing folders of real files."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_e9f2a0a8075f9824.txt"
SHARED = ROOT.parent / "shared"

# Quiet, isolated Prefect for every test process: no telemetry, no shared ~/.prefect database.
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
os.environ.setdefault("TQDM_DISABLE", "1")
os.environ["PREFECT_HOME"] = tempfile.mkdtemp(prefix="newsetl-prefect-")
os.environ.pop("PREFECT_API_URL", None)


@pytest.fixture(scope="session")
def prefect_server():
    """A real Prefect server (on a free loopback port, with its own database) for the session;
    its URL is exported so that worker processes use it too."""
    from flows.api import prefect_api

    with prefect_api() as url:
        yield url


@pytest.fixture(scope="session")
def nlp():
    from flows.options import DEFAULT_MODEL
    from flows.resources import SpacyModel

    return SpacyModel(DEFAULT_MODEL).pipeline()  # loaded as the workers load it (one BLAS thread)


@pytest.fixture
def landing(tmp_path: Path) -> Path:
    """A landing folder holding the seed article."""
    folder = tmp_path / "landing"
    folder.mkdir()
    shutil.copy(SEED, folder / SEED.name)
    return folder


def installed_model_folder() -> Path:
    """The folder of the installed model package that holds its config.cfg and weights."""
    from flows.options import DEFAULT_MODEL
    from flows.resources import SpacyModel

    installed = SpacyModel(DEFAULT_MODEL).meta_file().parent
    return next((p for p in installed.iterdir() if (p / "config.cfg").is_file()), installed)


@pytest.fixture
def damaged_model(tmp_path: Path) -> Path:
    """A copy of the installed model whose parser weights were cut short (a download that broke off)."""
    folder = tmp_path / "damaged-model"
    shutil.copytree(installed_model_folder(), folder)
    weights = folder / "parser" / "model"
    weights.write_bytes(weights.read_bytes()[:100])
    return folder
