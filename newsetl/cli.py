"""The `newsetl` command line: run the flow, print reports, serve the deployment."""

from __future__ import annotations

import atexit
import gc
import logging
import os
import sys
import time
import traceback
import warnings
from contextlib import nullcontext
from pathlib import Path
from typing import Annotated

import typer

from flows.options import (
    CRON_ENV_VAR,
    DEFAULT_CRON,
    DEFAULT_DEPLOYMENT,
    DEFAULT_TIMEZONE,
    DEFAULTS,
    MODEL_ENV_VAR,
    TASK_RUNNERS,
    RunOptions,
)

app = typer.Typer(add_completion=False, no_args_is_help=True, help="newsetl: raw news files to a DuckDB warehouse.")

_D = DEFAULTS
REPORT_ROWS = 10  # rows per terminal table of `newsetl report`: the top of each ranking fits a screen
LandingOpt = Annotated[Path, typer.Option("--landing", help="folder of raw *.txt article files")]
WarehouseOpt = Annotated[Path, typer.Option("--warehouse", help="warehouse folder (Delta tables + news.duckdb)")]
VerboseOpt = Annotated[bool, typer.Option("--verbose", "-v", help="show Prefect's logs, and an error's traceback")]


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
    verbose: VerboseOpt = False,
) -> None:
    """One flow run over a landing folder into a warehouse; prints a summary. When nothing is new
    or changed since the last run, the run is recorded without starting a flow run."""
    t0 = time.perf_counter() - _seconds_since_process_start()  # the user waited for Python's start-up too
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
    from newsetl.progress import progress_bar
    from newsetl.summary import print_profile, print_summary

    try:
        # a bar on a terminal, unless Prefect's logs (-v) are shown there
        with progress_bar() if not verbose else nullcontext() as on_progress:
            summary = run_once(options, started=t0, on_progress=on_progress)
    except RunFailed as exc:
        _fail(str(exc), verbose)
    wall = time.perf_counter() - t0  # what the user waited, start-up and shut-down included
    print_summary(summary, warehouse, wall)
    if profile and summary.flow_stages:
        print_profile(summary, wall)


@app.command()
def report(
    warehouse: WarehouseOpt = _D.warehouse,
    only: Annotated[
        list[str] | None, typer.Option("--only", metavar="NAME", help="only this report (a warehouse/sql file name); "
                                       "repeat for more")
    ] = None,
    format_: Annotated[str, typer.Option("--format", help="table | csv (one report) | json")] = "table",
    search: Annotated[
        str | None, typer.Option("--search", metavar="TERM", help="words every quote must contain (the quote search)")
    ] = None,
    limit: Annotated[int, typer.Option(help="rows per terminal table; 0: all (csv and json have all)")] = REPORT_ROWS,
    html: Annotated[
        Path | None, typer.Option("--html", help="also write the reports, with charts, to this self-contained page")
    ] = None,
    per_story: Annotated[bool, typer.Option(
        "--per-story", help="count each story once: its first article, a quotation repeated in its copies once")
    ] = False,
    verbose: VerboseOpt = False,
) -> None:
    """The standard reports as tables sized to the terminal (or as CSV or JSON); with --html, also as one
    page that works offline."""
    from newsetl.reports import FORMATS, print_tables, run_reports, select_reports, write_csv, write_json
    from warehouse.layout import database

    try:
        names = select_reports(only or (), search)
    except ValueError as exc:
        _fail(str(exc))
    if format_ not in FORMATS:
        _fail(f"unknown format {format_!r}: choose one of {', '.join(FORMATS)}")
    if format_ == "csv" and len(names) != 1:
        _fail("--format csv writes one report: choose it with --only NAME")
    if limit < 0:
        _fail(f"--limit must be 0 (all rows) or more, not {limit}")
    if html is not None and html.is_dir():
        _fail(f"--html {html} is a folder: give the page's file name, e.g. --html {html / 'report.html'}")
    db = database(warehouse)
    if not db.exists():
        _fail(f"no warehouse at {warehouse}: {db} does not exist (run `newsetl run` first)")
    import duckdb

    try:
        reports = run_reports(db, names, search, per_story=per_story)
    except duckdb.Error as exc:  # not a DuckDB database, or one whose views name files that are gone
        _fail(f"cannot read {db}: {_one_line(str(exc))}", verbose)
    if format_ == "csv":
        write_csv(reports[0])
    elif format_ == "json":
        write_json(reports)
    else:
        print_tables(reports, limit=limit)
    if html is not None:
        from newsetl.report_html import write_html
        from warehouse.layout import data_docs_index

        write_html(db, html, data_docs_index(warehouse))
        # beside CSV or JSON on stdout, the note goes to stderr
        print(f"report written to {html}", file=sys.stdout if format_ == "table" else sys.stderr)


