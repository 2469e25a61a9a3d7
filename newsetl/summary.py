"""The short, readable summary printed at the end of a run."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.table import Table

from flows.run_summary import RunSummary


def print_summary(s: RunSummary, warehouse: Path, console: Console | None = None) -> None:
    console = console or Console()
    st = s.statuses
    files = Table(title=f"newsetl run {s.run_id[:8]} - {s.status} in {s.seconds:.1f}s", show_header=True)
    for col in ("files seen", "unchanged", "published", "duplicate", "quarantined"):
        files.add_column(col, justify="right")
    files.add_row(str(s.files_seen), str(st["unchanged"]), str(st["published"]), str(st["duplicate"]),
                  str(st["quarantined"]))
    console.print(files)
    if st["not published"]:
        n = st['not published']
        console.print(f"[red]{n} files not published[/]: their batches failed; the next run retries them")
    rows = Table(show_header=True, title="rows committed")
    for col in ("articles", "quotes", "entities", "expectations passed"):
        rows.add_column(col, justify="right")
    passed = s.expectations_evaluated - s.expectations_failed
    rows.add_row(str(s.rows["articles"]), str(s.rows["quotes"]), str(s.rows["entities"]),
                 f"{passed}/{s.expectations_evaluated}")
    console.print(rows)
    for path, reason in s.quarantined[:20]:
        console.print(f"[yellow]quarantined[/] {path}: {reason}")
    if len(s.quarantined) > 20:
        console.print(f"... and {len(s.quarantined) - 20} more (see the files view)")
    for failure in s.failures:
        console.print(f"[red]failed[/] {failure}")
    if s.data_docs:
        console.print(f"data docs: {s.data_docs}")
    console.print(f"warehouse: {warehouse / 'news.duckdb'}  (duckdb -readonly {warehouse / 'news.duckdb'})")
