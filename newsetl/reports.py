"""`newsetl report`: the standard analyses of warehouse/sql/ run against news.duckdb, as tables in the terminal.

The SQL files are the single source of the analyses: the terminal tables, the HTML report and an analyst
at the DuckDB CLI all run the same text. A file's first `--` line is its title; further `--` lines before
the first statement are notes on reading it."""

from __future__ import annotations

import numbers
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
from rich.console import Console
from rich.table import Table
from rich.text import Text

from warehouse.queries import standard_queries


@dataclass(frozen=True)
class Report:
    """One analysis run: its file name (without .sql), title, notes, and result."""

    name: str
    title: str
    notes: tuple[str, ...]
    columns: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]

    def column(self, name: str) -> list[Any]:
        i = self.columns.index(name)
        return [row[i] for row in self.rows]


def header(sql: str) -> tuple[str | None, tuple[str, ...]]:
    """The title and notes of a SQL file: its leading `--` comment lines (indented lines are examples)."""
    lines = []
    for line in sql.splitlines():
        if not line.startswith("--"):
            break
        lines.append(line[2:].rstrip())
    if not lines:
        return None, ()
    return lines[0].strip(), tuple(lines[1:])


def run_reports(db: Path, names: Sequence[str] | None = None) -> list[Report]:
    """Run every standard analysis (or those named) against the database at `db`, read-only."""
    queries = standard_queries()
    con = duckdb.connect(str(db), read_only=True)
    try:
        reports = []
        for name in names or queries:
            title, notes = header(queries[name])
            rel = con.sql(queries[name])
            reports.append(Report(name, title or name, notes, tuple(rel.columns), tuple(rel.fetchall())))
        return reports
    finally:
        con.close()


def print_reports(db: Path, console: Console | None = None) -> None:
    """Print every standard analysis of the database at `db` as a terminal table."""
    print_tables(run_reports(db), console)


def print_tables(reports: Sequence[Report], console: Console | None = None) -> None:
    """Print each report as a table titled by its file name and title; numbers right-aligned."""
    console = console or Console()
    for report in reports:
        table = Table(title=f"{report.name}: {report.title}", title_justify="left")
        for i, col in enumerate(report.columns):
            numeric = all(is_number(row[i]) for row in report.rows if row[i] is not None)
            table.add_column(col, justify="right" if numeric and report.rows else "left")
        for row in report.rows:
            table.add_row(*(Text(cell_text(v)) for v in row))  # Text: no markup in data
        if not report.rows:
            table.caption = "(no rows)"
        console.print(table)


def is_number(value: Any) -> bool:
    return isinstance(value, numbers.Number) and not isinstance(value, bool)


def cell_text(value: Any) -> str:
    """A cell as text: empty for NULL, timestamps to the second, lists comma-separated."""
    if value is None:
        return ""
    if hasattr(value, "isoformat") and hasattr(value, "hour"):
        return value.strftime("%Y-%m-%d %H:%M:%S %Z").strip()
    if isinstance(value, list | tuple):
        return ", ".join(cell_text(v) for v in value)
    return str(value)
