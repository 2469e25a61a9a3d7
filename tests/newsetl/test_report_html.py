"""The HTML report: one self-contained page, every analysis placed, nothing fetched, the Data Docs linked
relatively, quotes linked to their place in the article texts."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from newsetl.report_html import CHARTS, SECTIONS, render_html, write_html, write_report_page
from newsetl.reports import Report
from tests.newsetl.page import fetched
from tests.newsetl.svg import SVG, marks, svg_of
from warehouse.layout import data_docs_index, report_page
from warehouse.queries import standard_queries
from warehouse.views import build_database


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
    assert fetched(html) == []


def test_the_data_docs_link_is_relative_to_the_page(empty_db: Path, tmp_path: Path) -> None:
    wh = tmp_path / "my warehouse"
    docs = data_docs_index(wh)
    docs.parent.mkdir(parents=True)
    docs.write_text("<html></html>")
    page = write_html(empty_db, tmp_path / "reports" / "today.html", docs)
    assert 'href="../my%20warehouse/data_docs/index.html"' in page.read_text(encoding="utf-8")
    beside = write_html(empty_db, wh / "report.html", docs)
    assert 'href="data_docs/index.html"' in beside.read_text(encoding="utf-8")


def test_a_folder_as_the_page_is_refused_before_anything_runs(tmp_path: Path) -> None:
    with pytest.raises(IsADirectoryError, match="is a folder"):
        write_html(tmp_path / "no.duckdb", tmp_path)


def test_report_rows_convert_for_charts() -> None:
    from newsetl.report_html import articles_chart, entities_chart

    rows = ((date(2024, 6, 12), "SPORT", 1), (date(2024, 6, 12), "POLITICS", 2), (date(2024, 6, 10), "LOCAL", 1))
    days = Report("articles_per_day", "A.", (), ("published_date", "section", "articles"), rows)
    bars = marks(svg_of(articles_chart(days)))
    assert sorted(b.find(f"{SVG}title").text for b in bars) == [
        "2024-06-10 LOCAL: 1 articles", "2024-06-12 POLITICS: 2 articles", "2024-06-12 SPORT: 1 articles"]
    weeks = Report("entities_by_week", "E.", (), ("week", "name", "label", "mentions", "articles"),
                   ((date(2024, 6, 3), "Calder", "GPE", 2, 1), (date(2024, 6, 10), "Elmford", "GPE", 3, 2)))
    points = [m.find(f"{SVG}title").text for m in marks(svg_of(entities_chart(weeks)))
              if m.get("aria-roledescription") == "point"]
    # a week without mentions counts as zero
    assert sorted(points) == ["2024-06-03 Calder: 2 mentions", "2024-06-03 Elmford: 0 mentions",
                              "2024-06-10 Calder: 0 mentions", "2024-06-10 Elmford: 3 mentions"]


def test_the_published_page_is_written_beside_the_warehouse_once_it_has_a_database(tmp_path: Path) -> None:
    wh = tmp_path / "wh"
    assert write_report_page(wh) is None  # nothing to show yet
    wh.mkdir()
    build_database(wh / "news.duckdb", {}, {})
    docs = data_docs_index(wh)
    docs.parent.mkdir()
    docs.write_text("<html></html>")
    page = write_report_page(wh)
    assert page == report_page(wh) and 'href="data_docs/index.html"' in page.read_text(encoding="utf-8")
