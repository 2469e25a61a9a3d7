"""The `newsetl` command line: run the flow, print reports, serve the deployment."""

from __future__ import annotations

import logging
import os
import sys
import time
import warnings
from pathlib import Path
from typing import Annotated

import typer

from flows.options import (
    CRON_ENV_VAR,
    DEFAULT_CRON,
    DEFAULT_TIMEZONE,
    DEFAULTS,
    MODEL_ENV_VAR,
    TASK_RUNNERS,
    RunOptions,
)

app = typer.Typer(add_completion=False, no_args_is_help=True, help="newsetl: raw news files to a DuckDB warehouse.")

_D = DEFAULTS
LandingOpt = Annotated[Path, typer.Option("--landing", help="folder of raw *.txt article files")]
WarehouseOpt = Annotated[Path, typer.Option("--warehouse", help="warehouse folder (Delta tables + news.duckdb)")]


def _quiet(verbose: bool) -> None:
    """Library chatter (Prefect's per-task INFO logs, GX progress bars, deprecation warnings) is
    noise to someone reading the run summary; --verbose brings Prefect's logs back."""
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "INFO" if verbose else "WARNING")
    os.environ.setdefault("PREFECT_SERVER_LOGGING_LEVEL", "WARNING")
    os.environ.setdefault("TQDM_DISABLE", "1")
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    if not verbose:
        warnings.filterwarnings("ignore")
        logging.getLogger("great_expectations").setLevel(logging.ERROR)


@app.command()
def run(
    landing: LandingOpt = _D.landing,
    warehouse: WarehouseOpt = _D.warehouse,
    batch_size: Annotated[int, typer.Option(help="files per task")] = _D.batch_size,
    commit_size: Annotated[int, typer.Option(help="files per validated commit (at least)")] = _D.commit_size,
    max_file_mb: Annotated[
        float, typer.Option(help="files larger than this many MB (10^6 bytes) are quarantined unread")
    ] = _D.max_file_mb,
    model: Annotated[str, typer.Option(envvar=MODEL_ENV_VAR, help="spaCy model package or path")] = "",
    task_runner: Annotated[str, typer.Option(help=" | ".join(TASK_RUNNERS))] = _D.task_runner,
    workers: Annotated[int, typer.Option(help="worker processes; 0: one per core")] = _D.workers,
    dask_address: Annotated[str, typer.Option(help="tcp://HOST:PORT of a Dask scheduler")] = _D.dask_address,
    wait: Annotated[float, typer.Option(help="seconds to wait for another run's lock")] = _D.lock_timeout,
    reprocess: Annotated[bool, typer.Option(help="re-derive every table from the landing folder")] = _D.reprocess,
    prune_missing: Annotated[
        bool, typer.Option(help="withdraw the articles of files gone from the landing folder (kept otherwise)")
    ] = _D.prune_missing,
    retain_days: Annotated[
        float, typer.Option(help="days an old data file stays for readers after no version reads it")
    ] = _D.retain_days,
    profile: Annotated[bool, typer.Option("--profile", help="print where the time went, stage by stage")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="show Prefect's logs")] = False,
) -> None:
    """One flow run over a landing folder into a warehouse; prints a summary. When nothing is new
    or changed since the last run, the run is recorded without starting a flow run."""
    t0 = time.perf_counter()
    _quiet(verbose)
    try:
        options = RunOptions(
            landing=landing, warehouse=warehouse, batch_size=batch_size, commit_size=commit_size,
            max_file_mb=max_file_mb, model=model, task_runner=task_runner, workers=workers,
            dask_address=dask_address, lock_timeout=wait, reprocess=reprocess, prune_missing=prune_missing,
            retain_days=retain_days,
        )
    except ValueError as exc:
        _fail(str(exc))
    from flows.run import RunFailed
    from flows.run import run as run_once
    from newsetl.summary import print_profile, print_summary

    try:
        summary = run_once(options, started=t0)
    except RunFailed as exc:
        _fail(str(exc))
    print_summary(summary, warehouse)
    if profile and summary.flow_stages:
        print_profile(summary, time.perf_counter() - t0)


