"""Every kind of broken file in one landing folder: the run goes on, records each file with a
status and a one-line reason, reads nothing outside the folder, and exits 0. And an analyst
holding news.duckdb open neither blocks a run nor sees half of one."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from tests.articles import COUNCIL, GARDEN, HARBOUR

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("prefect_server")]
NEWSETL = Path(sys.executable).parent / "newsetl"
HEAD = " date 2024-05-01 NEWS\nA headline\n\n"

# file name -> (bytes, expected status, words the reason must contain; None when published)
CASES: dict[str, tuple[bytes, str, str | None]] = {
    "empty.txt": (b"", "quarantined", "empty file"),
    "whitespace.txt": (b" \n\t\r\n  \n", "quarantined", "only whitespace"),
    "binary.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "quarantined", "binary"),
    "page.txt": (b"<!doctype html>\n<html><body><p>Hello</p>\n\n</body></html>\n", "quarantined",
                 "no publication date"),
    "data.txt": (json.dumps({"articles": [1, 2, 3]}).encode(), "quarantined", "no body"),
    "header-only.txt": (b" date 2024-05-01 NEWS\n", "quarantined", "no headline"),
    "no-body.txt": (b" date 2024-05-01 NEWS\nOnly a headline\n", "quarantined", "no body"),
    "impossible-date.txt": (b" date 2024-02-31 NEWS\nHeadline\n\nBody.\n", "quarantined", "impossible date 2024-02-31"),
    "undecodable.txt": (HEAD.encode() + b"caf\x81\x8d\x8f\x90\x9d\n", "quarantined", "undecodable bytes on line 4"),
    "utf16.txt": (HARBOUR.encode("utf-16"), "published", None),
    "mixed.txt": (GARDEN.replace("national", "nat\u00efonal").encode()[:200] + "\u201cna\u00efve\u201d, said Ana.\n"
                  .encode("cp1252"), "published", None),
    "mojibake.txt": (COUNCIL.replace("overdue", "overdue\u2019s").encode().decode("cp1252", "replace").encode(),
                     "published", None),
    "quote-marks.txt": (HEAD.encode() + b'"' * 300_000 + b"\n", "quarantined", "not prose: 300000 characters"),
    "unbalanced-quotes.txt": ((HEAD + 'He said "yes, then \u201cno and \'maybe. ' * 2000 + "\n").encode(),
                              "published", None),
    "big-paragraph.txt": (HEAD.encode() + b"word " * 420_000 + b"\n", "quarantined", "body too long"),
    "huge.txt": (b"x" * (21 * 1024 * 1024), "quarantined", "file too large"),
}


@pytest.fixture
def broken_landing(tmp_path: Path) -> Path:
    landing = tmp_path / "landing"
    landing.mkdir()
    for name, (data, _, _) in CASES.items():
        (landing / name).write_bytes(data)
    secret = tmp_path / "outside" / "secret.txt"
    secret.parent.mkdir()
    secret.write_text(HARBOUR)
    os.symlink(secret, landing / "link-out.txt")
    os.symlink(secret.parent, landing / "dir-link-out")
    (landing / "folder.txt").mkdir()
    (landing / "folder.txt" / "inside.txt").write_text(GARDEN.replace("2024-06-18", "2024-06-19"))
    return landing


def newsetl_run(landing: Path, warehouse: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(NEWSETL), "run", "--landing", str(landing), "--warehouse", str(warehouse)],
                          capture_output=True, text=True, timeout=900)


def test_every_broken_file_is_recorded_and_the_run_succeeds(broken_landing, tmp_path):
    wh = tmp_path / "wh"
    res = newsetl_run(broken_landing, wh)
    assert res.returncode == 0, res.stdout + res.stderr
    assert "Traceback" not in res.stdout + res.stderr
    con = duckdb.connect(str(wh / "news.duckdb"), read_only=True)
    files = {p: (s, r) for p, s, r in con.execute("select path, status, reason from files").fetchall()}
    for name, (_, status, reason) in CASES.items():
        assert files[name][0] == status, (name, files[name])
        if reason:
            assert reason in files[name][1] and "\n" not in files[name][1], (name, files[name])
    assert files["link-out.txt"] == ("quarantined", "link points outside the landing folder; not read")
    assert files["folder.txt/inside.txt"][0] == "published"
    assert not any(p.startswith("dir-link-out") for p in files)
    assert len(files) == len(CASES) + 2
    # the repaired files read as clean text
    bodies = dict(con.execute("select source_path, body from articles").fetchall())
    assert "\u201cna\u00efve\u201d" in bodies["mixed.txt"]
    assert "Port of Calder" in bodies["utf16.txt"]
    [(spans,)] = con.execute("select count(*) from quotes q join articles a using (article_id) "
                             "where a.source_path = 'unbalanced-quotes.txt'").fetchall()
    assert spans > 0


def test_a_damaged_model_fails_the_run_in_one_line_naming_it_and_publishes_nothing(landing, damaged_model, tmp_path):
    wh = tmp_path / "wh"
    res = subprocess.run([str(NEWSETL), "run", "--landing", str(landing), "--warehouse", str(wh),
                          "--model", str(damaged_model)], capture_output=True, text=True, timeout=900)
    assert res.returncode == 1 and "Traceback" not in res.stdout + res.stderr
    last = res.stderr.strip().splitlines()[-1]
    assert last.startswith("newsetl: nothing could be published: batch 0 (1 files) failed: "
                           f"spaCy model {damaged_model} could not be loaded: ")
    with duckdb.connect(str(wh / "news.duckdb"), read_only=True) as con:
        assert con.execute("select count(*) from articles").fetchall() == [(0,)]
        assert con.execute("select status from runs").fetchall() == [("failed",)]


def test_a_reader_holding_the_database_open_never_blocks_nor_sees_half_a_run(tmp_path):
    landing, wh = tmp_path / "landing", tmp_path / "wh"
    landing.mkdir()
    (landing / "harbour.txt").write_text(HARBOUR)
    assert newsetl_run(landing, wh).returncode == 0
    analyst = duckdb.connect(str(wh / "news.duckdb"), read_only=True)  # held open through the next run
    before = analyst.execute("select count(*) from articles").fetchall()
    (landing / "garden.txt").write_text(GARDEN)
    (landing / "council.txt").write_text(COUNCIL)
    res = newsetl_run(landing, wh)
    assert res.returncode == 0, res.stdout + res.stderr
    assert analyst.execute("select count(*) from articles").fetchall() == before  # a consistent, older state
    analyst.close()
    fresh = duckdb.connect(str(wh / "news.duckdb"), read_only=True)
    assert fresh.execute("select count(*) from articles").fetchall() == [(3,)]
    orphans = fresh.execute("select count(*) from quotes where article_id not in (select article_id from articles)")
    assert orphans.fetchall() == [(0,)]
