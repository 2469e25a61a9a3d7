"""The report's tables as itables DataTables: text escaped, ids turned into links, offline."""

from __future__ import annotations

import json
import re
from datetime import date

from newsetl.report_tables import PAGE_LENGTH, bundle, table_html
from newsetl.reports import Report


def table_data(html: str) -> list[list[str]]:
    """The rows itables hands DataTables (its `data_json` argument)."""
    return json.loads(json.loads(re.search(r'"data_json": ("(?:[^"\\]|\\.)*")', html).group(1)))


def test_cells_are_escaped_failures_marked_and_ids_become_links() -> None:
    report = Report("quote_search", "Q.", (), ("published_date", "quote", "headline", "ok", "n", "quote_id"),
                    ((date(2024, 6, 3), "<script>alert(1)</script>", "Floods & more", False, 3, "ab12"),
                     (date(2024, 6, 2), "no id", None, True, None, None)))
    html = table_html(report)
    rows = table_data(html)
    assert rows[0] == ["2024-06-03", '<a href="#q-ab12">&lt;script&gt;alert(1)&lt;/script&gt;</a>', "Floods &amp; more",
                       '<span class="fail">False</span>', "3"]
    assert rows[1] == ["2024-06-02", "no id", "", "True", ""]  # no id, no link; NULL is empty
    assert "quote_id" not in re.search(r'"table_html": "(.*?)"', html).group(1)  # ids are not shown
    assert "<script>alert" not in html


def test_every_table_is_searchable_and_long_ones_are_paged() -> None:
    short = table_html(Report("s", "S.", (), ("name", "n"), (("a", 1), ("b", 2))))
    long = table_html(Report("l", "L.", (), ("name", "n"), tuple((f"r{i}", i) for i in range(PAGE_LENGTH + 1))))
    assert '"topEnd": "search"' in short and '"bottomEnd": null' in short
    assert '"topEnd": "search"' in long and '"bottomEnd": "paging"' in long
    assert '"order": []' in long  # the SQL's own order first
    assert '"className": "dt-right", "targets": [1]' in long  # numbers to the right


def test_no_rows_is_said_and_the_bundle_is_inline() -> None:
    assert "(no rows)" in table_html(Report("e", "E.", (), ("a",), ()))
    inline = bundle()
    assert len(inline) > 500_000 and "unpkg" not in inline and "http" not in inline.split("<noscript>")[0][:5000]
