"""The report's pieces without a flow run: SQL file headers, the terminal tables, the SVG charts and the
HTML page, on a freshly built (empty) news.duckdb and on report rows shaped like the real ones."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest
from rich.cells import cell_len
from rich.console import Console

from newsetl.reports import (
    Report,
    UnknownReport,
    column_widths,
    header,
    print_tables,
    run_reports,
    select_reports,
    write_csv,
    write_json,
)
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


def test_terminal_tables_leave_id_columns_out_and_csv_keeps_them() -> None:
    report = Report("quote_search", "Quote search.", (), ("speaker", "quote", "quote_id"),
                    (("Ann", "we said no", "0f" * 16),))
    out = io.StringIO()
    print_tables([report], Console(file=out, width=200, color_system=None))
    assert "we said no" in out.getvalue() and "0f0f" not in out.getvalue() and "quote id" not in out.getvalue()
    csv_out = io.StringIO()
    write_csv(report, csv_out)
    assert csv_out.getvalue().splitlines()[0] == "speaker,quote,quote_id"








QUOTES = Report(
    "quote_search", "Quote search.", (), ("published_date", "speaker", "quote", "quotes_this_week"),
    tuple((date(2024, 6, 23 - i), f"Councillor Dev Raman {i}",
           "The harbour districts will get the first buses, and the rest of the city will follow next year " * 2, i)
          for i in range(15)),
)


def render(reports: list[Report], width: int, limit: int = 0) -> list[str]:
    out = io.StringIO()
    print_tables(reports, Console(file=out, width=width, color_system=None), limit=limit)
    return out.getvalue().splitlines()


@pytest.mark.parametrize("width", [60, 80, 120, 200])
def test_tables_fit_the_terminal_one_line_per_row_with_whole_column_names(width: int) -> None:
    lines = render([QUOTES], width, limit=10)
    assert all(len(line) <= width for line in lines), "\n".join(lines)
    body = [line for line in lines if line.startswith("│")]
    assert len(body) == 10  # one line per row shown, however long the quote
    header = " ".join(line for line in lines if line.startswith("┃"))
    for word in ("published", "date", "speaker", "quote", "quotes", "this", "week"):
        assert re.search(rf"\b{word}\b", header), (word, header)
    assert "…" in "".join(body)  # the long quote is cut, not wrapped
    assert all(re.search(rf"│\s+{i} │$", line) for i, line in enumerate(body))  # numbers whole, right-aligned
    assert any("10 of 15 rows (--limit 0 shows all)" in line for line in lines)


def test_tables_written_to_a_pipe_keep_every_cell_whole_unless_columns_is_set(capsys, monkeypatch) -> None:
    monkeypatch.delenv("COLUMNS", raising=False)  # captured output is no terminal: a pipe, a file
    print_tables([QUOTES], limit=3)
    lines = capsys.readouterr().out.splitlines()
    body = [line for line in lines if line.startswith("│")]
    assert len(body) == 3 and "…" not in "".join(lines)
    assert all(QUOTES.rows[0][2].strip() in line for line in body)  # the whole quote, on one line
    assert any(len(line) > 200 for line in body)
    monkeypatch.setenv("COLUMNS", "100")  # a width asked for is kept
    print_tables([QUOTES], limit=3)
    lines = capsys.readouterr().out.splitlines()
    assert all(len(line) <= 100 for line in lines) and "…" in "".join(lines)


@pytest.mark.parametrize("columns", ["0", "-5", "abc", " ", "80x"])
def test_a_columns_that_is_no_width_is_taken_as_unset(capsys, monkeypatch, columns: str) -> None:
    monkeypatch.setenv("COLUMNS", columns)  # COLUMNS=0 made rich print nothing at all; garbage cut to 80
    print_tables([QUOTES], limit=3)
    lines = capsys.readouterr().out.splitlines()
    body = [line for line in lines if line.startswith("│")]
    assert len(body) == 3 and "…" not in "".join(lines)
    assert all(QUOTES.rows[0][2].strip() in line for line in body)


def test_wide_characters_are_measured_in_terminal_cells(capsys, monkeypatch) -> None:
    monkeypatch.delenv("COLUMNS", raising=False)
    quote = "我们要坚持和平发展道路，这是中国的一贯立场" * 5  # each character takes two cells
    print_tables([Report("quotes", "Quotes.", (), ("speaker", "quote"), (("习近平", quote), ("Ann", "ok")))])
    out = capsys.readouterr().out
    assert quote in out and "…" not in out
    monkeypatch.setenv("COLUMNS", "60")  # a width asked for: the table fits it in cells, not in characters
    print_tables([Report("quotes", "Quotes.", (), ("speaker", "quote"), (("习近平", quote), ("Ann", "ok")))])
    assert all(cell_len(line) <= 60 for line in capsys.readouterr().out.splitlines())


def test_a_table_too_wide_for_the_terminal_is_shown_one_block_per_row() -> None:
    wide = Report("freshness", "Data freshness.", (), tuple(f"column_number_{i}" for i in range(12)),
                  ((*range(12),), (*range(12, 24),)))
    lines = render([wide], 80)
    assert all(len(line) <= 80 for line in lines)
    assert sum("column_number_11" in line for line in lines) == 2  # every name whole, once per row
    assert any(re.search(r"│ column_number_3\s+│ 15\s+│", line) for line in lines)


def test_column_widths_keep_numbers_and_header_words() -> None:
    headers, rows = ["speaker", "quote", "quotes"], [["Dmitry Peskov", "x" * 300, "12345"]]
    assert column_widths(headers, rows, [False, False, True], 200) == [13, 171, 6]  # 200 less borders and padding (10)
    narrow = column_widths(headers, rows, [False, False, True], 50)
    assert narrow is not None and sum(narrow) + 10 <= 50 and narrow[2] == 6 and narrow[0] >= 8
    assert column_widths(headers * 6, [rows[0] * 6], [False, False, True] * 6, 50) is None


def test_reports_are_chosen_by_name_and_the_quote_search_runs_when_searched() -> None:
    every = list(standard_queries())
    assert select_reports() == [n for n in every if n != "quote_search"]
    assert select_reports(search="budget") == every
    assert select_reports(["freshness", "speakers_top", "freshness"]) == ["freshness", "speakers_top"]
    assert select_reports(["quote_search"]) == ["quote_search"]  # asked for: the latest quotes
    with pytest.raises(UnknownReport, match="no report named 'speaker_top': choose from articles_per_day, "):
        select_reports(["speaker_top"])
    with pytest.raises(ValueError, match="--search is for the quote_search report"):
        select_reports(["freshness"], search="budget")


def test_search_sets_the_variable_the_quote_search_reads(empty_db: Path) -> None:
    [report] = run_reports(empty_db, ["quote_search"], search="it's a 'quoted' word")
    assert report.rows == ()
    con = duckdb.connect(str(empty_db), read_only=True)
    try:
        assert con.execute("SELECT getvariable('search')").fetchall() == [(None,)]  # per connection
    finally:
        con.close()


def test_csv_and_json_carry_every_row_whole() -> None:
    report = Report("speakers_top", "Top.", (), ("speaker", "since", "aliases", "share"),
                    (("Ann \"the\" Lee, MP", date(2024, 6, 1), ["Ann", "Lee"], Decimal("12.5")),
                     (None, None, [], Decimal("3"))))
    out = io.StringIO()
    write_csv(report, out)
    assert list(csv.reader(io.StringIO(out.getvalue()))) == [
        ["speaker", "since", "aliases", "share"],
        ['Ann "the" Lee, MP', "2024-06-01", '["Ann", "Lee"]', "12.5"],
        ["", "", "[]", "3.0"],
    ]
    out = io.StringIO()
    write_json([report, QUOTES], out)
    doc = json.loads(out.getvalue())
    assert list(doc) == ["speakers_top", "quote_search"] and doc["speakers_top"]["title"] == "Top."
    assert doc["speakers_top"]["rows"][0] == {"speaker": 'Ann "the" Lee, MP', "since": "2024-06-01",
                                               "aliases": ["Ann", "Lee"], "share": 12.5}
    assert doc["speakers_top"]["rows"][1]["speaker"] is None
    assert len(doc["quote_search"]["rows"]) == 15 and doc["quote_search"]["rows"][0]["quote"] == QUOTES.rows[0][2]


def test_per_story_reports_count_a_quotation_repeated_in_copies_of_one_story_once(tmp_path: Path) -> None:
    from tests.warehouse.test_per_story import make_warehouse

    db = make_warehouse(tmp_path)
    def helen(per_story: bool) -> tuple:
        [report] = run_reports(db, ["speakers_top"], per_story=per_story)
        return next(row for row in report.rows if row[0] == "Helen Morgan")[1:5]

    assert helen(False) == (4, 4, 0, 4)  # quotes, quotations, reported, articles
    assert helen(True) == (2, 2, 0, 2)  # once in story a, once in story x
    [days] = run_reports(db, ["articles_per_day"], per_story=True)
    assert sum(days.column("articles")) == 2


def test_every_report_runs_per_story_on_an_empty_warehouse(empty_db: Path) -> None:
    assert len(run_reports(empty_db, per_story=True)) == len(run_reports(empty_db))


def test_column_widths_narrow_a_huge_cell_in_a_few_steps(monkeypatch) -> None:
    import newsetl.reports as reports

    headers, numeric = ["speaker", "quote", "headline"], [False, False, False]
    tried = []

    def counting_sum(values):  # each call totals the widths for one cap tried
        tried.append(1)
        return sum(values)

    monkeypatch.setattr(reports, "sum", counting_sum, raising=False)
    widths = column_widths(headers, [["Ann Lee", "w" * 5_000_000, "h" * 30]], numeric, 80)
    assert widths is not None and sum(widths) + 3 * 3 + 1 <= 80 and widths[0] == 7
    assert len(tried) < 100  # about log2 of the widest cell, not one per character of it
    for width in range(20, 200, 7):  # the widths narrowing one character at a time gives
        cap, floors, natural = 500, [7, 8, 8], [7, 500, 30]
        while cap > 1 and sum(min(w, max(cap, f)) for w, f in zip(natural, floors, strict=True)) > width - 10:
            cap -= 1
        got = column_widths(headers, [["Ann Lee", "w" * 500, "h" * 30]], numeric, width)
        assert got is None or got == [min(w, max(cap, f)) for w, f in zip(natural, floors, strict=True)], width


def test_control_characters_in_a_cell_are_shown_escaped_on_one_line(capsys, monkeypatch) -> None:
    monkeypatch.delenv("COLUMNS", raising=False)
    hostile = "first para.\n\nsecond\u2028third \x1b[31mred\x07"
    print_tables([Report("r", "Quotes.", (), ("speaker", "quote"), (("Ann", hostile), ("Bob", "ok")))])
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out and "\u2028" not in out
    body = [line for line in out.splitlines() if line.startswith("│")]
    assert len(body) == 2 and "first para.\\n\\nsecond\\u2028third \\x1b[31mred\\x07" in body[0]
