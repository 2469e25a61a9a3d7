"""The analysts' side, on a warehouse built by the real flow from real files: every SQL file of
warehouse/sql and every README example runs, the views carry their comments, `newsetl report` prints and
writes its page, and that page renders in a real headless Chromium, offline, without console errors."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path
from urllib.parse import unquote, urlparse

import duckdb
import pytest

from newsetl.reports import cell_text, header, select_reports
from tests.conftest import ROOT
from tests.e2e.chromium import Browser, chromium_binary
from tests.newsetl.page import fetched
from warehouse.layout import data_docs_index
from warehouse.queries import standard_queries
from warehouse.schema import ALL_TABLES

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("prefect_server")]

NEWSETL = Path(sys.executable).parent / "newsetl"
SCREENSHOT_COPY = Path("/tmp/newsetl-report.png")
CHARTS = ("speakers_top", "entities_by_week", "articles_per_day", "quality_by_run", "people_gender_by_week",
          "people_by_role", "people_by_affiliation")


@pytest.fixture(scope="module")
def warehouse(analyst_warehouse: Path) -> Path:
    return analyst_warehouse


def query(wh: Path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(wh / "news.duckdb"), read_only=True)
    try:
        return con.sql(sql).fetchall()
    finally:
        con.close()


def run_file(wh: Path, sql: str, setup: str = "") -> tuple[list[str], list[tuple]]:
    """A SQL file's text run as the DuckDB CLI runs `duckdb -readonly news.duckdb [-cmd setup] < file`."""
    con = duckdb.connect(str(wh / "news.duckdb"), read_only=True)
    try:
        if setup:
            con.execute(setup)
        rel = con.sql(sql)
        return list(rel.columns), rel.fetchall()
    finally:
        con.close()


def as_dicts(columns: list[str], rows: list[tuple]) -> list[dict]:
    return [dict(zip(columns, row, strict=True)) for row in rows]


@pytest.mark.parametrize("name", sorted(standard_queries()))
def test_every_sql_file_runs_as_is_and_answers(warehouse: Path, name: str) -> None:
    sql = standard_queries()[name]
    title, _ = header(sql)
    assert title and title.endswith("."), f"{name}.sql needs a first `--` line as its title"
    columns, rows = run_file(warehouse, sql)
    assert rows, f"{name}.sql returned nothing on a warehouse with a fortnight of news"


def test_speaker_rankings(warehouse: Path) -> None:
    queries = standard_queries()
    top = as_dicts(*run_file(warehouse, queries["speakers_top"]))
    assert [r["quotes"] for r in top] == sorted((r["quotes"] for r in top), reverse=True)
    by_name = {r["speaker"]: r for r in top}
    # the mayor speaks in four of the fortnight's articles, on three different days
    assert by_name["Helen Marsh"]["articles"] >= 3
    assert by_name["Helen Marsh"]["first_quoted"] < by_name["Helen Marsh"]["last_quoted"]
    assert "Dmitry Peskov" in by_name
    by_section = as_dicts(*run_file(warehouse, queries["speakers_by_section"]))
    sections = {r["section"] for r in by_section}
    assert {"LOCAL", "POLITICS", "BUSINESS", "WORLD"} <= sections
    assert all(sum(r["section"] == s for r in by_section) <= 5 for s in sections)
    by_week = as_dicts(*run_file(warehouse, queries["speakers_by_week"]))
    assert all(r["week"].weekday() == 0 for r in by_week)  # weeks are named by their Monday
    assert len({r["week"] for r in by_week}) <= 8
    assert {date(2024, 6, 10), date(2024, 6, 17)} <= {r["week"] for r in by_week}


def test_reports_count_quotations_and_reported_speech_apart(warehouse: Path) -> None:
    """Each speaker count is quotations plus reported speech (speech cues only), shown apart; the
    quote search finds both kinds."""
    queries = standard_queries()
    for name in ("speakers_top", "speakers_by_section", "speakers_by_week", "quoted_about"):
        rows = as_dicts(*run_file(warehouse, queries[name]))
        assert rows and all(r["quotes"] == r["quotations"] + r["reported"] for r in rows), name
    top = {r["speaker"]: r for r in as_dicts(*run_file(warehouse, queries["speakers_top"]))}
    # the seed quotes Peskov and reports him: `Peskov told Russian media the leaders would ...`
    assert top["Dmitry Peskov"]["quotations"] >= 1 and top["Dmitry Peskov"]["reported"] >= 1
    counted = query(warehouse, "select count(*) from quotes where speaker = 'Dmitry Peskov' "
                               "and (quote_type <> 'indirect' or cue_class = 'speech')")[0][0]
    assert top["Dmitry Peskov"]["quotes"] == counted
    columns, rows = run_file(warehouse, queries["quote_search"], "SET VARIABLE search = 'pay a price'")
    kinds = {r["kind"] for r in as_dicts(columns, rows)}
    assert {"partial", "indirect"} <= kinds  # the quoted words and the reported warning around them


