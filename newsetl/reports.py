"""`newsetl report`: the standard analyses of warehouse/sql/ run against news.duckdb, as tables sized to the
terminal, CSV or JSON.

The SQL files are the single source of the analyses: the terminal tables, the HTML report and an analyst
at the DuckDB CLI all run the same text. A file's first `--` line is its title; further `--` lines before
the first statement are notes on reading it."""

from __future__ import annotations

import csv
import json
import numbers
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import Any, TextIO

import duckdb
from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

from newsetl.terminal import asked_width, printable
from newsetl.terminal import console as terminal_console
from warehouse.per_story import per_story_views
from warehouse.queries import standard_queries
from warehouse.sql_text import literal

FORMATS = ("table", "csv", "json")
SEARCH_REPORT = "quote_search"  # the report --search feeds (its SQL reads the variable `search`)


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


class UnknownReport(ValueError):
    """A report name that no SQL file of warehouse/sql/ has; the message lists the names there are."""


def select_reports(only: Sequence[str] = (), search: str | None = None) -> list[str]:
    """The reports `newsetl report` runs: those named in `only`, in the order given, else every standard
    one; the quote search only when there is something to search for (unset, it lists the latest quotes,
    which `--only quote_search` still shows). UnknownReport for a name that is not a report, ValueError
    for a search with an `only` that leaves the quote search out."""
    names = list(standard_queries())
    unknown = [n for n in only if n not in names]
    if unknown:
        raise UnknownReport(f"no report named {unknown[0]!r}: choose from {', '.join(names)}")
    if only:
        if search is not None and SEARCH_REPORT not in only:
            raise ValueError(f"--search is for the {SEARCH_REPORT} report: add --only {SEARCH_REPORT}")
        return list(dict.fromkeys(only))
    return [n for n in names if n != SEARCH_REPORT or search is not None]


def run_reports(db: Path, names: Sequence[str] | None = None, search: str | None = None,
                per_story: bool = False) -> list[Report]:
    """Run every standard analysis (or those named) against the database at `db`, read-only; `search`
    sets the variable the quote search reads (words every quote must contain). `per_story` counts each
    story once (warehouse.per_story: the first article of each story, a quotation repeated in its copies once)."""
    queries = standard_queries()
    con = duckdb.connect(str(db), read_only=True)
    try:
        if per_story:
            (catalog,) = con.execute("SELECT current_database()").fetchall()[0]
            for statement in per_story_views(catalog):
                con.execute(statement)
        if search is not None:
            con.execute(f"SET VARIABLE search = {literal(search)}")
        reports = []
        for name in names or queries:
            title, notes = header(queries[name])
            rel = con.sql(queries[name])
            reports.append(Report(name, title or name, notes, tuple(rel.columns), tuple(rel.fetchall())))
        return reports
    finally:
        con.close()


def print_tables(reports: Sequence[Report], console: Console | None = None, limit: int = 0) -> None:
    """Print each report under its file name and title, its first `limit` rows (0: all), as a table that
    fits the console's width (id columns left out): one line per row, column names whole (words of
    `a_name` may wrap onto a second header line), numbers whole and right-aligned, long text cut with an
    ellipsis (CSV, JSON and the HTML page carry it whole). Written to a pipe or a file (no terminal and
    no COLUMNS), a table is as wide as its cells: nothing is cut for a terminal that is not there.
    Widths are terminal cells (a CJK character takes two). A COLUMNS that is not a positive whole number
    (`0`, `-5`, `abc`) is taken as unset (newsetl.terminal)."""
    whole = console is None and not sys.stdout.isatty() and asked_width() is None
    console = console or terminal_console()
    for report in reports:
        report = without_ids(report)
        shown = report.rows[:limit] if limit > 0 else report.rows
        texts = [[printable(cell_text(v)) for v in row] for row in shown]  # escapes shown: one line per row
        numeric = [bool(report.rows) and all(is_number(row[i]) for row in report.rows if row[i] is not None)
                   for i in range(len(report.columns))]
        headers = [col.replace("_", " ") for col in report.columns]
        room = max(console.width, natural_width(headers, texts)) if whole else console.width
        widths = column_widths(headers, texts, numeric, room)
        table = Table(caption_justify="left")
        if widths is not None:
            for header_, width, num in zip(headers, widths, numeric, strict=True):
                table.add_column(header_, justify="right" if num else "left", width=width)
            for row in texts:  # Text: data is not markup
                table.add_row(*(_cell(v) for v in row))
        else:  # too many columns for the terminal: one block of `column  value` lines per row
            name_width = max(len(c) for c in report.columns)
            table.add_column("column", width=name_width)
            table.add_column("value", width=max(console.width - name_width - 7, 8))
            for row in texts:
                for col, v in zip(report.columns, row, strict=True):
                    table.add_row(col, _cell(v))
                table.add_section()
        if not report.rows:
            table.caption = "(no rows)"
        elif len(shown) < len(report.rows):
            table.caption = f"{len(shown)} of {len(report.rows)} rows (--limit 0 shows all)"
        out = Console(width=room) if room > console.width else console  # print() cannot widen a console
        out.print(Text(f"{report.name}: {report.title}", style="bold"))
        out.print(table)


