"""`newsetl report` as an analyst calls it, on a warehouse built by the real flow: tables that fit the terminal,
a chosen report, CSV and JSON for scripts, the quote search, and one-line errors."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from newsetl.reports import select_reports

pytestmark = pytest.mark.e2e
NEWSETL = Path(sys.executable).parent / "newsetl"


def report(warehouse: Path, *args: str, columns: int = 80) -> subprocess.CompletedProcess:
    env = {**os.environ, "COLUMNS": str(columns)}
    return subprocess.run([str(NEWSETL), "report", "--warehouse", str(warehouse), *args], capture_output=True,
                          text=True, env=env, timeout=300)


def rows(warehouse: Path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(warehouse / "news.duckdb"), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


@pytest.mark.parametrize("columns", [80, 160])
def test_the_default_report_fits_the_terminal(analyst_warehouse: Path, columns: int) -> None:
    res = report(analyst_warehouse, columns=columns)
    assert res.returncode == 0 and res.stderr == "", res.stderr
    lines = res.stdout.splitlines()
    assert all(len(line) <= columns for line in lines), max(lines, key=len)
    for name in select_reports():
        assert any(line.startswith(f"{name}: ") for line in lines), name
    assert "quote_search:" not in res.stdout  # nothing was searched for
    body_rows = [line for line in lines if line.startswith("│")]
    assert len(lines) < 400 and len(body_rows) < 300
    # column names are whole: the header cells hold whole words of the SQL's column names
    header_words = {w for line in lines if line.startswith("┃") for w in line.strip("┃").replace("┃", " ").split()}
    assert not any(w.endswith("…") for w in header_words), header_words


def test_only_one_report_as_csv_with_every_row(analyst_warehouse: Path) -> None:
    res = report(analyst_warehouse, "--only", "speakers_top", "--format", "csv")
    assert res.returncode == 0 and res.stderr == "", res.stderr
    table = list(csv.reader(io.StringIO(res.stdout)))
    assert table[0][:3] == ["speaker", "quotes", "quotations"]
    speakers = min(20, rows(analyst_warehouse, "SELECT count(DISTINCT speaker) FROM quotes WHERE speaker IS NOT NULL "
                               "AND (quote_type <> 'indirect' OR cue_class = 'speech')")[0][0])
    assert len(table) - 1 == speakers > 10  # every row, not the terminal's first ten


def test_json_of_chosen_reports_and_the_quote_search(analyst_warehouse: Path) -> None:
    res = report(analyst_warehouse, "--only", "quote_search", "--only", "freshness", "--search", "Harbour districts",
                 "--format", "json")
    assert res.returncode == 0 and res.stderr == "", res.stderr
    doc = json.loads(res.stdout)
    assert list(doc) == ["quote_search", "freshness"]
    found = doc["quote_search"]["rows"]
    assert found and all({"harbour", "districts"} <= set(r["quote"].lower().replace(",", "").split()) for r in found)
    [fresh] = doc["freshness"]["rows"]
    assert fresh["articles"] == 12 and fresh["newest_article"] == "2024-06-23"


def test_search_in_the_terminal(analyst_warehouse: Path) -> None:
    res = report(analyst_warehouse, "--search", "zeppelin harbour", "--only", "quote_search")
    assert res.returncode == 0 and "quote_search:" in res.stdout and "(no rows)" in res.stdout


@pytest.mark.parametrize(("args", "message"), [
    (["--only", "speaker_top"], "newsetl: no report named 'speaker_top': choose from articles_per_day, "),
    (["--format", "csv"], "newsetl: --format csv writes one report: choose it with --only NAME"),
    (["--format", "xml"], "newsetl: unknown format 'xml': choose one of table, csv, json"),
    (["--only", "freshness", "--search", "x"], "newsetl: --search is for the quote_search report"),
    (["--limit", "-1"], "newsetl: --limit must be 0 (all rows) or more, not -1"),
])
def test_bad_choices_fail_in_one_line(analyst_warehouse: Path, args: list[str], message: str) -> None:
    res = report(analyst_warehouse, *args)
    assert res.returncode == 1 and res.stdout == ""
    assert res.stderr.startswith(message) and len(res.stderr.strip().splitlines()) == 1, res.stderr
