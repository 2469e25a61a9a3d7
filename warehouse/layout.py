"""Where things are inside a warehouse folder: defined once, for the store, the Data Docs writer
and the report command (which must not import Great Expectations just to find a path)."""

from __future__ import annotations

from pathlib import Path

TABLES = "tables"  # one Delta table per folder
STATE = "_state"  # the manifest and the run lock
MANIFEST = "manifest.json"
LOCK = "run.lock"
DATABASE = "news.duckdb"  # the analysts' views
DATA_DOCS = "data_docs"  # Great Expectations Data Docs of the runs


def database(warehouse: Path) -> Path:
    """The analysts' DuckDB file of the warehouse at `warehouse`."""
    return Path(warehouse) / DATABASE


def data_docs_index(warehouse: Path) -> Path:
    """The index page of the warehouse's Data Docs site (it exists once a run validated a batch)."""
    return Path(warehouse) / DATA_DOCS / "index.html"
