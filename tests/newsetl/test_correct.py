"""`newsetl correct`: a line appended with who, when and why, applied at once to the views of a real
(Delta) warehouse; refused in one line when the target matches nothing or why is missing."""

from __future__ import annotations

import csv
from pathlib import Path

import duckdb
from typer.testing import CliRunner

from newsetl.cli import app
from newsetl.correct import _unmatched
from tests.warehouse.test_store import batch
from warehouse.schema import SPLIT
from warehouse.store import Warehouse

A, B = "a" * 32, "b" * 32


def warehouse(root: Path) -> Path:
    with Warehouse.open(root) as wh:
        wh.commit(batch(A, B))
    return root


def rows(root: Path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(root / "news.duckdb"), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def correct(*args: str):
    return CliRunner().invoke(app, ["correct", *args])


def test_exclude_appends_a_line_and_applies_it_at_once(tmp_path: Path) -> None:
    wh = warehouse(tmp_path / "wh")
    done = correct("exclude", A, "--warehouse", str(wh), "--why", "an advertorial", "--who", "ana")
    assert done.exit_code == 0, done.output
    assert "c1 added to" in done.output and "applied (matches 1 published row(s))" in done.output
    assert rows(wh, "SELECT article_id FROM articles") == [(B,)]
    assert rows(wh, "SELECT count(*) FROM files") == [(2,)]  # the file stays recorded
    [line] = list(csv.DictReader((wh / "corrections" / "corrections.csv").open(encoding="utf-8")))
    assert (line["id"], line["kind"], line["target"], line["who"], line["why"]) == ("c1", "exclude", A, "ana",
                                                                                   "an advertorial")
    assert line["when"][:4].isdigit() and "T" in line["when"]
    listed = correct("list", "--warehouse", str(wh))
    assert listed.exit_code == 0 and "applied" in listed.output


def test_a_target_that_matches_nothing_is_refused_unless_forced(tmp_path: Path) -> None:
    wh = warehouse(tmp_path / "wh")
    refused = correct("not-quote", "f" * 32, "--warehouse", str(wh), "--why", "typo?")
    assert refused.exit_code == 1
    assert refused.output.strip() == (f"newsetl correct: no published quote has quote_id {'f' * 32} "
                                      "(--force keeps the correction anyway)")
    assert not (wh / "corrections").exists()
    kept = correct("not-quote", "f" * 32, "--warehouse", str(wh), "--why", "article to come", "--force")
    assert kept.exit_code == 0 and "orphaned (matches 0" in kept.output
    check = CliRunner().invoke(app, ["check", "--warehouse", str(wh)])
    assert check.exit_code == 1 and "correction orphaned: corrections/corrections.csv:2: c1 (not-quote" in check.output


def test_why_is_required_and_a_malformed_value_is_one_line(tmp_path: Path) -> None:
    wh = warehouse(tmp_path / "wh")
    done = correct("exclude", A, "--warehouse", str(wh))
    assert done.exit_code == 1 and "--why is required" in done.output
    bad = correct("entity-label", "0" * 16, "COMPANY", "--warehouse", str(wh), "--why", "x", "--force")
    assert bad.exit_code == 1 and "value 'COMPANY' is not a label" in bad.output and len(bad.output.splitlines()) == 1
    assert not (wh / "corrections" / "corrections.csv").exists()


def test_a_warehouse_folder_that_does_not_exist_is_refused_unless_forced(tmp_path: Path) -> None:
    typo = tmp_path / "warehuose"
    refused = correct("exclude", A, "--warehouse", str(typo), "--why", "an advertorial")
    assert refused.exit_code == 1
    assert refused.output.strip() == (f"newsetl correct: no warehouse folder at {typo} "
                                      "(--force starts its corrections before its first run)")
    assert not typo.exists()
    kept = correct("exclude", A, "--warehouse", str(typo), "--why", "an advertorial", "--force")
    assert kept.exit_code == 0 and "applied when a run publishes" in kept.output
    assert (typo / "corrections" / "corrections.csv").exists()


def test_a_merge_of_a_name_with_itself_is_refused(tmp_path: Path) -> None:
    wh = warehouse(tmp_path / "wh")
    done = correct("merge", "Mara Lindqvist", "mara lindqvist", "--warehouse", str(wh), "--why", "same", "--force")
    assert done.exit_code == 1 and "names a person twice" in done.output and len(done.output.splitlines()) == 1
    assert not (wh / "corrections" / "corrections.csv").exists()


def test_a_split_of_a_name_that_is_a_person_of_its_own_is_refused_unless_forced(tmp_path: Path) -> None:
    from tests.warehouse.test_corrections import HEAD, write
    from tests.warehouse.test_corrections_apply import build

    write(tmp_path, HEAD + "m1,merge,Mara Lind | Jon Ek,,ana,2024-05-01,one person\n")
    build(tmp_path)  # Jon Ek shares a person with Mara Lind (m1); Dmitry Peskov is his own
    refused = correct("split", "dmitry peskov", "--warehouse", str(tmp_path), "--why", "not him")
    assert refused.exit_code == 1
    assert refused.output.strip() == ("newsetl correct: 'dmitry peskov' is a person of its own already (no other "
                                      "name shares its person): a split changes nothing (--force keeps the "
                                      "correction anyway)")
    assert len((tmp_path / "corrections" / "corrections.csv").read_text(encoding="utf-8").splitlines()) == 2
    assert _unmatched(tmp_path / "news.duckdb", SPLIT, "Jon Ek") is None


def test_list_says_when_the_files_hold_lines_not_applied_yet_or_no_longer_load(tmp_path: Path) -> None:
    wh = warehouse(tmp_path / "wh")
    assert correct("exclude", A, "--warehouse", str(wh), "--why", "an advertorial").exit_code == 0
    fixes = wh / "corrections" / "corrections.csv"
    with fixes.open("a", encoding="utf-8") as f:
        f.write(f"hand1,exclude,{B},,bo,2024-05-02,by hand\n")
    listed = correct("list", "--warehouse", str(wh))
    assert listed.exit_code == 0 and "1 correction(s) in the files are not applied yet (hand1)" in listed.output
    with fixes.open("a", encoding="utf-8") as f:
        f.write("hand2,exclude,nothex,,bo,2024-05-02,by hand\n")
    listed = correct("list", "--warehouse", str(wh))
    assert listed.exit_code == 1 and "c1" in listed.output
    assert (f"newsetl correct: the files no longer load, so the list above is as last applied: {fixes}:4: "
            "target 'nothex' must be") in " ".join(listed.output.split())


def test_list_prints_a_why_or_who_as_data_never_as_markup(tmp_path: Path) -> None:
    wh = warehouse(tmp_path / "wh")
    done = correct("exclude", A, "--warehouse", str(wh), "--why", "ad [/] [red]x[/red]", "--who", "[bold]ana")
    assert done.exit_code == 0, done.output
    listed = correct("list", "--warehouse", str(wh))  # `[/]` raised MarkupError
    assert listed.exit_code == 0, listed.output
    assert "[red]" in listed.output  # shown as typed
