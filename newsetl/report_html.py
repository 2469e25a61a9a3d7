"""`newsetl report --html FILE`: the standard analyses as one self-contained HTML page.

The page must open offline and from an e-mail attachment: styles are inline, charts are static SVG
(newsetl.charts: Altair rendered by vl-convert when the page is written), tables are interactive with
DataTables inlined by itables (newsetl.report_tables; a static copy shows where scripts do not run), and
nothing is fetched from anywhere. Tables come from the same warehouse/sql files as the terminal report;
charts are drawn where a picture beats a table. Quotes link to their place in the texts of the articles
they come from (newsetl.report_texts), at the end of the page.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from html import escape
from pathlib import Path

from newsetl.charts import bar_chart, line_chart, stacked_bar_chart
from newsetl.report_docs import docs_html, href
from newsetl.report_tables import bundle, table_html
from newsetl.report_texts import load_texts, texts_section
from newsetl.reports import Report, cell_text, run_reports
from warehouse.layout import data_docs_index, database, report_page

# Sections of the page and the analyses they show, in reading order. Analyses added to warehouse/sql later
# and not named here still appear, under "More".
SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Freshness", ("freshness",)),
    ("Articles", ("articles_per_day",)),
    ("Speakers", ("speakers_top", "speakers_by_section", "speakers_by_week")),
    ("People", ("people_gender_by_week", "people_by_role", "people_by_affiliation")),
    ("Entities", ("entities_by_week", "entities_top", "entities_together", "quoted_about")),
    ("Quotes", ("quote_search",)),
    ("Quality", ("quality_by_run", "quality_latest", "runs_recent", "files_by_status")),
)


_CSS = """
body { font-family: system-ui, sans-serif; margin: 0 auto; max-width: 1100px; padding: 0 16px 48px; color: #222; }
header { border-bottom: 2px solid #0072B2; margin-bottom: 8px; }
h1 { margin: 16px 0 4px; font-size: 24px; } h2 { margin-top: 32px; border-bottom: 1px solid #ccc; }
h3 { margin: 20px 0 6px; font-size: 16px; } nav a { margin-right: 12px; }
.meta, .notes { color: #555; font-size: 13px; } .notes { white-space: pre-wrap; margin: 0 0 6px; }
figure.chart { margin: 12px 0; overflow-x: auto; } figcaption { font-weight: 600; margin-bottom: 4px; }
table { font-size: 13px; } td { vertical-align: top; } .fail { color: #b00020; font-weight: 600; }
dl.facts { display: grid; grid-template-columns: max-content auto; gap: 4px 16px; } dt { color: #555; }
article.text { border-top: 1px solid #eee; max-width: 760px; } article.text p { line-height: 1.5; }
.standfirst { font-weight: 600; } mark { background: #fff2b3; }
ul.docs li { margin: 4px 0; }
.anchor:target + mark { background: #ffd24d; outline: 2px solid #D55E00; } .anchor { scroll-margin-top: 40vh; }
"""


def _facts(report: Report) -> str:
    if not report.rows:
        return '<p class="meta">(no runs yet)</p>'
    row = report.rows[0]
    items = "".join(f"<dt>{escape(c.replace('_', ' '))}</dt><dd>{escape(cell_text(v))}</dd>"
                    for c, v in zip(report.columns, row, strict=True))
    return f'<dl class="facts">{items}</dl>'


def articles_chart(report: Report) -> str:
    days = sorted({str(d) for d in report.column("published_date")})
    sections = sorted({s for s in report.column("section")})
    counts = {(str(d), s): n for d, s, n in zip(report.column("published_date"), report.column("section"),
                                                 report.column("articles"), strict=True)}
    series = {s: [counts.get((d, s), 0) for d in days] for s in sections}
    return stacked_bar_chart("articles_per_day", "Articles per section per day", days, series, "articles")


def speakers_chart(report: Report) -> str:
    speakers, quotes = report.column("speaker")[:15], report.column("quotes")[:15]
    return bar_chart("speakers_top", "Quotes per speaker", speakers, quotes, "quotes")


def entities_chart(report: Report) -> str:
    weeks = sorted({str(w) for w in report.column("week")})
    mentions: dict[str, dict[str, float]] = {}
    for week, name, mentions_in_week in zip(report.column("week"), report.column("name"),
                                            report.column("mentions"), strict=True):
        by_week = mentions.setdefault(name, {})
        by_week[str(week)] = by_week.get(str(week), 0) + float(mentions_in_week)
    series = {name: [by_week.get(w, 0) for w in weeks] for name, by_week in mentions.items()}
    return line_chart("entities_by_week", "Entity mentions per week (weeks starting Monday)", weeks, series,
                      "mentions")


def quality_chart(report: Report) -> str:
    def oldest_first(column: str) -> list:
        return list(reversed(report.column(column)))

    finished, run_ids = oldest_first("finished_at"), oldest_first("run")
    runs = [f"{cell_text(t)[5:16]} {run}" for t, run in zip(finished, run_ids, strict=True)]  # "MM-DD HH:MM id"
    series = {"passed": oldest_first("passed"), "critical failed": oldest_first("critical_failed"),
              "warning failed": oldest_first("warnings_failed")}
    colours = {"passed": "#009E73", "critical failed": "#D55E00", "warning failed": "#E69F00"}
    return stacked_bar_chart("quality_by_run", "Expectations per run", runs, series, "expectations", colours)


def people_chart(report: Report) -> str:
    """The People reports' charts (drawn with newsetl.charts): statement shares by gender per week
    (unknown included), statements per role or affiliation of the listed people."""
    if report.name == "people_gender_by_week":
        weeks = sorted({str(w) for w in report.column("week")})
        share = {(str(w), g): float(v) for w, g, v in zip(report.column("week"), report.column("gender"),
                                                          report.column("share"), strict=True)}
        genders = [g for g in ("female", "male", "unknown") if g in set(report.column("gender"))]
        series = {g: [share.get((w, g), 0.0) for w in weeks] for g in genders}
        colours = {"female": "#CC79A7", "male": "#0072B2", "unknown": "#999999"}
        return stacked_bar_chart(report.name, "Share of statements by speaker gender per week (weeks starting "
                                 "Monday)", weeks, series, "%", colours)
    key = "role" if report.name == "people_by_role" else "affiliation"
    totals = dict(zip(report.column(key), report.column(f"{key}_statements"), strict=True))
    return stacked_bar_chart(report.name, f"Statements per {key}", list(totals),
                             {"statements": list(totals.values())}, "statements")


# analysis name -> the chart drawn above its table
CHARTS: dict[str, Callable[[Report], str]] = {
    "articles_per_day": articles_chart,
    "speakers_top": speakers_chart,
    "entities_by_week": entities_chart,
    "quality_by_run": quality_chart,
    "people_gender_by_week": people_chart,
    "people_by_role": people_chart,
    "people_by_affiliation": people_chart,
}


def _section(title: str, reports: Sequence[Report], extra: str = "") -> str:
    parts = [f'<section id="section-{escape(title.lower())}"><h2>{escape(title)}</h2>']
    for report in reports:
        parts.append(f'<article id="{escape(report.name)}"><h3>{escape(report.title)}</h3>')
        if report.notes:
            parts.append(f'<p class="notes">{escape(chr(10).join(report.notes).strip())}</p>')
        if report.name in CHARTS and report.rows:
            parts.append(CHARTS[report.name](report))
        body = _facts(report) if report.name == "freshness" else table_html(report)
        parts.append(f"{body}<p class=\"meta\">warehouse/sql/{escape(report.name)}.sql</p></article>")
    parts.append(f"{extra}</section>")
    return "".join(parts)


def render_html(db: Path, data_docs: Path | None = None, now: datetime | None = None,
                page: Path | None = None) -> str:
    """The whole page for the warehouse database at `db`. Links the GX Data Docs index when given and
    present: relative to `page` (where the page is written) when known, so that the warehouse and its
    report can be moved or copied together; else as a file:// URI."""
    reports = {r.name: r for r in run_reports(db)}
    placed = {name for _, names in SECTIONS for name in names}
    sections = [(title, [reports[n] for n in names if n in reports]) for title, names in SECTIONS]
    more = [r for name, r in reports.items() if name not in placed]
    if more:
        sections.append(("More", more))
    quoted = [q for r in reports.values() if "quote_id" in r.columns for q in r.column("quote_id") if q]
    texts = texts_section(load_texts(db, quoted))
    docs, pages = "", ""
    if data_docs is not None and data_docs.exists():
        docs = f' &middot; <a href="{escape(href(data_docs, page))}">Great Expectations Data Docs</a>'
        pages = docs_html(data_docs, page)
    stamp = (now or datetime.now(UTC)).strftime("%Y-%m-%d %H:%M UTC")
    nav = "".join(f'<a href="#section-{escape(t.lower())}">{escape(t)}</a>' for t, rs in sections if rs)
    if texts:
        nav += '<a href="#section-texts">Article texts</a>'
    body = "".join(_section(title, rs, pages if title == "Quality" else "") for title, rs in sections if rs)
    meta = f"{escape(str(db))} &middot; generated {stamp}{docs}"
    return html_page("newsetl report", "newsetl warehouse report", meta, body + texts, nav)


def html_page(title: str, heading: str, meta_html: str, body_html: str, nav_html: str = "") -> str:
    """A whole self-contained page in the report's style, with the bundled table script: `meta_html`,
    `body_html` and `nav_html` are HTML already escaped."""
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>{_CSS}</style></head><body>{bundle()}"
        f'<header><h1>{escape(heading)}</h1><p class="meta">{meta_html}</p><nav>{nav_html}</nav></header>'
        f"{body_html}</body></html>"
    )


def write_html(db: Path, out: Path, data_docs: Path | None = None) -> Path:
    """Write the page for `db` to `out` (parent folders created); returns `out`. IsADirectoryError when
    `out` is a folder, before any query runs."""
    if out.is_dir():
        raise IsADirectoryError(f"{out} is a folder: give the page's file name, e.g. {out / 'report.html'}")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render_html(db, data_docs, page=out), encoding="utf-8")
    return out


def write_report_page(warehouse: Path) -> Path | None:
    """The page of the warehouse at `warehouse`, written to WAREHOUSE/report.html with its Data Docs
    linked; None when there is no database yet. The `newsetl.pages` entry point: a flow run with
    report=True calls it (flows.publish)."""
    db = database(warehouse)
    if not db.exists():
        return None
    return write_html(db, report_page(warehouse), data_docs_index(warehouse))
