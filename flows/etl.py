"""The `news-etl` flow: landing folder -> batches of rows -> expectations gate -> commit -> views."""

from __future__ import annotations

import time
import uuid
from collections import deque
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import pyarrow as pa
from prefect import flow, get_run_logger
from prefect.artifacts import create_markdown_artifact, create_progress_artifact, update_progress_artifact
from prefect.futures import PrefectFuture
from prefect.runtime import flow_run
from prefect.states import Failed, State

from flows.run_summary import RunSummary
from flows.runners import make_task_runner
from flows.tasks import discover_files, process_batch
from newsetl.landing import DEFAULT_MAX_BYTES, LandingFile
from transforms.nlp import DEFAULT_MODEL
from transforms.process import BatchResult, FileResult, quarantined
from transforms.stopwatch import Stopwatch
from warehouse.batch import BatchAssembler
from warehouse.schema import CONTENT_TABLES, FILES, QUALITY, RUNS
from warehouse.store import KnownFile, Warehouse, WarehouseBusy

if TYPE_CHECKING:
    from expectations.data_docs import RunDocs
    from expectations.gate import Gate

__all__ = ["RunSummary", "news_etl", "plan", "task_batches"]


def plan(files: list[LandingFile], known: dict[str, KnownFile]) -> tuple[list[LandingFile], list[FileResult], int]:
    """Split discovered files into those to read, those quarantined unread, and a count of those
    unchanged since the last run (same size and modification time as recorded)."""
    to_read, unread, unchanged = [], [], 0
    for f in files:
        if f.unchanged(known.get(f.path)):
            unchanged += 1
        elif f.problem:
            unread.append(quarantined(f.path, "", f.size, f.mtime_ns, f.problem))
        else:
            to_read.append(f)
    return to_read, unread, unchanged


