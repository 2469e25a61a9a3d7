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

app = typer.Typer(add_completion=False, no_args_is_help=True, help="newsetl: raw news files to a DuckDB warehouse.")

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
    landing: LandingOpt = Path("seeds"),
    warehouse: WarehouseOpt = Path("warehouse"),
    batch_size: Annotated[int, typer.Option(help="files per task")] = 32,
    commit_size: Annotated[int, typer.Option(help="files per validated commit (at least)")] = 512,
    max_file_mb: Annotated[float, typer.Option(help="files larger than this are quarantined unread")] = 20.0,
    model: Annotated[str, typer.Option(envvar="NEWSETL_SPACY_MODEL", help="spaCy model package or path")] = "",
    task_runner: Annotated[str, typer.Option(help="process (default), thread or dask")] = "process",
    workers: Annotated[int, typer.Option(help="worker processes (default: one per core)")] = 0,
    dask_address: Annotated[str, typer.Option(help="tcp://HOST:PORT of a Dask scheduler")] = "",
    wait: Annotated[float, typer.Option(help="seconds to wait for another run's lock")] = 0.0,
    reprocess: Annotated[bool, typer.Option(help="re-derive every table from the landing folder")] = False,
    profile: Annotated[bool, typer.Option("--profile", help="print where the time went, stage by stage")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="show Prefect's logs")] = False,
) -> None:
    """One flow run over a landing folder into a warehouse; prints a summary. When nothing is new
    or changed since the last run, the run is recorded without starting a flow run."""
    t0 = time.perf_counter()
    _quiet(verbose)
    from newsetl.summary import print_profile, print_summary

    if not landing.is_dir():
        _fail(f"landing folder {landing} does not exist or is not a folder")
    warehouse.mkdir(parents=True, exist_ok=True)
    if not reprocess:
        from newsetl.idle_run import record_if_nothing_new
        from warehouse.store import WarehouseBusy

        try:
            idle = record_if_nothing_new(landing, warehouse, int(max_file_mb * 1e6), wait)
        except WarehouseBusy as exc:
            _fail(f"nothing could be published: {exc}")
        if idle is not None:
            print_summary(idle, warehouse)
            return
    from flows.api import prefect_api, start_server
    from flows.runners import make_task_runner

    try:
        runner = make_task_runner(task_runner, workers or None, dask_address or None)
    except ValueError as exc:
        _fail(str(exc))
    server = start_server()  # boots while the flow's modules import
    # There is work to do: Great Expectations, which the flow imports at its first batch, loads now,
    # while the server boots, rather than later beside busy workers.
    import expectations.gate  # noqa: F401
    from flows.etl import RunSummary, news_etl
    from transforms.nlp import DEFAULT_MODEL

    started = time.perf_counter()
    with prefect_api(server):
        ready = time.perf_counter()
        state = news_etl.with_options(task_runner=runner)(
            landing=str(landing), warehouse=str(warehouse), batch_size=batch_size,
            model=model or DEFAULT_MODEL, max_file_mb=max_file_mb, lock_timeout=wait,
            reprocess=reprocess, commit_size=commit_size, return_state=True,
        )
        flow_done = time.perf_counter()
    summary = state.result(raise_on_failure=False)
    if not isinstance(summary, RunSummary):  # the flow itself crashed: say why in one line
        _fail(f"run {state.name}: {summary!r}" if isinstance(summary, BaseException) else f"run {state.name}")
    summary.flow_stages.update({
        "start (imports)": started - t0, "start (Prefect API)": ready - started,
        "flow run overhead": flow_done - ready - summary.seconds, "stop (Prefect API)": time.perf_counter() - flow_done,
    })
    if summary.published_anything:
        print_summary(summary, warehouse)
        if profile:
            print_profile(summary, time.perf_counter() - t0)
    else:
        _fail(f"nothing could be published: {summary.message}")


@app.command()
def report(
    warehouse: WarehouseOpt = Path("warehouse"),
    html: Annotated[
        Path | None, typer.Option("--html", help="also write the reports, with charts, to this self-contained page")
    ] = None,
) -> None:
    """The standard reports as tables in the terminal; with --html, also as one page that works offline."""
    from newsetl.reports import print_reports

    db = warehouse / "news.duckdb"
    if not db.exists():
        _fail(f"no warehouse at {warehouse}: {db} does not exist (run `newsetl run` first)")
    print_reports(db)
    if html is not None:
        from newsetl.report_html import data_docs_index, write_html

        write_html(db, html, data_docs_index(warehouse))
        print(f"report written to {html}")


@app.command()
def serve(
    landing: LandingOpt = Path("seeds"),
    warehouse: WarehouseOpt = Path("warehouse"),
    cron: Annotated[str, typer.Option(envvar="NEWSETL_CRON", help="cron schedule, in --timezone")] = "0 6 * * *",
    timezone: Annotated[str, typer.Option(help="time zone of the cron schedule")] = "UTC",
) -> None:
    """Serve the deployment news-etl/daily against the Prefect API in PREFECT_API_URL."""
    _quiet(verbose=True)
    from flows.deployments import serve_daily

    serve_daily(landing, warehouse, cron, timezone)


def _fail(message: str) -> None:
    print(f"newsetl: {message}", file=sys.stderr)
    raise typer.Exit(1)


if __name__ == "__main__":
    app()