@app.command()
def report(
    warehouse: WarehouseOpt = _D.warehouse,
    html: Annotated[
        Path | None, typer.Option("--html", help="also write the reports, with charts, to this self-contained page")
    ] = None,
) -> None:
    """The standard reports as tables in the terminal; with --html, also as one page that works offline."""
    from newsetl.reports import print_reports
    from warehouse.layout import database

    db = database(warehouse)
    if not db.exists():
        _fail(f"no warehouse at {warehouse}: {db} does not exist (run `newsetl run` first)")
    print_reports(db)
    if html is not None:
        from newsetl.report_html import write_html
        from warehouse.layout import data_docs_index

        write_html(db, html, data_docs_index(warehouse))
        print(f"report written to {html}")


@app.command()
def check(
    warehouse: WarehouseOpt = _D.warehouse,
    repair: Annotated[bool, typer.Option("--repair", help="fix what it can without losing published rows")] = False,
) -> None:
    """Verify that the manifest, the Delta tables, their Parquet files and the views agree; one line
    per problem, exit status 1 on any. --repair fixes what it can and checks again."""
    from warehouse.check import check as check_warehouse

    if not warehouse.is_dir():
        _fail(f"no warehouse at {warehouse}: the folder does not exist")
    result = check_warehouse(warehouse, repair=repair)
    if result.busy:
        _fail(f"{result.busy}; check again when it has finished")
    for line in result.repaired:
        print(f"repaired: {line}")
    for problem in result.problems:
        print(f"problem: {problem.line()}")
    if result.problems:
        _fail(f"warehouse {warehouse}: {len(result.problems)} problem(s)")
    print(f"warehouse {warehouse}: ok (manifest, Delta versions, data files and views agree)")


@app.command()
def vacuum(
    warehouse: WarehouseOpt = _D.warehouse,
    retain_days: Annotated[
        float, typer.Option(help="days an old data file stays for readers after no version reads it")
    ] = _D.retain_days,
    wait: Annotated[float, typer.Option(help="seconds to wait for another run's lock")] = _D.lock_timeout,
) -> None:
    """Remove data files that no version of the last --retain-days days reads (never those of the
    published versions or of the last published commits); a run does the same at its end."""
    from warehouse.layout import database
    from warehouse.store import DiskFull, Warehouse, WarehouseBusy, WarehouseDamaged
    from warehouse.vacuum import vacuum as vacuum_warehouse

    if not database(warehouse).exists():
        _fail(f"no warehouse at {warehouse}: {database(warehouse)} does not exist (run `newsetl run` first)")
    try:
        with Warehouse.open(warehouse, wait) as wh:
            for notice in wh.notices:
                print(f"recovery: {notice}")
            report = vacuum_warehouse(wh, retain_days)
            wh.commit({})  # names the versions Delta recorded the vacuum as (the same rows)
    except (WarehouseBusy, WarehouseDamaged, DiskFull, ValueError) as exc:
        _fail(str(exc))
    print(report.line())


@app.command()
def serve(
    landing: LandingOpt = _D.landing,
    warehouse: WarehouseOpt = _D.warehouse,
    cron: Annotated[str, typer.Option(envvar=CRON_ENV_VAR, help="cron schedule, in --timezone")] = DEFAULT_CRON,
    timezone: Annotated[str, typer.Option(help="time zone of the cron schedule")] = DEFAULT_TIMEZONE,
) -> None:
    """Serve the deployment news-etl/daily against the Prefect API in PREFECT_API_URL."""
    _quiet(verbose=True)
    if not landing.is_dir():
        _fail(f"landing folder {landing} does not exist or is not a folder")
    from flows.deployments import daily_schedule, serve_daily

    try:
        schedule = daily_schedule(cron, timezone)
    except ValueError as exc:  # pydantic's ValidationError is one; its first line says what is wrong
        _fail(f"bad schedule --cron {cron!r} --timezone {timezone!r}: {str(exc).splitlines()[-1].strip()}")
    serve_daily(landing, warehouse, schedule)


def _fail(message: str) -> None:
    print(f"newsetl: {message}", file=sys.stderr)
    raise typer.Exit(1)


if __name__ == "__main__":
    app()