def test_entity_rankings_trend_and_pairs(warehouse: Path) -> None:
    queries = standard_queries()
    top = as_dicts(*run_file(warehouse, queries["entities_top"]))
    assert "Helen Marsh" in [r["name"] for r in top[:5]]
    assert {r["trend"] for r in top} <= {"new", "up", "down", "flat"}
    # "this week" is the seven days up to the newest article (June 23), whatever today is
    marsh = next(r for r in top if r["name"] == "Helen Marsh")
    assert marsh["mentions_this_week"] >= 1 and marsh["mentions_week_before"] >= 1
    weekly = as_dicts(*run_file(warehouse, queries["entities_by_week"]))
    assert len({r["name"] for r in weekly}) <= 10
    assert sum(r["mentions"] for r in weekly if r["name"] == "Helen Marsh") == sum(
        n for (n,) in query(warehouse, "select mention_count from entities where name = 'Helen Marsh'"))
    pairs = as_dicts(*run_file(warehouse, queries["entities_together"]))
    assert all(r["entity"] != r["mentioned_with"] for r in pairs)
    assert pairs[0]["articles"] >= 3
    about = as_dicts(*run_file(warehouse, queries["quoted_about"]))
    assert all(r["speaker"] != r["about"] for r in about)
    assert any(r["speaker"] == "Dmitry Peskov" for r in about)


def test_quote_search_without_and_with_a_search(warehouse: Path) -> None:
    sql = standard_queries()["quote_search"]
    _, latest = run_file(warehouse, sql)  # no search set: the latest quotes
    assert len(latest) == min(50, query(warehouse, "select count(*) from quotes")[0][0])
    columns, rows = run_file(warehouse, sql, "SET VARIABLE search = 'Harbour  DISTRICTS'")
    found = as_dicts(columns, rows)
    assert found and all({"harbour", "districts"} <= set(r["quote"].lower().replace(",", "").split()) for r in found)
    assert [r["published_date"] for r in found] == sorted((r["published_date"] for r in found), reverse=True)
    _, nothing = run_file(warehouse, sql, "SET VARIABLE search = 'harbour zeppelin'")
    assert nothing == []


def test_articles_freshness_and_quality(warehouse: Path) -> None:
    queries = standard_queries()
    per_day = as_dicts(*run_file(warehouse, queries["articles_per_day"]))
    assert sum(r["articles"] for r in per_day) == query(warehouse, "select count(*) from articles")[0][0] == 12
    assert {(r["published_date"], r["section"]) for r in per_day if r["published_date"] == date(2024, 6, 12)} == {
        (date(2024, 6, 12), "POLITICS"), (date(2024, 6, 12), "SPORT")}
    [fresh] = as_dicts(*run_file(warehouse, queries["freshness"]))
    assert fresh["newest_article"] == date(2024, 6, 23) and fresh["last_run_status"] == "completed"
    assert fresh["articles"] == 12 and fresh["quarantined_files"] == 1 and fresh["hours_since_last_run"] == 0
    assert fresh["last_new_articles"] < fresh["last_run_finished"]  # the second run found nothing new
    runs = as_dicts(*run_file(warehouse, queries["quality_by_run"]))
    assert [r["evaluated"] for r in runs][0] == 0 and runs[1]["evaluated"] > 0
    assert runs[1]["passed"] + runs[1]["critical_failed"] + runs[1]["warnings_failed"] == runs[1]["evaluated"]
    latest = as_dicts(*run_file(warehouse, queries["quality_latest"]))
    assert len(latest) == runs[1]["evaluated"] and {r["table_name"] for r in latest} >= {"articles", "quotes"}


