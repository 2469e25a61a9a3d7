"""Fixtures of the report tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from warehouse.views import build_database


@pytest.fixture
def empty_db(tmp_path: Path) -> Path:
    """news.duckdb as the first run builds it before anything is committed: every view, no rows."""
    db = tmp_path / "news.duckdb"
    build_database(db, {}, {})
    return db