def without_ids(report: Report) -> Report:
    """The report without its id columns (`quote_id`): 32 hex digits are for joining and for the HTML
    page's links, not for reading in a terminal; CSV and JSON keep them."""
    keep = [i for i, c in enumerate(report.columns) if not c.endswith("_id")]
    if len(keep) == len(report.columns):
        return report
    return Report(report.name, report.title, report.notes, tuple(report.columns[i] for i in keep),
                  tuple(tuple(row[i] for i in keep) for row in report.rows))


def _cell(value: str) -> Text:
    return Text(value, no_wrap=True, overflow="ellipsis")  # Text: data is not markup


def natural_width(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> int:
    """Terminal cells a table of these cells takes with no cell cut and no header wrapped, borders included."""
    return (sum(max([cell_len(h), *(cell_len(row[i]) for row in rows)]) for i, h in enumerate(headers))
            + 3 * len(headers) + 1)


def column_widths(headers: Sequence[str], rows: Sequence[Sequence[str]], numeric: Sequence[bool],
                  console_width: int) -> list[int] | None:
    """Widths (characters inside the padding) for a rich table of these cells that fits `console_width`.

    Each column gets its widest cell or header. When that is too wide: headers wrap at their spaces
    (a column keeps its longest header word); then the widest text columns narrow together, never
    below their longest header word or 8 characters; numbers never narrow. None when even that does
    not fit (too many columns for the terminal)."""
    available = console_width - (3 * len(headers) + 1)  # borders and one space of padding each side (natural_width)
    cells = [max((cell_len(row[i]) for row in rows), default=0) for i in range(len(headers))]
    natural = [max(c, cell_len(h)) for c, h in zip(cells, headers, strict=True)]
    if sum(natural) <= available:
        return natural
    word = [max(cell_len(w) for w in h.split()) if h.split() else 1 for h in headers]
    widths = [max(c, w, 1) for c, w in zip(cells, word, strict=True)]
    floors = [widths[i] if numeric[i] else min(widths[i], max(word[i], 8)) for i in range(len(headers))]
    if sum(widths) <= available:
        return widths
    if sum(floors) > available:
        return None
    # the largest cap such that every text column narrowed to max(cap, its floor) fits
    # (the total grows with the cap, so halve the range: a cell of a million characters is a million caps)
    def fits(cap: int) -> bool:
        return sum(min(w, max(cap, f)) for w, f in zip(widths, floors, strict=True)) <= available

    low, high = 1, max(widths)  # fits(1) holds: every column at its floor fits (checked above)
    while low < high:
        mid = (low + high + 1) // 2
        low, high = (mid, high) if fits(mid) else (low, mid - 1)
    cap = low
    return [min(w, max(cap, f)) for w, f in zip(widths, floors, strict=True)]


def write_csv(report: Report, out: TextIO | None = None) -> None:
    """One report as CSV: a header row of column names, then every row (NULL as an empty field, dates and
    times in ISO 8601, lists as JSON arrays)."""
    writer = csv.writer(out or sys.stdout, lineterminator="\n")
    writer.writerow(report.columns)
    for row in report.rows:
        writer.writerow(["" if v is None else json.dumps(plain(v)) if isinstance(v, list | tuple) else plain(v)
                         for v in row])


def write_json(reports: Sequence[Report], out: TextIO | None = None) -> None:
    """Reports as one JSON object: report name -> {title, columns, rows: [{column: value}]} (dates and times
    in ISO 8601, NULL as null)."""
    doc = {r.name: {"title": r.title, "columns": list(r.columns),
                    "rows": [dict(zip(r.columns, map(plain, row), strict=True)) for row in r.rows]}
           for r in reports}
    json.dump(doc, out or sys.stdout, ensure_ascii=False, indent=2)
    (out or sys.stdout).write("\n")


def plain(value: Any) -> Any:
    """A cell as a JSON value: ISO 8601 for dates and times, numbers for decimals, lists of plain values."""
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    return value


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
