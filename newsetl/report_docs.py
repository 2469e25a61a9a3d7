"""The Great Expectations Data Docs of a warehouse, linked from the HTML report's quality section: every
validation page of the latest runs, by run and table, failed ones marked.

Why page by page: GX's index page draws its list of runs with scripts and styles it loads from CDNs, so
opened offline (from a file, on a machine without the net) it is empty; each validation page is written
out in full and reads offline, unstyled. Links are relative to the report page, so that a warehouse
copied with its report keeps them."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from html import escape
from pathlib import Path
from urllib.parse import quote

VALIDATIONS = "validations"  # GX's folder of validation pages: SUITE/RUN_NAME/RUN_TIME/BATCH.html
RESULTS = "_results"  # expectations.data_docs keeps GX's results here, in the same layout, as .json
RUNS_SHOWN = 10  # as many as quality_by_run shows


@dataclass(frozen=True)
class ValidationPage:
    """One GX validation page: the table (suite) and batch of one run, and whether it passed (None when
    its result cannot be read)."""

    run: str
    run_time: str
    table: str
    batch: str
    path: Path
    success: bool | None


def validation_pages(site: Path) -> list[ValidationPage]:
    """Every validation page of the Data Docs site in folder `site`, newest run first, then by table
    and batch; [] when there is no site."""
    pages = []
    for path in (Path(site) / VALIDATIONS).glob("*/*/*/*.html"):
        table, run, run_time = path.parts[-4:-1]
        pages.append(ValidationPage(run, run_time, table, path.stem, path, _success(site, path)))
    return sorted(pages, key=lambda p: (p.run_time, p.run, _neg(p.table), _neg(p.batch)), reverse=True)


def _neg(text: str) -> tuple[int, ...]:
    return tuple(-ord(c) for c in text)  # ascending inside a newest-first sort


def _success(site: Path, page: Path) -> bool | None:
    result = Path(site) / RESULTS / page.relative_to(Path(site) / VALIDATIONS).with_suffix(".json")
    try:
        return bool(json.loads(result.read_text(encoding="utf-8"))["success"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def href(target: Path, page: Path | None) -> str:
    """A link from the page at `page` to `target`: relative and percent-encoded when the page's place is
    known, else a file:// URI."""
    if page is None:
        return Path(target).resolve().as_uri()
    relative = os.path.relpath(Path(target).resolve(), Path(page).resolve().parent)
    return "/".join(quote(part) for part in Path(relative).parts)


def docs_html(index: Path, page: Path | None = None, runs: int = RUNS_SHOWN) -> str:
    """The report's block on the Data Docs at `index` (WAREHOUSE/data_docs/index.html): a link to the
    index, and the validation pages of the latest `runs` runs; "" when there are none."""
    pages = validation_pages(index.parent)
    if not pages:
        return ""
    latest = list(dict.fromkeys((p.run_time, p.run) for p in pages))[:runs]
    rows = []
    for run_time, run in latest:
        links = []
        for p in (p for p in pages if (p.run_time, p.run) == (run_time, run)):
            mark = {True: "passed", False: "failed", None: "result unknown"}[p.success]
            cls = ' class="fail"' if p.success is False else ""
            links.append(f'<a href="{escape(href(p.path, page))}"{cls} title="{mark}">'
                         f"{escape(p.table)} {escape(p.batch)}</a>{'' if p.success is not False else ' (failed)'}")
        when = f"{run_time[:4]}-{run_time[4:6]}-{run_time[6:8]} {run_time[9:11]}:{run_time[11:13]} UTC"
        rows.append(f"<li><code>{escape(run[:8])}</code> {escape(when)}: {' &middot; '.join(links)}</li>")
    return (
        '<article id="data_docs"><h3>Great Expectations Data Docs: the validation pages of each run</h3>'
        '<p class="notes">GX\'s <a href="' + escape(href(index, page)) + '">index page</a> lists runs with '
        "scripts and styles from the internet, and is empty offline; the pages below read offline (unstyled). "
        "Runs are named by their run id, as in the tables above.</p>"
        f'<ul class="docs">{"".join(rows)}</ul></article>'
    )
