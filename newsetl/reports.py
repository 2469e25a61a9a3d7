"""`newsetl report`: the standard analyses of warehouse/sql/ as tables in the terminal."""

from __future__ import annotations

from pathlib import Path

import duckdb
from rich.console import Console
from rich.table import Table

from warehouse.queries import standard_queries


def print_reports(db: Path, console: Console | None = None) -> None:
    console = console or Console()
    con = duckdb.connect(str(db), read_only=True)
    try:
        for name, sql in standard_queries().items():
            title = next((ln[2:].strip() for ln in sql.splitlines() if ln.startswith("--")), name)
            rel = con.sql(sql)
            table = Table(title=f"{name}: {title}", title_justify="left")
            for col in rel.columns:
                table.add_column(col)
            for row in rel.fetchall():
                table.add_row(*("" if v is None else str(v) for v in row))
            console.print(table)
    finally:
        con.close()
