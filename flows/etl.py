"""The `news-etl` flow: landing folder -> batches of rows -> expectations gate -> commit -> views."""

from __future__ import annotations

import time
import uuid
from collections import deque
from collections.abc import Iterator
from contextlib import nullcontext
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from prefect import flow, get_run_logger
from prefect.artifacts import (
    create_link_artifact,
    create_markdown_artifact,
    create_progress_artifact,
    update_progress_artifact,
)
from prefect.futures import PrefectFuture
from prefect.runtime import flow_run
from prefect.states import Failed, State
from prefect.task_runners import TaskRunner

from flows import preflight, progress
from flows.commit import Committer, Outcome, commit_groups
from flows.definitions import resources_for, task_runner_for
from flows.landing import LandingFile
from flows.options import DEFAULTS, RunOptions
from flows.plan import Plan, plan, task_batches
from flows.publish import publish_pages
from flows.resources import Resources
from flows.run_summary import RunSummary
from flows.runs import NOTHING_NEW, record_run
from flows.stories import StoryKeeper
from flows.tasks import discover_files, process_batch
from instrumentation.stopwatch import Stopwatch
from transforms.process import BatchResult, FileResult, quarantined
from warehouse.batch import BatchAssembler, presence_rows
from warehouse.schema import ARTICLES, CONTENT_TABLES, FILES, PUBLISHED, STORY_INDEX
from warehouse.store import DiskFull, Warehouse, WarehouseBusy, WarehouseDamaged, no_space
from warehouse.vacuum import vacuum

if TYPE_CHECKING:
    pass

__all__ = ["FLOW_NAME", "RunSummary", "news_etl"]

FLOW_NAME = "news-etl"
_D = DEFAULTS


@flow(name=FLOW_NAME, log_prints=False)
def news_etl(
    landing: str = str(_D.landing),
    warehouse: str = str(_D.warehouse),
    batch_size: int = _D.batch_size,
    model: str = "",
    max_file_mb: float = _D.max_file_mb,
    lock_timeout: float = _D.lock_timeout,
    in_flight: int = _D.in_flight,
    reprocess: bool = _D.reprocess,
    commit_size: int = _D.commit_size,
    task_runner: str = _D.task_runner,
    workers: int = _D.workers,
    dask_address: str = _D.dask_address,
    prune_missing: bool = _D.prune_missing,
    retain_days: float = _D.retain_days,
    report: bool = False,
    resources: Any = None,  # a flows.resources.Resources; typed loosely so that Prefect does not validate it
) -> RunSummary | State:
    """Process every new or changed `*.txt` file under `landing` into the warehouse at `warehouse`.
    The parameters are flows.options.RunOptions' (their defaults are its defaults). Prefect shows the
    descriptions below in its UI, beside each parameter of a deployment run.

    Args:
        landing: folder of raw `*.txt` article files, read recursively and never changed
        warehouse: folder of the warehouse (Delta tables, news.duckdb); made when missing
        batch_size: files per task
        model: spaCy model package name or folder; empty for $NEWSETL_SPACY_MODEL or the default model
        max_file_mb: files larger than this many MB (10^6 bytes) are quarantined unread
        lock_timeout: seconds to wait for another run that holds the warehouse (the CLI's --wait)
        in_flight: task batches submitted ahead of the commits
        reprocess: re-derive every table from the landing folder, published at once at the end
        commit_size: files per validated commit (at least); a crash loses at most one commit
        task_runner: where batches run - process (a local process pool), thread, or dask
        workers: worker processes; 0 for one per core
        dask_address: tcp://HOST:PORT of a Dask scheduler for task_runner dask; empty for a local cluster
        prune_missing: withdraw the articles of files gone from the landing folder (kept, and marked in
            files.missing_since, otherwise)
        retain_days: days a data file that no version reads any more stays for open readers before the
            run's vacuum removes it
        report: also write the pages of the installed page writers (newsetl's HTML report, at
            WAREHOUSE/report.html) and publish each as a link artifact; see flows.publish
        resources: replaces what flows.definitions builds (tests and embedding only)

    Returns the run's summary; the flow run ends Failed (with the summary as its data) when
    nothing could be published: another run holds the warehouse, or every batch failed. Publishes a
    markdown summary artifact and, when the run built them, a link artifact to the Data Docs."""
    log = get_run_logger()
    try:  # a deployment's parameters reach here unchecked by the CLI: refuse bad ones in one line
        options = RunOptions(
            landing=landing, warehouse=warehouse, batch_size=batch_size, model=model, max_file_mb=max_file_mb,
            lock_timeout=lock_timeout, in_flight=in_flight, reprocess=reprocess, commit_size=commit_size,
            task_runner=task_runner, workers=workers, dask_address=dask_address, prune_missing=prune_missing,
            retain_days=retain_days,
        )
        resources = resources or resources_for(options)
        if problem := preflight.problem(options, resources):
            raise ValueError(problem)
    except ValueError as exc:
        log.error("nothing published: %s", exc)
        return Failed(message=str(exc))
    summary = RunSummary(str(flow_run.id or uuid.uuid4()))
    t0 = time.perf_counter()
    try:
        with Warehouse.open(options.warehouse, options.lock_timeout, resources.failpoints) as wh:
            summary.notices += wh.notices
            _run(wh, summary, options, resources)
    except (WarehouseBusy, WarehouseDamaged) as exc:
        summary.failures.append(str(exc))
    except DiskFull as exc:  # the warehouse cleaned up after the commit; nothing more can be written
        summary.abort(str(exc))
    except Exception as exc:
        if not no_space(exc):
            raise
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        summary.abort(f"no space left on device ({first}); the published state is that of the last complete commit")
    summary.seconds = time.perf_counter() - t0
    if summary.failures:
        more = f" (+{len(summary.failures) - 1} more)" if len(summary.failures) > 1 else ""
        summary.message = summary.failures[0] + more
    create_markdown_artifact(summary.markdown(), key="news-etl-summary", description="news-etl run summary")
    if summary.data_docs is not None:
        create_link_artifact(summary.data_docs.resolve().as_uri(), link_text="Great Expectations Data Docs",
                             key="news-etl-data-docs",
                             description=f"expectation results of every run on {options.warehouse} (a local file)")
    if report:
        publish_pages(options.warehouse, log)
    if not summary.published_anything:
        log.error("nothing published: %s", summary.message)
        return Failed(message=summary.message, data=summary)
    log.info("%s in %.1fs: %s", summary.status, summary.seconds, dict(summary.statuses))
    return summary


