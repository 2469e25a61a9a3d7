"""The short, readable summary printed at the end of a run."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from flows.run_summary import RunSummary
from newsetl import terminal
from warehouse.layout import database
from warehouse.schema import CONTENT_TABLES, FILE_STATUSES


def print_summary(s: RunSummary, warehouse: Path, wall_seconds: float | None = None,
                  console: Console | None = None) -> None:
    """Files by status, rows committed, quarantined files (the first 20), failures and where to look.
    The time shown is `wall_seconds`, what the caller waited (start-up included), when given; else the
    flow's own."""
    console = console or terminal.console()
    for notice in s.notices:
        console.print(f"[yellow]recovery:[/] {_data(notice)}", soft_wrap=True, highlight=False)
    st = s.statuses
    seconds = s.seconds if wall_seconds is None else wall_seconds
    files = Table(title=f"newsetl run {s.run_id[:8]} - {s.status} in {seconds:.1f}s", show_header=True)
    for col in ("files seen", "unchanged", *FILE_STATUSES):
        files.add_column(col, justify="right")
    files.add_row(str(s.files_seen), str(st["unchanged"]), *(str(st[status]) for status in FILE_STATUSES))
    console.print(files)
    if s.message and not s.failures:
        console.print(_data(s.message))
    if s.gone:
        console.print(f"{s.gone} files gone from the landing folder since the last run: their articles stay "
                      "(the files view says since when; --prune-missing withdraws them)")
    if s.pruned:
        console.print(f"{s.pruned} missing files pruned: their articles withdrawn")
    if st["not published"]:
        n = st['not published']
        console.print(f"[red]{n} files not published[/]: their batches failed; the next run retries them")
    rows = Table(show_header=True, title="rows committed")
    for col in (*(t.name for t in CONTENT_TABLES), "expectations passed"):
        rows.add_column(col, justify="right")
    passed = s.expectations_evaluated - s.expectations_failed
    rows.add_row(*(str(s.rows[t.name]) for t in CONTENT_TABLES), f"{passed}/{s.expectations_evaluated}")
    console.print(rows)
    for path, reason in s.quarantined[:20]:
        console.print(f"[yellow]quarantined[/] {_data(path)}: {_data(reason)}")
    if len(s.quarantined) > 20:
        console.print(f"... and {len(s.quarantined) - 20} more (see the files view)")
    for line in s.orphaned[:20]:
        console.print(f"[yellow]correction orphaned[/] {_data(line)}: fix or delete its line", soft_wrap=True,
                      highlight=False)
    if len(s.orphaned) > 20:
        console.print(f"... and {len(s.orphaned) - 20} more orphaned corrections (newsetl check lists them all)")
    for failure in s.failures:
        console.print(f"[red]failed[/] {_data(failure)}")
    if s.data_docs:
        console.print(f"data docs: {_data(s.data_docs)}")
    db = database(warehouse)
    # one line however narrow the output: it is a command to copy
    console.print(f"warehouse: {_data(db)}  ({_data(duckdb_command())} -readonly {_data(db)})", soft_wrap=True)


def duckdb_command() -> str:
    """How to start the DuckDB CLI that make setup installs beside newsetl: its path when it is not
    the `duckdb` on PATH (a venv that is not activated), relative to the working directory if inside."""
    cli = Path(sys.executable).parent / "duckdb"
    if not cli.exists() or shutil.which("duckdb") == str(cli):
        return "duckdb"
    try:
        return str(cli.relative_to(Path.cwd()))
    except ValueError:
        return str(cli)


def _data(value: object) -> str:
    """A file name, reason or path as markup-safe, printable text: `a[/]b.txt` is no closing tag (rich
    raised MarkupError, after the run had published) and an escape sequence in a file name is shown,
    not sent to the terminal."""
    return escape(terminal.printable(str(value)))


def print_profile(s: RunSummary, wall_seconds: float, console: Console | None = None) -> None:
    """Where the time went: worker stages (seconds summed over the worker processes, which run in
    parallel) and the flow process's own stages (wall-clock, of which waiting is idle time)."""
    console = console or terminal.console()
    table = Table(title=f"where the time went ({wall_seconds:.1f}s wall clock)", show_header=True)
    for col, justify in (("process", "left"), ("stage", "left"), ("seconds", "right"), ("share", "right")):
        table.add_column(col, justify=justify)
    worker_total = sum(s.worker_stages.values()) or 1.0
    for where, stage, seconds in s.profile():
        share = seconds / (worker_total if where == "workers" else wall_seconds)
        table.add_row(where, stage, f"{seconds:.1f}", f"{100 * share:.0f}%")
    console.print(table)
    console.print("workers: summed over the worker processes, share of their total; "
                  "flow: the run's own process, share of the wall clock")