def task_batches(files: list[LandingFile], batch_size: int) -> list[list[LandingFile]]:
    """Files cut into task batches of `batch_size`, the last ones smaller and smaller (a quarter of
    what remains, at least 2 files) so that the workers run out of work at about the same time
    instead of one finishing a whole batch while the others wait."""
    chunks, i = [], 0
    while i < len(files):
        size = min(batch_size, max(2, -(-(len(files) - i) // 4)))
        chunks.append(files[i : i + size])
        i += size
    return chunks


@flow(name="news-etl", log_prints=False, task_runner=make_task_runner("process"))
def news_etl(
    landing: str = "seeds",
    warehouse: str = "warehouse",
    batch_size: int = 32,
    model: str = DEFAULT_MODEL,
    max_file_mb: float = DEFAULT_MAX_BYTES / 1e6,
    lock_timeout: float = 0.0,
    in_flight: int = 4,
    reprocess: bool = False,
    commit_size: int = 512,
) -> RunSummary | State:
    """Process every new or changed `*.txt` file under `landing` into the warehouse at `warehouse`.
    With `reprocess`, re-derive every table from the landing folder and publish the result at once.
    Tasks get `batch_size` files each; commits (each validated first) gather at least `commit_size`.

    Returns the run's summary; the flow run ends Failed (with the summary as its data) when
    nothing could be published: another run holds the warehouse, or every batch failed."""
    log = get_run_logger()
    summary = RunSummary(str(flow_run.id or uuid.uuid4()))
    t0 = time.perf_counter()
    try:
        with Warehouse.open(Path(warehouse), lock_timeout) as wh:
            _run(wh, summary, landing, batch_size, model, int(max_file_mb * 1e6), in_flight, reprocess, commit_size)
    except WarehouseBusy as exc:
        summary.failures.append(str(exc))
    summary.seconds = time.perf_counter() - t0
    if summary.failures:
        summary.status = "completed with failures" if summary.published_anything else "failed"
        more = f" (+{len(summary.failures) - 1} more)" if len(summary.failures) > 1 else ""
        summary.message = summary.failures[0] + more
    create_markdown_artifact(summary.markdown(), key="news-etl-summary", description="news-etl run summary")
    if not summary.published_anything:
        log.error("nothing published: %s", summary.message)
        return Failed(message=summary.message, data=summary)
    log.info("%s in %.1fs: %s", summary.status, summary.seconds, dict(summary.statuses))
    return summary


def _run(wh: Warehouse, summary: RunSummary, landing: str, batch_size: int, model: str, max_bytes: int,
         in_flight: int, reprocess: bool, commit_size: int) -> None:
    log = get_run_logger()
    started = datetime.now(UTC)
    today = date.today()
    clock = Stopwatch()
    with clock.stage("discover"):
        files = discover_files(landing, max_bytes)
    with clock.stage("plan"):
        known = {} if reprocess else wh.known_files()
        to_read, unread, unchanged = plan(files, known)
    summary.files_seen, summary.statuses["unchanged"] = len(files), unchanged
    log.info("%d files in %s: %d to read, %d unchanged", len(files), landing, len(to_read), unchanged)
    if reprocess:
        # Every table is re-derived; intermediate commits stay unpublished, so readers see the old
        # state until the run's last commit names the new one, and a crash rolls everything back.
        wh.delete_all([*CONTENT_TABLES, FILES], publish=False)
    with clock.stage("plan"):
        assembler = BatchAssembler(known, {} if reprocess else wh.published_articles(), summary.run_id)
    chunks = task_batches(to_read, batch_size)
    progress = create_progress_artifact(0.0, key="news-etl-progress", description=f"files of {landing}")
    total, done = len(to_read) + len(unread), 0
    gate, docs = None, None
    outcomes = _batches(unread, chunks, landing, model, today, max_bytes, in_flight, clock)
    for number, (n_files, result) in enumerate(_commit_groups(outcomes, commit_size)):
        done += n_files
        if isinstance(result, BaseException):
            summary.failures.append(f"batch {number} ({n_files} files) failed: {result}")
            summary.statuses["not published"] += n_files
            log.error(summary.failures[-1])
            continue
        summary.worker_stages.update(result.stages)
        outcome = result.files
        if docs is None:  # at the first batch, so that importing GX overlaps the workers' start
            with clock.stage("validate"):
                gate, docs = _validation(wh, summary.run_id, started)
        now = datetime.now(UTC)
        with clock.stage("assemble"):
            batch = assembler.assemble(number, outcome, now)
        with clock.stage("validate"):
            report = gate.validate(batch.frames, today, committed_article_ids=assembler.published,
                                   keep_results=docs.batch(number))
        quality = pa.Table.from_pylist(
            [{**r, "run_id": summary.run_id, "batch": number, "evaluated_at": now} for r in report.rows()],
            schema=QUALITY.schema,
        )
        summary.expectations_evaluated += len(report.records)
        summary.expectations_failed += len(report.failures)
        if report.passed:
            wh.commit({**batch.tables, QUALITY.name: quality}, batch.withdraw_article_ids, batch.replace_paths,
                      publish=not reprocess)
            assembler.accept(batch)
            summary.statuses.update(batch.statuses)
            for table in CONTENT_TABLES:
                summary.rows[table.name] += batch.tables[table.name].num_rows
            summary.quarantined += [(r.path, r.reason) for r in outcome if r.reason]
            summary.note_timings([(r.seconds, r.path) for r in outcome])
        else:
            wh.commit({QUALITY.name: quality}, publish=not reprocess)
            summary.failures.append(f"batch {number} not published: {report.describe_failures()}")
            summary.statuses["not published"] += len(outcome)
            log.error(summary.failures[-1])
        update_progress_artifact(progress, 100.0 * done / max(1, total))
    if docs is not None:
        with clock.stage("data docs"):
            summary.data_docs = docs.build()
    if reprocess and summary.failures:
        wh.recover()  # a partial re-derivation is never published
        summary.failures.insert(0, "reprocess abandoned: the warehouse is unchanged")
        return
    if not summary.reconciles():
        statuses = dict(summary.statuses)
        raise RuntimeError(f"run does not reconcile: {summary.files_seen} files seen, statuses {statuses}")
    compacted = wh.compact()  # published with the run's own record, in the commit below
    if compacted:
        log.info("compacted %s", ", ".join(compacted))
    wh.commit({RUNS.name: summary.run_row(landing, started, flow_run.name)})
    summary.flow_stages.update(clock.seconds)
    summary.flow_stages.update(wh.stopwatch.seconds)


def _validation(wh: Warehouse, run_id: str, started: datetime) -> tuple[Gate, RunDocs]:
    """The expectations gate and the run's Data Docs. Great Expectations takes seconds to import,
    so it is imported only once a batch needs validating: a run with nothing new does without it."""
    from expectations.data_docs import RunDocs
    from expectations.gate import default_gate

    return default_gate(), RunDocs(wh.root, run_id, started)


Outcome = tuple[int, BatchResult | BaseException]  # (files, their results or why the batch failed)


def _batches(unread: list[FileResult], chunks: list[list[LandingFile]], landing: str, model: str, today: date,
             max_bytes: int, in_flight: int, clock: Stopwatch) -> Iterator[Outcome]:
    """Batch results in order (or the exception a batch failed with after its retries), keeping at
    most `in_flight` batches submitted ahead so that memory stays flat however large the folder."""
    if unread:
        yield len(unread), BatchResult(unread)
    pending: deque[tuple[int, PrefectFuture]] = deque()
    for chunk in chunks:
        pending.append((len(chunk), process_batch.submit(landing, chunk, model, today, max_bytes)))
        if len(pending) >= in_flight:
            n, future = pending.popleft()
            with clock.stage("wait for workers"):
                settled = _settle(future)
            yield n, settled
    while pending:
        n, future = pending.popleft()
        with clock.stage("wait for workers"):
            settled = _settle(future)
        yield n, settled


def _commit_groups(outcomes: Iterator[Outcome], commit_size: int) -> Iterator[Outcome]:
    """Task batches joined into commits of at least `commit_size` files: validating and committing
    has a fixed cost per commit that small task batches (good for spreading work) would repeat."""
    group = BatchResult([])
    for n, outcome in outcomes:
        if isinstance(outcome, BaseException):
            yield n, outcome
            continue
        group.files.extend(outcome.files)
        group.stages.update(outcome.stages)
        if len(group.files) >= commit_size:
            yield len(group.files), group
            group = BatchResult([])
    if group.files:
        yield len(group.files), group


def _settle(future: PrefectFuture) -> BatchResult | BaseException:
    try:
        return future.result()
    except Exception as exc:  # the batch's task failed after its retries; the run goes on without it
        return exc