@app.command()
def check(
    warehouse: WarehouseOpt = _D.warehouse,
    repair: Annotated[bool, typer.Option("--repair", help="fix what it can without losing published rows")] = False,
) -> None:
    """Verify that the manifest, the Delta tables, their Parquet files and the views agree; one line
    per problem, exit status 1 on any. --repair fixes what it can and checks again."""
    from warehouse.check import check as check_warehouse

    if warehouse.exists() and not warehouse.is_dir():
        _fail(f"no warehouse at {warehouse}: it is a file, not a warehouse folder")
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
def compare(
    old: Annotated[Path, typer.Argument(help="the warehouse in use (folder, or its news.duckdb)")],
    new: Annotated[Path, typer.Argument(help="the candidate warehouse, e.g. built by a new version")],
    json_: Annotated[bool, typer.Option("--json", help="print JSON instead of tables")] = False,
    html: Annotated[Path | None, typer.Option("--html", help="also write the comparison to this page")] = None,
    limit: Annotated[int, typer.Option(help="rows per terminal table; 0: all (JSON has all)")] = REPORT_ROWS,
    verbose: VerboseOpt = False,
) -> None:
    """What would change for analysts if warehouse NEW replaced OLD: articles in only one; quotes added,
    removed, re-attributed and re-typed; entities renamed, relabelled, merged and split; people regrouped;
    corrections in only one, and what they changed; statements per speaker before and after. Exit status 0
    whether or not anything differs."""
    from newsetl.compare import CompareError
    from newsetl.compare import compare as compare_warehouses
    from newsetl.reports import print_tables, write_json
    from warehouse.layout import database

    if limit < 0:
        _fail(f"--limit must be 0 (all rows) or more, not {limit}")
    if html is not None and html.is_dir():
        _fail(f"--html {html} is a folder: give the path of the page to write")
    dbs = [path if path.suffix == ".duckdb" else database(path) for path in (old, new)]
    try:
        reports = compare_warehouses(*dbs)
    except CompareError as exc:
        _fail(str(exc), verbose)
    if json_:
        write_json(reports)
    else:
        print_tables(reports[:1])  # the summary, whole
        print_tables(reports[1:], limit=limit)
    if html is not None:
        from newsetl.compare_html import write_compare_html

        write_compare_html(reports, dbs[0], dbs[1], html)
        print(f"comparison written to {html}", file=sys.stderr if json_ else sys.stdout)


def _correct_app() -> typer.Typer:
    from newsetl.correct import app as correct_app

    return correct_app


app.add_typer(_correct_app(), name="correct")