def _run(wh: Warehouse, summary: RunSummary, options: RunOptions, resources: Resources) -> None:
    log = get_run_logger()
    started = datetime.now(UTC)
    today = date.today()
    clock = Stopwatch()
    source = resources.source
    with clock.stage("discover"):
        files = discover_files(source, options.max_bytes)
    with clock.stage("plan"):
        known = {} if options.reprocess else wh.known_files()
        work = plan(files, known, options.prune_missing)
    stories = StoryKeeper(wh, empty=options.reprocess)
    if work.gone or work.returned or work.pruned:
        known = _record_presence(wh, summary, work, known, options, stories)
    summary.files_seen, summary.statuses["unchanged"] = len(files), work.unchanged
    log.info("%d files in %s: %d to read, %d unchanged", len(files), source.name, len(work.to_read), work.unchanged)
    if work.nothing_to_do and not options.reprocess:
        summary.message = NOTHING_NEW
    if options.reprocess:
        # Every table is re-derived; intermediate commits stay unpublished, so readers see the old
        # state until the run's last commit names the new one, and a crash rolls everything back.
        wh.delete_all([*CONTENT_TABLES, FILES, STORY_INDEX], publish=False)
    with clock.stage("plan"):
        assembler = BatchAssembler(known, {} if options.reprocess else wh.published_articles(), summary.run_id)
    unread = [quarantined(f.path, "", f.size, f.mtime_ns, f.problem or "") for f in work.unread]
    chunks = task_batches(work.to_read, options.batch_size)
    artifact = create_progress_artifact(0.0, key="news-etl-progress", description=f"files of {source.name}")
    total, done = len(work.to_read) + len(unread), 0
    progress.report(0, total)
    committer = Committer(wh, summary, options, resources, assembler, started, today, clock, stories)
    with task_runner_for(options) if chunks else nullcontext() as runner:  # no workers for nothing to do
        outcomes = _reported(_batches(runner, unread, chunks, options, resources, today, clock), total)
        for number, (n_files, result) in enumerate(commit_groups(outcomes, options.commit_size)):
            done += n_files
            committer.commit(number, n_files, result)
            update_progress_artifact(artifact, 100.0 * done / max(1, total))
    if committer.docs is not None:
        with clock.stage("data docs"):
            summary.data_docs = committer.docs.build()
    if options.reprocess and summary.failures:
        wh.recover()  # a partial re-derivation is never published
        summary.failures.insert(0, "reprocess abandoned: the warehouse is unchanged")
        return
    if not summary.reconciles():
        statuses = dict(summary.statuses)
        raise RuntimeError(f"run does not reconcile: {summary.files_seen} files seen, statuses {statuses}")
    compacted = wh.compact()  # published with the run's own record, in the commit below
    if compacted:
        log.info("compacted %s", ", ".join(compacted))
    swept = vacuum(wh, options.retain_days)  # likewise
    summary.vacuumed = swept.removed
    log.info(swept.line())
    record_run(wh, summary, source.name, started, flow_run.name, resources.model)
    summary.flow_stages.update(clock.seconds)
    summary.flow_stages.update(wh.stopwatch.seconds)


