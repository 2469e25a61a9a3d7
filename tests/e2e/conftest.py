"""Fixtures shared by the end-to-end tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.articles import FORTNIGHT, GARDEN, HARBOUR
from tests.conftest import SEED


@pytest.fixture(scope="session")
def analyst_warehouse(tmp_path_factory: pytest.TempPathFactory, prefect_server: str) -> Path:
    """One warehouse for the analysts' tests (read only): the seed, the fictional Calder fortnight and two
    more articles, an empty file to quarantine; run twice, so that the run history has a run that found
    nothing new."""
    from flows.etl import news_etl

    root = tmp_path_factory.mktemp("reports")
    landing, wh = root / "landing", root / "wh"
    landing.mkdir()
    shutil.copy(SEED, landing / SEED.name)
    for name, text in {"harbour.txt": HARBOUR, "garden.txt": GARDEN, **FORTNIGHT}.items():
        (landing / name).write_text(text, encoding="utf-8")
    (landing / "empty.txt").write_bytes(b"")
    for _ in range(2):
        state = news_etl(landing=str(landing), warehouse=str(wh), task_runner="thread", return_state=True)
        assert state.is_completed(), state.message
    return wh
