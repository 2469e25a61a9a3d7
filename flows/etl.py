"""The `news-etl` flow: landing folder -> batches of rows -> expectations gate -> commit -> views."""

from __future__ import annotations

import time
import uuid
from collections import Counter, deque
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

import pyarrow as pa
from prefect import flow, get_run_logger
from prefect.runtime import flow_run
from prefect.states import Failed, State

from expectations.gate import default_gate
from flows.runners import make_task_runner
from flows.tasks import discover_files, process_batch
from newsetl.landing import DEFAULT_MAX_BYTES, LandingFile
from transforms.nlp import DEFAULT_MODEL
from transforms.process import FileResult, quarantined
from warehouse.batch import BatchAssembler
from warehouse.schema import QUALITY, RUNS
from warehouse.store import KnownFile, Warehouse, WarehouseBusy


@dataclass
class RunSummary:
    run_id: str
    status: str = "completed"
    message: str = ""
    files_seen: int = 0
    statuses: Counter = field(default_factory=Counter)
    rows: Counter = field(default_factory=Counter)
    expectations_evaluated: int = 0
    expectations_failed: int = 0
    failures: list[str] = field(default_factory=list)
    quarantined: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def published_anything(self) -> bool:
        return not self.failures or self.statuses["published"] + self.statuses["duplicate"] > 0


def plan(files: list[LandingFile], known: dict[str, KnownFile]) -> tuple[list[LandingFile], list[FileResult], int]:
    """Split discovered files into those to read, those quarantined unread, and a count of those
    unchanged since the last run (same size and modification time as recorded)."""
    to_read, unread, unchanged = [], [], 0
    for f in files:
        k = known.get(f.path)
        if k and k.size_bytes == f.size and k.mtime_ns == f.mtime_ns:
            unchanged += 1
        elif f.problem:
            unread.append(quarantined(f.path, "", f.size, f.mtime_ns, f.problem))
        else:
            to_read.append(f)
    return to_read, unread, unchanged


def _quality_rows(report, run_id: str, batch: int, now: datetime) -> pa.Table:
    rows = [{**r, "run_id": run_id, "batch": batch, "evaluated_at": now} for r in report.rows()]
    return pa.Table.from_pylist(rows, schema=QUALITY.schema)


@flow(name="news-etl", log_prints=False, task_runner=make_task_runner("process"))
def news_etl(
    landing: str = "seeds",
    warehouse: str = "warehouse",
    batch_size: int = 32,
    model: str = DEFAULT_MODEL,
    max_file_mb: float = DEFAULT_MAX_BYTES / 1e6,
    lock_timeout: float = 0.0,
    in_flight: int = 4,
) -> RunSummary | State:
    """Process every new or changed `*.txt` file under `landing` into the warehouse at `warehouse`.

    Returns the run's summary; the flow run ends Failed (with the summary as its data) when
    nothing could be published: another run holds the warehouse, or every batch failed."""
    log = get_run_logger()
    summary = RunSummary(str(flow_run.id or uuid.uuid4()))
    try:
        _process(summary, landing, warehouse, batch_size, model, int(max_file_mb * 1e6), lock_timeout, in_flight)
    except WarehouseBusy as exc:
        summary.status, summary.message = "failed", str(exc)
        summary.failures.append(str(exc))
    if not summary.published_anything:
        log.error("nothing published: %s", summary.message)
        return Failed(message=summary.message, data=summary)
    log.info("run %s %s in %.1fs: %s", summary.run_id, summary.status, summary.seconds, dict(summary.statuses))
    return summary


def _process(
    summary: RunSummary, landing: str, warehouse: str, batch_size: int, model: str, max_bytes: int,
    lock_timeout: float, in_flight: int,
) -> None:
    log = get_run_logger()
    started = datetime.now(UTC)
    t0 = time.perf_counter()
    run_id = summary.run_id
    today = date.today()
    with Warehouse.open(Path(warehouse), lock_timeout) as wh:
        files = discover_files(landing, max_bytes)
        summary.files_seen = len(files)
        to_read, unread, summary.statuses["unchanged"] = plan(files, wh.known_files())
        log.info("%d files in %s: %d to read, %d unchanged", len(files), landing, len(to_read),
                 summary.statuses["unchanged"])
        assembler = BatchAssembler(wh.known_files(), wh.published_articles(), run_id)
        gate = default_gate()
        chunks = [to_read[i : i + batch_size] for i in range(0, len(to_read), batch_size)]
        pending: deque = deque()
        results_in_order = _results(unread, chunks, pending, landing, model, today, max_bytes, in_flight)
        for number, results in enumerate(results_in_order):
            if isinstance(results, Exception):
                summary.failures.append(f"batch {number}: {results}")
                continue
            now = datetime.now(UTC)
            batch = assembler.assemble(number, results, now)
            report = gate.validate(batch.frames, today, committed_article_ids=assembler.published)
            quality = _quality_rows(report, run_id, number, now)
            summary.expectations_evaluated += len(report.records)
            summary.expectations_failed += len(report.failures)
            if report.passed:
                wh.commit({**batch.tables, QUALITY.name: quality}, batch.withdraw_article_ids, batch.replace_paths)
                assembler.accept(batch)
                summary.statuses.update(batch.statuses)
                for name in ("articles", "quotes", "entities"):
                    summary.rows[name] += batch.tables[name].num_rows
                summary.quarantined += [(r.path, r.reason) for r in results if r.reason]
            else:
                wh.commit({QUALITY.name: quality})
                msg = f"batch {number} not published: {report.describe_failures()}"
                summary.failures.append(msg)
                log.error(msg)
        summary.seconds = time.perf_counter() - t0
        if summary.failures:
            summary.status = "completed with failures" if summary.published_anything else "failed"
            summary.message = summary.failures[0] + (f" (+{len(summary.failures) - 1} more)"
                                                     if len(summary.failures) > 1 else "")
        wh.commit({RUNS.name: _run_row(summary, landing, started)})



def _results(unread, chunks, pending, landing, model, today, max_bytes, in_flight):
    """Batch results in order, keeping at most `in_flight` batches submitted ahead, so that memory
    stays flat however large the landing folder is."""
    if unread:
        yield unread
    for chunk in chunks:
        pending.append(process_batch.submit(landing, chunk, model, today, max_bytes))
        if len(pending) >= in_flight:
            yield _settle(pending.popleft())
    while pending:
        yield _settle(pending.popleft())


def _settle(future):
    try:
        return future.result()
    except Exception as exc:  # the batch's task failed after its retries; the run goes on
        return exc


def _run_row(s: RunSummary, landing: str, started: datetime) -> pa.Table:
    row = {
        "run_id": s.run_id, "flow_run_name": flow_run.name, "landing": str(Path(landing).resolve()),
        "started_at": started, "finished_at": datetime.now(UTC), "status": s.status, "message": s.message or None,
        "files_seen": s.files_seen, "files_unchanged": s.statuses["unchanged"],
        "published": s.statuses["published"], "duplicate": s.statuses["duplicate"],
        "quarantined": s.statuses["quarantined"], "articles_rows": s.rows["articles"],
        "quotes_rows": s.rows["quotes"], "entities_rows": s.rows["entities"],
        "expectations_evaluated": s.expectations_evaluated, "expectations_failed": s.expectations_failed,
        "seconds": s.seconds,
    }
    return pa.Table.from_pylist([row], schema=RUNS.schema)