def _readme_analysts() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index("## For analysts"):]
    end = re.search(r"^## ", section[3:], re.M)
    return section if end is None else section[: end.start() + 3]


def test_readme_example_queries_run(warehouse: Path) -> None:
    examples = re.findall(r"```sql\n(.*?)```", _readme_analysts(), re.S)
    assert len(examples) == 8
    for sql in examples:
        assert query(warehouse, sql), f"README example returned nothing:\n{sql}"


def test_readme_lists_every_sql_file_and_view() -> None:
    section = _readme_analysts()
    for name in standard_queries():
        assert f"`{name}.sql`" in section
    for table in ALL_TABLES:
        assert f"| `{table.name}` |" in section


def test_every_view_and_column_carries_the_schema_comment(warehouse: Path) -> None:
    views = dict(query(warehouse, "select view_name, comment from duckdb_views() where not internal"))
    columns = {(t, c): comment for t, c, comment in query(
        warehouse, "select table_name, column_name, comment from duckdb_columns() where not internal")}
    for table in ALL_TABLES:
        assert views[table.name] == table.comment
        for field in table.schema:
            expected = field.metadata[b"comment"].decode()
            assert expected and columns[(table.name, field.name)] == expected


def test_report_command_prints_tables_and_writes_the_page(warehouse: Path, tmp_path: Path) -> None:
    page = tmp_path / "out" / "report.html"
    res = subprocess.run([str(NEWSETL), "report", "--warehouse", str(warehouse), "--html", str(page)],
                         capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stderr
    for name in select_reports():
        assert f"{name}:" in res.stdout
    assert "Helen Marsh" in res.stdout and "Traceback" not in res.stdout + res.stderr
    html = page.read_text(encoding="utf-8")
    # the speaker tables show both kinds of statement, in the terminal and on the page
    for text in (res.stdout, html):
        assert "quotations" in text and "reported" in text
    # self-contained: nothing to fetch (DataTables and the charts are in the page)
    assert fetched(html) == []


@pytest.fixture(scope="module")
def page(warehouse: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    from newsetl.report_html import write_html

    return write_html(warehouse / "news.duckdb", tmp_path_factory.mktemp("html") / "report.html",
                      data_docs_index(warehouse))


TABLES_READY = """(() => { const t = [...document.querySelectorAll('table[id^="table-"]')];
    return t.length > 0 && t.every(x => x.classList.contains('dataTable')) && t.length; })()"""


def column(browser: Browser, table: str, name: str) -> list[str]:
    """The cells of a column of a table as shown (the current page), by header text."""
    return browser.evaluate(f"""(() => {{
        const t = document.getElementById('table-{table}');
        const i = [...t.tHead.rows[0].cells].findIndex(c => c.textContent.trim() === '{name}');
        return [...t.tBodies[0].rows].map(r => r.cells[i].textContent.trim()); }})()""")


def sort_by(browser: Browser, table: str, name: str) -> None:
    """Click the column's header, as a reader does."""
    browser.evaluate(f"""[...document.getElementById('table-{table}').tHead.rows[0].cells]
        .find(c => c.textContent.trim() === '{name}').click()""")


def search(browser: Browser, table: str, words: str) -> str:
    """Type into the table's search box; returns the table's info line ("Showing 1 to 3 of 3 entries ...")."""
    return browser.evaluate(f"""(() => {{
        const box = document.querySelector('#table-{table}_wrapper input[type=search]');
        box.value = {words!r}; box.dispatchEvent(new Event('input', {{bubbles: true}}));
        return document.querySelector('#table-{table}_wrapper .dt-info').textContent; }})()""")


@pytest.mark.skipif(chromium_binary() is None, reason="no chromium on PATH (.ci/run installs Debian's chromium)")
def test_report_page_works_offline_in_chromium(warehouse: Path, page: Path, tmp_path: Path) -> None:
    """The page in a real Chromium with the network blocked: every chart drawn, every table turned into
    a DataTable that sorts by a click on a header and filters as one types, quotes link to their words
    in the article texts, the Data Docs pages linked exist, nothing fetched, no console error."""
    queries = standard_queries()
    with Browser(chromium_binary(), offline=True) as browser:
        browser.visit(page.as_uri())
        n_tables = browser.wait_until(TABLES_READY)
        shot = browser.screenshot(tmp_path / "report.png")
        charts = browser.evaluate("""[...document.querySelectorAll('figure.chart')].map(f => {
            const svg = f.querySelector('svg'), box = svg.getBoundingClientRect();
            const marks = [...svg.querySelectorAll('.mark')].filter(m => {
                const b = m.getBoundingClientRect(); return b.width > 0 || b.height > 0; });
            return {name: f.dataset.chart, width: box.width, height: box.height, marks: marks.length,
                    titled: marks.every(m => m.querySelector('title'))};
        })""")

        # sorting: numbers as numbers, both ways, over all rows (not just the page shown)
        top = as_dicts(*run_file(warehouse, queries["speakers_top"]))
        sort_by(browser, "speakers_top", "quotations")
        ascending = [int(v) for v in column(browser, "speakers_top", "quotations")]
        sort_by(browser, "speakers_top", "quotations")
        descending = [int(v) for v in column(browser, "speakers_top", "quotations")]
        sort_by(browser, "speakers_top", "speaker")
        by_name = column(browser, "speakers_top", "speaker")

        # searching: as typed, over every column shown
        quotes = as_dicts(*run_file(warehouse, queries["quote_search"]))
        shown = [c for c in quotes[0] if c != "quote_id"]
        expected = [q for q in quotes if any("harbour" in cell_text(q[c]).lower() for c in shown)]
        info = search(browser, "quote_search", "Harbour")
        found = browser.evaluate("""[...document.getElementById('table-quote_search').tBodies[0].rows]
            .map(r => r.textContent.toLowerCase())""")
        nothing = search(browser, "quote_search", "zeppelin")
        search(browser, "quote_search", "")

        # a quote's link lands on its words, marked, in its article's text
        link = browser.evaluate("""(() => { const a = document.querySelector('#table-quote_search a[href^="#q-"]');
            a.click(); const target = document.getElementById(location.hash.slice(1));
            return {text: a.textContent, hash: location.hash, mark: target.nextElementSibling.textContent,
                    tag: target.nextElementSibling.tagName, article: target.closest('article.text').id,
                    visible: target.getBoundingClientRect().top >= 0
                             && target.getBoundingClientRect().top < window.innerHeight}; })()""")
        dangling = browser.evaluate("""[...document.querySelectorAll('a[href^="#"]')]
            .filter(a => !document.getElementById(decodeURIComponent(a.hash.slice(1)))).map(a => a.href)""")
        docs = browser.evaluate("[...document.querySelectorAll('#data_docs a')].map(a => a.href)")
        seen = browser.seen()
    shutil.copy(shot, SCREENSHOT_COPY)  # for a person to look at
    print(f"screenshot of the report page: {shot} (a copy at {SCREENSHOT_COPY})")

    assert seen.errors == []
    assert seen.requests and all(url.startswith(("file://", "blob:")) for url in seen.requests), seen.requests
    drawn = {c["name"]: c for c in charts}
    assert set(CHARTS) <= set(drawn)
    for name in CHARTS:
        assert drawn[name]["width"] > 200 and drawn[name]["height"] > 100, drawn[name]
        assert drawn[name]["marks"] > 0 and drawn[name]["titled"], f"{name} drew nothing, or marks without values"
    speakers = query(warehouse, "select count(distinct speaker) from quotes")[0][0]
    assert drawn["speakers_top"]["marks"] == min(15, speakers)  # one bar per speaker shown
    articles = query(warehouse, "select count(*) from articles")[0][0]
    assert drawn["articles_per_day"]["marks"] == articles  # one article per (day, section) in this landing

    assert n_tables == sum(1 for name in queries if name != "freshness")
    assert ascending == sorted(ascending) and ascending[0] == min(r["quotations"] for r in top)
    assert descending == sorted(descending, reverse=True) and descending[0] == max(r["quotations"] for r in top)
    assert by_name == sorted(by_name, key=str.lower) and len(by_name) == 10  # a page of ten
    assert 0 < len(expected) < len(quotes)
    assert f"of {len(expected)} entries" in info and f"filtered from {len(quotes)} total" in info
    assert found and all("harbour" in row for row in found)
    assert "of 0 entries" in nothing

    assert link["tag"] == "MARK" and link["text"].startswith(link["mark"]) and link["visible"], link
    assert link["article"].startswith("article-") and dangling == []
    assert docs and all(Path(unquote(urlparse(url).path)).is_file() for url in docs)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 50_000
