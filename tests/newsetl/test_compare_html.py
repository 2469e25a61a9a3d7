"""newsetl compare --html: one self-contained page with every category of the comparison."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

from newsetl.compare_html import render_compare_html, write_compare_html
from newsetl.reports import Report

REPORTS = [
    Report("summary", "What would change", ("Counts of each kind of change.",), ("what", "change", "count"),
           (("quotes", "re-attributed", 1), ("entities", "merged", 0))),
    Report("quote_changes", "Quotes added, removed, re-attributed and re-typed", (), ("change", "detail", "text"),
           (("re-attributed", "Mara Lindqvist -> Owen Tabb", "<b>We</b> will & won't"),)),
]


def test_the_page_shows_every_category_escaped_and_offline():
    page = render_compare_html(REPORTS, Path("/old/news.duckdb"), Path("/new/news.duckdb"),
                               now=datetime(2026, 11, 30, tzinfo=UTC))
    assert page.startswith("<!DOCTYPE html>") and "<title>newsetl compare</title>" in page
    assert 'id="summary"' in page and 'id="quote_changes"' in page
    assert "Mara Lindqvist -&gt; Owen Tabb" in page and "&lt;b&gt;We&lt;/b&gt; will &amp; won&#x27;t" in page
    assert "/old/news.duckdb" in page and "/new/news.duckdb" in page and "2026-11-30 00:00 UTC" in page
    assert not re.search(r"""(src|href)=["']https?://""", page)  # nothing fetched from the network


def test_write_creates_the_folders(tmp_path):
    out = write_compare_html(REPORTS, Path("old"), Path("new"), tmp_path / "deep" / "compare.html")
    assert out.read_text(encoding="utf-8").count("<table>") == 2
