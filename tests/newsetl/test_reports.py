"""The report's pieces without a flow run: SQL file headers, the terminal tables, the SVG charts and the
HTML page, on a freshly built (empty) news.duckdb and on report rows shaped like the real ones."""

from __future__ import annotations

import io
import re
from pathlib import Path

from rich.console import Console

from newsetl.reports import Report, header, print_tables, run_reports
from warehouse.queries import standard_queries


def test_header_is_title_then_notes() -> None:
    sql = "-- Most-quoted speakers.\n-- Set a variable first:\n--   SET VARIABLE x = 1;\nSELECT 1;\n-- not a note\n"
    assert header(sql) == ("Most-quoted speakers.", (" Set a variable first:", "   SET VARIABLE x = 1;"))
    assert header("SELECT 1;") == (None, ())


def test_sql_files_are_titled_read_only_and_plain_sql() -> None:
    queries = standard_queries()
    assert len(queries) >= 12
    for name, sql in queries.items():
        title, _ = header(sql)
        assert title, f"{name}.sql has no title line"
        body = "\n".join(line for line in sql.splitlines() if not line.lstrip().startswith("--"))
        # runnable against `duckdb -readonly`, and through Python as well as the CLI
        assert not re.search(r"\b(CREATE|INSERT|UPDATE|DELETE|DROP|ALTER|COPY|ATTACH|INSTALL|LOAD)\b", body, re.I)
        assert not re.search(r"^\s*\.", body, re.M), f"{name}.sql uses a CLI dot command"
        assert body.rstrip().endswith(";")


def test_every_report_runs_on_an_empty_warehouse(empty_db: Path) -> None:
    reports = run_reports(empty_db)
    assert [r.name for r in reports] == list(standard_queries())
    by_name = {r.name: r for r in reports}
    assert by_name["speakers_top"].rows == ()
    assert by_name["speakers_top"].title.startswith("Most-quoted speakers overall")
    [fresh] = by_name["freshness"].rows  # one row of NULLs and zeros, not an error
    assert dict(zip(by_name["freshness"].columns, fresh, strict=True))["articles"] == 0


def test_terminal_tables_show_data_verbatim() -> None:
    report = Report("quote_search", "Quote search.", (), ("speaker", "quote", "quotes"),
                    (("[bold]Ann[/bold]", "we said [red]no[/red]", 3), (None, "x", 10)))
    out = io.StringIO()
    print_tables([report], Console(file=out, width=200, color_system=None))
    text = out.getvalue()
    assert "quote_search: Quote search." in text
    assert "[bold]Ann[/bold]" in text and "[red]no[/red]" in text  # data is not rich markup
    assert re.search(r"│\s+3 │", text)  # numbers right-aligned






