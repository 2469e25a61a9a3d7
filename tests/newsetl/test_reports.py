"""The report's pieces without a flow run: SQL file headers, the terminal tables, the SVG charts and the
HTML page, on a freshly built (empty) news.duckdb and on report rows shaped like the real ones."""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from rich.console import Console

from newsetl.charts import bar_chart, line_chart, stacked_bar_chart
from newsetl.report_html import CHARTS, SECTIONS, data_docs_index, render_html, table_html
from newsetl.reports import Report, header, print_tables, run_reports
from warehouse.queries import standard_queries
from warehouse.views import build_database

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def empty_db(tmp_path: Path) -> Path:
    """news.duckdb as the first run builds it before anything is committed: every view, no rows."""
    db = tmp_path / "news.duckdb"
    build_database(db, {}, {})
    return db


def _svg(figure_html: str) -> ET.Element:
    svg = re.search(r"<svg.*</svg>", figure_html, re.S)
    assert svg, figure_html
    return ET.fromstring(svg.group(0))  # well-formed XML, or this raises


def _marks(svg: ET.Element) -> list[ET.Element]:
    return [e for e in svg.iter() if e.get("class") == "mark"]


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


def test_bar_chart_draws_one_bar_per_label_scaled_to_the_largest() -> None:
    svg = _svg(bar_chart("speakers", "Quotes per speaker", ["Helen Marsh", "Dev <Raman>", "Joel"], [8, 4, 1], "quotes"))
    bars = _marks(svg)
    assert len(bars) == 3
    widths = [float(b.get("width")) for b in bars]
    assert widths[0] == pytest.approx(2 * widths[1]) and widths[1] == pytest.approx(4 * widths[2])
    assert [b.find(f"{SVG}title").text for b in bars][1] == "Dev <Raman>: 4 quotes"  # escaped, then parsed back


def test_stacked_bars_stack_series_per_category() -> None:
    series = {"LOCAL": [1, 0, 2], "SPORT": [1, 1, 0]}
    svg = _svg(stacked_bar_chart("days", "Articles", ["06-10", "06-11", "06-12"], series, "articles"))
    bars = _marks(svg)
    assert len(bars) == 4  # zero values draw nothing
    heights = {b.find(f"{SVG}title").text: float(b.get("height")) for b in bars}
    assert heights["06-10 LOCAL: 1 articles"] == pytest.approx(heights["06-10 SPORT: 1 articles"])
    assert heights["06-12 LOCAL: 2 articles"] == pytest.approx(2 * heights["06-11 SPORT: 1 articles"])
    legend = [t.text for t in svg.iter(f"{SVG}text")]
    assert "LOCAL" in legend and "SPORT" in legend


def test_line_chart_has_a_line_and_a_point_per_value() -> None:
    series = {"Helen Marsh": [2, 4, 2], "Elmford": [0, 4, 4]}
    svg = _svg(line_chart("weeks", "Mentions", ["2024-06-03", "2024-06-10", "2024-06-17"], series, "mentions"))
    lines = _marks(svg)
    assert len(lines) == 2 and all(len(line.get("points").split()) == 3 for line in lines)
    assert len(list(svg.iter(f"{SVG}circle"))) == 6


def test_charts_without_data_say_so() -> None:
    for figure in (bar_chart("a", "A", [], []), stacked_bar_chart("b", "B", [], {}), line_chart("c", "C", [], {})):
        assert "no data yet" in figure and _marks(_svg(figure)) == []


def test_table_cells_are_escaped_and_numbers_aligned() -> None:
    report = Report("q", "Q.", (), ("quote", "n", "ok"), (("<script>alert(1)</script>", 3, False),))
    html = table_html(report)
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert '<td class="num">3</td>' in html and '<td class="fail">False</td>' in html


def test_page_places_every_analysis_and_fetches_nothing(empty_db: Path, tmp_path: Path) -> None:
    docs = data_docs_index(tmp_path)
    docs.parent.mkdir()
    docs.write_text("<html></html>")
    html = render_html(empty_db, docs, now=datetime(2024, 6, 24, 9, 0, tzinfo=UTC))
    for name in standard_queries():
        assert f'id="{name}"' in html  # placed in a section, or under "More"
    assert {n for _, names in SECTIONS for n in names} <= set(standard_queries())
    assert set(CHARTS) <= set(standard_queries())
    assert "generated 2024-06-24 09:00 UTC" in html and docs.resolve().as_uri() in html
    assert "<script" not in html and not re.search(r'(src|href)="https?:', html)


def test_data_docs_path_matches_where_the_runs_write_them(tmp_path: Path) -> None:
    from expectations.data_docs import data_docs_index as written_at

    assert data_docs_index(tmp_path) == written_at(tmp_path)


def test_report_rows_convert_for_charts() -> None:
    from newsetl.report_html import articles_chart, entities_chart

    rows = ((date(2024, 6, 12), "SPORT", 1), (date(2024, 6, 12), "POLITICS", 2), (date(2024, 6, 10), "LOCAL", 1))
    days = Report("articles_per_day", "A.", (), ("published_date", "section", "articles"), rows)
    bars = _marks(_svg(articles_chart(days)))
    assert sorted(b.find(f"{SVG}title").text for b in bars) == [
        "2024-06-10 LOCAL: 1 articles", "2024-06-12 POLITICS: 2 articles", "2024-06-12 SPORT: 1 articles"]
    weeks = Report("entities_by_week", "E.", (), ("week", "name", "label", "mentions", "articles"),
                   ((date(2024, 6, 3), "Calder", "GPE", 2, 1), (date(2024, 6, 10), "Elmford", "GPE", 3, 2)))
    lines = _marks(_svg(entities_chart(weeks)))
    assert [line.find(f"{SVG}title").text for line in lines] == ["Calder", "Elmford"]
    assert all(len(line.get("points").split()) == 2 for line in lines)  # a missing week counts as zero
