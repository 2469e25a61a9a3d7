"""`newsetl compare --html FILE`: the comparison as one self-contained page, in the style of the report."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from html import escape
from pathlib import Path

from newsetl.report_html import html_page
from newsetl.report_tables import table_html
from newsetl.reports import Report


def render_compare_html(reports: Sequence[Report], old: Path, new: Path, now: datetime | None = None) -> str:
    stamp = (now or datetime.now(UTC)).strftime("%Y-%m-%d %H:%M UTC")
    meta = f"old: {escape(str(old))} &middot; new: {escape(str(new))} &middot; generated {stamp}"
    parts = []
    for report in reports:
        notes = f'<p class="notes">{escape(chr(10).join(report.notes))}</p>' if report.notes else ""
        parts.append(f'<article id="{escape(report.name)}"><h3>{escape(report.title)}</h3>{notes}'
                     f"{table_html(report)}</article>")
    return html_page("newsetl compare", "What would change for analysts", meta, "".join(parts))


def write_compare_html(reports: Sequence[Report], old: Path, new: Path, out: Path) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render_compare_html(reports, old, new), encoding="utf-8")
    return out
