"""Recording runs in the warehouse's `runs` table, and the run that finds nothing new.

Both a flow run and a `newsetl run` that finds nothing new end with `record_run`; the check for
nothing new is the same planning the flow does (flows.plan), so the two can never disagree."""

from __future__ import annotations

import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

from flows.landing import LandingSource
from flows.plan import plan
from flows.provenance import provenance
from flows.resources import SpacyModel
from flows.run_summary import RunSummary
from instrumentation.failpoints import Failpoints
from warehouse.corrections_apply import orphaned
from warehouse.schema import RUNS
from warehouse.store import Warehouse

NOTHING_NEW = "nothing new or changed since the last run"


def record_run(wh: Warehouse, summary: RunSummary, landing: str, started: datetime, flow_run_name: str | None,
               model: SpacyModel) -> None:
    """Commit the run's row of `runs`, with what produced its rows (flows.provenance), publishing
    whatever the run committed unpublished before; notes in `summary` the corrections left orphaned."""
    wh.commit({RUNS.name: summary.run_row(landing, started, flow_run_name, provenance(model).columns())})
    summary.orphaned = orphaned(wh.db_path)  # as the views just built applied them


def record_if_nothing_new(
    source: LandingSource, root: Path, max_bytes: int, lock_timeout: float, model: SpacyModel,
    failpoints: Failpoints | None = None, notices: list[str] | None = None, prune_missing: bool = False,
) -> RunSummary | None:
    """When every file of `source` is recorded unchanged (same size and modification time), record
    the run in `runs` without a flow run and return its summary; otherwise None. The warehouse at
    `root` stays locked from the check to the record, as for a flow run; WarehouseBusy when another
    run holds it. What opening the warehouse repaired is appended to `notices` (and to the summary)."""
    t0 = time.perf_counter()
    started = datetime.now(UTC)
    files = source.discover(max_bytes)
    with Warehouse.open(root, lock_timeout, failpoints) as wh:
        if notices is not None:
            notices += wh.notices
        work = plan(files, wh.known_files(), prune_missing)
        if not work.nothing_to_do:
            return None
        summary = RunSummary(str(uuid.uuid4()), message=f"{NOTHING_NEW}: recorded without a flow run")
        summary.files_seen = summary.statuses["unchanged"] = work.unchanged
        summary.notices += wh.notices
        record_run(wh, summary, source.name, started, None, model)
    summary.seconds = time.perf_counter() - t0
    return summary
