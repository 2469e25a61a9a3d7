"""Where things are inside a warehouse folder: defined once, for the store, the Data Docs writer
and the report command (which must not import Great Expectations just to find a path)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from urllib.parse import unquote, urlparse

TABLES = "tables"  # one Delta table per folder
STATE = "_state"  # the manifest and the run lock
MANIFEST = "manifest.json"
LOCK = "run.lock"
DATABASE = "news.duckdb"  # the analysts' views
DATA_DOCS = "data_docs"  # Great Expectations Data Docs of the runs
REPORT = "report.html"  # the HTML report a served run writes (newsetl report --html writes anywhere)


def file_path(uri: str) -> Path:
    """The local path of a data file as Delta Lake names it: a `file://` URI or a path, both
    percent-encoded (a space is %20, `#` is %23, `%` itself %25)."""
    if uri.startswith("file://"):
        return Path(unquote(urlparse(uri).path))
    return Path(unquote(uri))


def database(warehouse: Path) -> Path:
    """The analysts' DuckDB file of the warehouse at `warehouse`."""
    return Path(warehouse) / DATABASE


def data_docs_index(warehouse: Path) -> Path:
    """The index page of the warehouse's Data Docs site (it exists once a run validated a batch)."""
    return Path(warehouse) / DATA_DOCS / "index.html"


def report_page(warehouse: Path) -> Path:
    """Where a run that publishes the HTML report writes it: beside news.duckdb and data_docs/."""
    return Path(warehouse) / REPORT


def write_problem(warehouse: Path) -> str | None:
    """Why a run could not write the warehouse folder at `warehouse`, found before it writes anything:
    None when it can (a folder still to be made, where its nearest existing parent takes new files),
    else a one-line reason naming the path. Writing is tried, not inferred from permission bits: a
    read-only mount refuses root too, and only a write says so. The probe file is removed at once."""
    folder = Path(warehouse)
    places = [folder, folder / STATE] if folder.exists() else [next(p for p in folder.parents if p.exists())]
    for place in places:
        if place.exists() and not place.is_dir():
            where = "" if place == folder else f": {place}"
            return f"warehouse {folder}{where} is a file, not a folder"
        if not place.exists():
            continue
        try:
            fd, probe = tempfile.mkstemp(prefix=".newsetl-write-check-", dir=place)
        except OSError as exc:
            return (f"warehouse {folder} is not writable: {exc.strerror or exc} ({place}); "
                    "give this user write access there, or choose another --warehouse")
        os.close(fd)
        os.unlink(probe)
    return None