@app.command()
def serve(
    landing: LandingOpt = _D.landing,
    warehouse: WarehouseOpt = _D.warehouse,
    cron: Annotated[str, typer.Option(envvar=CRON_ENV_VAR, help="cron schedule, in --timezone")] = DEFAULT_CRON,
    timezone: Annotated[str, typer.Option(help="time zone of the cron schedule")] = DEFAULT_TIMEZONE,
    name: Annotated[str, typer.Option(help="deployment name, under the flow news-etl")] = DEFAULT_DEPLOYMENT,
    verbose: VerboseOpt = False,
) -> None:
    """Serve the deployment news-etl/daily against the Prefect API in PREFECT_API_URL; refuses, in one
    line, to start without a server or to take over a deployment that `prefect deploy` made."""
    _quiet(verbose=True)
    if not landing.is_dir():
        _fail(f"landing folder {landing} does not exist or is not a folder")
    if not name.strip() or "/" in name:
        _fail(f"--name {name!r} must be a deployment name, without '/'")
    from warehouse.layout import write_problem

    if problem := write_problem(warehouse):  # every scheduled run would fail on it
        _fail(problem)
    from flows.deployments import daily_schedule, serve_daily, serve_problem

    try:
        schedule = daily_schedule(cron, timezone)
    except ValueError as exc:  # pydantic's ValidationError is one; its first line says what is wrong
        _fail(f"bad schedule --cron {cron!r} --timezone {timezone!r}: {str(exc).splitlines()[-1].strip()}")
    if reason := serve_problem(name):
        _fail(reason)
    serve_daily(landing, warehouse, schedule, name)


def _seconds_since_process_start() -> float:
    """How long this process has existed (Linux: its start time in /proc); 0 where that is unknown."""
    try:
        with open("/proc/self/stat", encoding="ascii") as stat:
            ticks = int(stat.read().rsplit(")", 1)[1].split()[19])  # field 22, starttime, after the name
        return max(0.0, time.clock_gettime(time.CLOCK_BOOTTIME) - ticks / os.sysconf("SC_CLK_TCK"))
    except (OSError, ValueError, IndexError, AttributeError):
        return 0.0


def _fail(message: str, verbose: bool = False) -> None:
    """Exit 1 with `message` as one line on stderr; with `verbose`, after the traceback of the exception
    being handled, if any."""
    if verbose and sys.exc_info()[0] is not None:
        traceback.print_exc()
    print(f"newsetl: {message}", file=sys.stderr)
    raise typer.Exit(1)


def main(argv: list[str] | None = None) -> None:
    """The `newsetl` command: `app` with every fault as one line on stderr and a non-zero exit. Usage
    errors (an unknown option, a value of the wrong type) exit 2 naming the option and the help to read;
    an error nothing expected exits 1 with its type and message, and its traceback with -v/--verbose.
    Ctrl-C exits 130."""
    args = (sys.argv[1:] if argv is None else argv) or ["--help"]
    # Registered first, so run last, when everything is closed: the interpreter's final garbage
    # collection would walk every object the libraries built (a second or two once Great Expectations
    # is loaded) only to free memory that the exit frees anyway.
    atexit.register(gc.freeze)
    verbose = "-v" in args or "--verbose" in args
    command = typer.main.get_command(app)
    try:
        code = command.main(args=args, prog_name="newsetl", standalone_mode=False)
    except typer.TyperException as exc:  # usage errors carry the context of the command they are about
        ctx = getattr(exc, "ctx", None)
        path = ctx.command_path if ctx is not None else "newsetl"
        usage = f" (see `{path} --help`)" if exc.exit_code == 2 else ""
        print(f"{path}: {_one_line(exc.format_message())}{usage}", file=sys.stderr)
        code = exc.exit_code
    except (typer.Abort, KeyboardInterrupt):
        print("newsetl: interrupted", file=sys.stderr)
        code = 130
    except Exception as exc:  # the last line of defence: one line, the traceback on request
        if verbose:
            traceback.print_exc()
        hint = "" if verbose else " (-v shows the traceback)"
        print(f"newsetl: {type(exc).__name__}: {_one_line(str(exc)) or 'no message'}{hint}", file=sys.stderr)
        code = 1
    sys.exit(code or 0)


def _one_line(text: str) -> str:
    return " ".join(text.split())


if __name__ == "__main__":
    main()
