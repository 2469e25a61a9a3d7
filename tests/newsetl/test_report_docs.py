"""The Data Docs block of the report: every validation page of the latest runs, linked relatively."""

from __future__ import annotations

import json
from pathlib import Path

from newsetl.report_docs import docs_html, href, validation_pages


def site(tmp_path: Path) -> Path:
    """A Data Docs folder laid out as GX writes it: two runs, one with a failed quotes batch."""
    docs = tmp_path / "wh" / "data_docs"
    for run, time, table, batch, ok in [("run-old", "20240601T090000.000000Z", "articles", "batch-0000", True),
                                        ("run-new", "20240602T090000.000000Z", "quotes", "batch-0001", False),
                                        ("run-new", "20240602T090000.000000Z", "articles", "batch-0000", True),
                                        ("run-new", "20240602T090000.000000Z", "quotes", "batch-0000", True)]:
        page = docs / "validations" / table / run / time / f"{batch}.html"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text("<html></html>")
        result = docs / "_results" / table / run / time / f"{batch}.json"
        result.parent.mkdir(parents=True, exist_ok=True)
        result.write_text(json.dumps({"success": ok}))
    (docs / "index.html").write_text("<html></html>")
    return docs


def test_pages_newest_run_first_then_table_and_batch(tmp_path: Path) -> None:
    pages = validation_pages(site(tmp_path))
    assert [(p.run, p.table, p.batch, p.success) for p in pages] == [
        ("run-new", "articles", "batch-0000", True), ("run-new", "quotes", "batch-0000", True),
        ("run-new", "quotes", "batch-0001", False), ("run-old", "articles", "batch-0000", True)]
    assert validation_pages(tmp_path / "nowhere") == []


def test_block_links_every_page_relative_to_the_report_and_marks_failures(tmp_path: Path) -> None:
    docs = site(tmp_path)
    html = docs_html(docs / "index.html", tmp_path / "wh" / "report.html")
    assert 'href="data_docs/index.html"' in html
    assert html.count("<li>") == 2 and html.index("run-new") < html.index("run-old")
    assert ('href="data_docs/validations/quotes/run-new/20240602T090000.000000Z/batch-0001.html" class="fail"'
            in html) and "(failed)" in html
    assert "2024-06-02 09:00 UTC" in html
    assert docs_html(docs / "index.html", runs=1).count("<li>") == 1
    assert docs_html(tmp_path / "none" / "index.html") == ""


def test_href_is_relative_and_percent_encoded_or_a_file_uri(tmp_path: Path) -> None:
    target = tmp_path / "a b" / "c#d.html"
    assert href(target, tmp_path / "reports" / "r.html") == "../a%20b/c%23d.html"
    assert href(target, None) == target.resolve().as_uri()