def _record_presence(wh: Warehouse, summary: RunSummary, work: Plan, known: dict, options: RunOptions,
                     stories: StoryKeeper) -> dict:
    """One commit marking the files gone from the landing folder (their rows stay) or back, and, with
    prune_missing, withdrawing the articles of missing files and their records (and handing their stories
    to the next earliest article). Returns what the warehouse then knows of the files."""
    pruned = [known[p].article_id for p in work.pruned if known[p].status == PUBLISHED]
    rows = {FILES.name: presence_rows(known, work.gone, work.returned, summary.run_id, datetime.now(UTC))}
    rewrite: list[str] = []
    if pruned and not options.reprocess:  # a reprocess derives every story anew
        story_rows = stories.assign(ARTICLES.to_arrow([]), pruned)
        rows[ARTICLES.name], rewrite = story_rows.rewritten, story_rows.rewrite_ids
        rows[STORY_INDEX.name] = story_rows.index  # articles published before stories existed, when any
    try:
        wh.commit(rows, withdraw_article_ids=pruned, replace_paths=[*work.gone, *work.returned, *work.pruned],
                  publish=not options.reprocess, rewrite_article_ids=rewrite)
    except BaseException:
        stories.forget()
        raise
    summary.gone, summary.pruned = len(work.gone), len(work.pruned)
    get_run_logger().info("%d files gone from the landing folder (kept), %d back, %d pruned",
                          len(work.gone), len(work.returned), len(work.pruned))
    return wh.known_files()


def _batches(runner: TaskRunner | None, unread: list[FileResult], chunks: list[list[LandingFile]],
             options: RunOptions, resources: Resources, today: date, clock: Stopwatch) -> Iterator[Outcome]:
    """Batch results in order (or the exception a batch failed with after its retries), keeping at
    most `in_flight` batches submitted ahead so that memory stays flat however large the folder."""
    if unread:
        yield len(unread), BatchResult(unread)
    if runner is None:
        return
    pending: deque[tuple[int, PrefectFuture]] = deque()
    parameters = {"source": resources.source, "model": resources.model, "processor": resources.processor,
                  "today": today, "max_bytes": options.max_bytes}
    for chunk in chunks:
        pending.append((len(chunk), runner.submit(process_batch, {**parameters, "files": chunk})))
        if len(pending) >= options.in_flight:
            n, future = pending.popleft()
            with clock.stage("wait for workers"):
                settled = _settle(future)
            yield n, settled
    while pending:
        n, future = pending.popleft()
        with clock.stage("wait for workers"):
            settled = _settle(future)
        yield n, settled


def _reported(outcomes: Iterator[Outcome], total: int) -> Iterator[Outcome]:
    """The outcomes as they come, each batch's files reported as done to a listener (flows.progress)."""
    done = 0
    for n, outcome in outcomes:
        done += n
        progress.report(done, total)
        yield n, outcome


def _settle(future: PrefectFuture) -> BatchResult | BaseException:
    try:
        return future.result()
    except Exception as exc:  # the batch's task failed after its retries; the run goes on without it
        return exc
