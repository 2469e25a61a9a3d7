"""The HTML report: one self-contained page, every analysis placed, nothing fetched."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from pathlib import Path

from newsetl.report_html import CHARTS, SECTIONS, render_html, table_html
from newsetl.reports import Report
from tests.newsetl.svg import SVG, marks, svg_of
from warehouse.layout import data_docs_index
from warehouse.queries import standard_queries


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


def test_report_rows_convert_for_charts() -> None:
    from newsetl.report_html import articles_chart, entities_chart

    rows = ((date(2024, 6, 12), "SPORT", 1), (date(2024, 6, 12), "POLITICS", 2), (date(2024, 6, 10), "LOCAL", 1))
    days = Report("articles_per_day", "A.", (), ("published_date", "section", "articles"), rows)
    bars = marks(svg_of(articles_chart(days)))
    assert sorted(b.find(f"{SVG}title").text for b in bars) == [
        "2024-06-10 LOCAL: 1 articles", "2024-06-12 POLITICS: 2 articles", "2024-06-12 SPORT: 1 articles"]
    weeks = Report("entities_by_week", "E.", (), ("week", "name", "label", "mentions", "articles"),
                   ((date(2024, 6, 3), "Calder", "GPE", 2, 1), (date(2024, 6, 10), "Elmford", "GPE", 3, 2)))
    lines = marks(svg_of(entities_chart(weeks)))
    assert [line.find(f"{SVG}title").text for line in lines] == ["Calder", "Elmford"]
    assert all(len(line.get("points").split()) == 2 for line in lines)  # a missing week counts as zero
