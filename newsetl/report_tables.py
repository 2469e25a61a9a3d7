"""The HTML report's tables: interactive (sort by any column, search, pages) with itables, which embeds
DataTables in the page itself, so that they work offline and from a file.

Each table is itables' own HTML: a static preview that any reader shows (an e-mail client that runs no
script), swapped for the interactive table where scripts run. `bundle()` is the DataTables library, once
per page, inlined (about 1 MB)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from html import escape
from typing import Any

import itables
import itables.options
import pandas as pd
from itables.javascript import generate_init_offline_itables_html

from newsetl.reports import Report, cell_text, is_number

PAGE_LENGTH = 10  # rows per page of a table
# column -> the cell's link, from the row as {column: value}; a report whose rows carry the id the link
# needs links that column (the id columns themselves are for links, not shown)
LinkRule = Callable[[Mapping[str, Any]], str | None]


def quote_link(row: Mapping[str, Any]) -> str | None:
    return f"#q-{row['quote_id']}" if row.get("quote_id") else None


def article_link(row: Mapping[str, Any]) -> str | None:
    return f"#article-{row['article_id']}" if row.get("article_id") else None


LINKS: dict[str, LinkRule] = {"quote": quote_link, "headline": article_link}


def is_id(column: str) -> bool:
    """Columns that hold ids (`quote_id`, `article_id`): carried for links, never shown as text."""
    return column.endswith("_id")


def bundle() -> str:
    """DataTables and its styles, inlined for itables' offline mode (itables' own loader: it is what
    init_notebook_mode(connected=False) writes into a notebook). Put once in the page, before the tables."""
    return generate_init_offline_itables_html(itables.options.dt_bundle)


def table_html(report: Report, links: Mapping[str, LinkRule] | None = None) -> str:
    """One report as an interactive table: the SQL's order first, any column sortable, a search box,
    pages of PAGE_LENGTH rows when there are more. Cells are text (escaped here; DataTables detects
    numbers and dates in them for sorting); `links` (default LINKS) turn a column's cells into links
    computed from their row; `False` (a failed expectation) is marked as such."""
    if not report.rows:
        return '<p class="meta">(no rows)</p>'
    links = LINKS if links is None else links
    shown = [c for c in report.columns if not is_id(c)]
    cells: dict[str, list[str]] = {c: [] for c in shown}
    for row in report.rows:
        values = dict(zip(report.columns, row, strict=True))
        for column in shown:
            cells[column].append(_cell(values, column, links.get(column)))
    frame = pd.DataFrame(cells, columns=shown, dtype=object)
    paged = len(report.rows) > PAGE_LENGTH
    # a layout of our own (not itables' default) keeps the search box on tables that fit one page
    layout = {"topStart": "pageLength" if paged else None, "topEnd": "search",
              "bottomStart": "info", "bottomEnd": "paging" if paged else None}
    numeric = [i for i, c in enumerate(shown) if _numeric(report.column(c))]
    return itables.to_html_datatable(
        frame, connected=False, allow_html=True, showIndex=False, display_logo_when_loading=False,
        table_id=f"table-{report.name}", classes="display compact", layout=layout, pageLength=PAGE_LENGTH,
        lengthMenu=[PAGE_LENGTH, 25, 50, 100], order=[], autoWidth=False,
        text_in_header_can_be_selected=False,  # a click anywhere on a header sorts, not just on its arrows
        style={"table-layout": "auto", "width": "auto", "margin": "0", "caption-side": "bottom"},
        columnDefs=[{"targets": numeric, "className": "dt-right"}] if numeric else [],
    )


def _cell(row: Mapping[str, Any], column: str, link: LinkRule | None) -> str:
    value = row[column]
    text = escape(cell_text(value))
    if value is False:
        return f'<span class="fail">{text}</span>'
    href = link(row) if link is not None else None
    return f'<a href="{escape(href)}">{text}</a>' if href and text else text


def _numeric(values: list[Any]) -> bool:
    present = [v for v in values if v is not None]
    return bool(present) and all(is_number(v) for v in present)
