"""A run that finds nothing new in the landing folder: recorded in the warehouse's runs table
without starting Prefect or the language model, so that a rerun costs about a second."""

from __future__ import annotations

import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

from flows.run_summary import RunSummary
from newsetl.landing import discover
from warehouse.schema import RUNS
from warehouse.store import Warehouse

_NOTHING_NEW = "nothing new or changed since the last run: recorded without a flow run"


def record_if_nothing_new(landing: Path, warehouse: Path, max_bytes: int, lock_timeout: float) -> RunSummary | None:
    """When every file under `landing` is recorded unchanged (same size and modification time),
    add the run to the runs table and return its summary; otherwise None, and the flow runs.
    The warehouse stays locked from the check to the record, as for a flow run; WarehouseBusy when
    another run holds it."""
    t0 = time.perf_counter()
    started = datetime.now(UTC)
    files = discover(landing, max_bytes)
    with Warehouse.open(warehouse, lock_timeout) as wh:
        known = wh.known_files()
        if not all(f.unchanged(known.get(f.path)) for f in files):
            return None
        summary = RunSummary(str(uuid.uuid4()), message=_NOTHING_NEW)
        summary.files_seen = summary.statuses["unchanged"] = len(files)
        wh.commit({RUNS.name: summary.run_row(str(landing), started, flow_run_name=None)})
    summary.seconds = time.perf_counter() - t0
    return summary
