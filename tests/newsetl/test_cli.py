"""The command line: every option of every command is in the README's command table (as
sqlite-utils' test_docs.py checks its CLI reference), and bad options fail with one line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from newsetl.cli import app

README = Path(__file__).resolve().parents[2] / "README.md"


def commands() -> dict:
    group = typer.main.get_command(app)
    return dict(group.commands)  # type: ignore[attr-defined]


def readme_row(command: str) -> str:
    """The README's command-table row of `newsetl COMMAND`."""
    section = README.read_text().split("## Command line", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith(f"| `newsetl {command}")]
    assert len(rows) == 1, f"the README's command table has {len(rows)} rows for newsetl {command}"
    return rows[0]


@pytest.mark.parametrize("command", sorted(commands()))
def test_every_option_of_every_command_is_in_the_readme(command):
    row = readme_row(command)
    documented = set(re.findall(r"(?<![\w-])(--?[a-z][a-z-]*)", row))
    options = {opt for p in commands()[command].params for opt in p.opts if p.param_type_name == "option"}
    missing = options - documented
    assert not missing, f"newsetl {command}: options not in the README's command table: {sorted(missing)}"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["run", "--batch-size", "0"], "newsetl: batch_size must be at least 1, not 0"),
        (["run", "--task-runner", "ray"], "newsetl: unknown task runner 'ray': choose one of process, thread, dask"),
        (["run", "--landing", "/nonexistent/landing"], "does not exist or is not a folder"),
    ],
)
def test_bad_options_fail_with_one_line_and_no_traceback(tmp_path, args, message):
    result = CliRunner().invoke(app, [*args, "--warehouse", str(tmp_path / "wh")])
    assert result.exit_code == 1
    assert message in result.output and "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--cron", "not a cron"], "newsetl: bad schedule --cron 'not a cron' --timezone 'UTC': Invalid cron string"),
        (["--timezone", "Mars/Base"], "unknown time zone 'Mars/Base'"),
    ],
)
def test_serve_refuses_a_bad_schedule_in_one_line(tmp_path, args, message):
    result = CliRunner().invoke(app, ["serve", "--landing", str(tmp_path), "--warehouse", str(tmp_path / "wh"), *args])
    assert result.exit_code == 1 and message in result.output and "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_a_model_that_is_not_installed_fails_the_run_in_one_line_before_any_work(tmp_path):
    (tmp_path / "landing").mkdir()
    (tmp_path / "landing" / "a.txt").write_text(" date 2024-03-05 WORLD\nHeadline\n\nBody text here.\n")
    result = CliRunner().invoke(app, ["run", "--landing", str(tmp_path / "landing"), "--warehouse",
                                      str(tmp_path / "wh"), "--model", "no_such_model_xyz"])
    assert result.exit_code == 1
    reason = "spaCy model 'no_such_model_xyz' not found: no installed package or folder has that name"
    hint = "(--model names an installed spaCy model package or a model folder)"
    assert result.output.strip() == f"newsetl: {reason} {hint}"
    assert not (tmp_path / "wh").exists()


def test_serve_refuses_a_warehouse_it_could_not_write_before_contacting_prefect(tmp_path):
    (tmp_path / "wh").write_text("a file")
    result = CliRunner().invoke(app, ["serve", "--landing", str(tmp_path), "--warehouse", str(tmp_path / "wh")])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.output.strip() == f"newsetl: warehouse {tmp_path / 'wh'} is a file, not a folder"


def built_warehouse(root: Path) -> Path:
    from tests.warehouse.test_store import batch
    from warehouse.store import Warehouse

    with Warehouse.open(root) as wh:
        wh.commit(batch("a", "b"))
        wh.commit(batch("c"), withdraw_article_ids=["a"], replace_paths=["a.txt"])
    return root


def test_check_prints_ok_on_a_healthy_warehouse_and_one_line_per_problem(tmp_path):
    wh = built_warehouse(tmp_path / "wh")
    ok = CliRunner().invoke(app, ["check", "--warehouse", str(wh)])
    assert ok.exit_code == 0 and ok.output.strip().endswith("ok (manifest, Delta versions, data files and views agree)")
    (wh / "news.duckdb").unlink()
    (wh / "_state" / "manifest.json").write_text("{")
    bad = CliRunner().invoke(app, ["check", "--warehouse", str(wh)])
    lines = bad.output.strip().splitlines()
    assert bad.exit_code == 1 and len(lines) == 3, bad.output
    assert lines[0].startswith("problem: ") and "manifest.json is not valid JSON" in lines[0]
    db = (wh / "news.duckdb").resolve()
    assert lines[1] == f"problem: {db} is missing: analysts have no views; --repair fixes it"
    assert lines[2] == f"newsetl: warehouse {wh}: 2 problem(s)"
    fixed = CliRunner().invoke(app, ["check", "--warehouse", str(wh), "--repair"])
    assert fixed.exit_code == 0, fixed.output
    assert [line.split(":")[0] for line in fixed.output.splitlines()] == ["repaired", "repaired", f"warehouse {wh}"]


def test_check_of_a_folder_that_is_not_there_fails_in_one_line(tmp_path):
    result = CliRunner().invoke(app, ["check", "--warehouse", str(tmp_path / "nowhere")])
    assert result.exit_code == 1 and result.output.strip().splitlines() == [
        f"newsetl: no warehouse at {tmp_path / 'nowhere'}: the folder does not exist"]


def test_check_of_a_file_says_it_is_a_file(tmp_path):
    file = tmp_path / "passwd"
    file.write_text("root:x:0:0\n")
    result = CliRunner().invoke(app, ["check", "--warehouse", str(file)])
    assert result.exit_code == 1 and result.output.strip().splitlines() == [
        f"newsetl: no warehouse at {file}: it is a file, not a warehouse folder"]


def test_report_html_into_a_folder_fails_in_one_line_before_reading(tmp_path):
    result = CliRunner().invoke(app, ["report", "--warehouse", str(tmp_path / "nowhere"), "--html", str(tmp_path)])
    assert result.exit_code == 1 and result.output.strip().splitlines() == [
        f"newsetl: --html {tmp_path} is a folder: give the page's file name, e.g. --html {tmp_path / 'report.html'}"]


def test_vacuum_reports_what_it_removed(tmp_path):
    wh = built_warehouse(tmp_path / "wh")
    result = CliRunner().invoke(app, ["vacuum", "--warehouse", str(wh)])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == "vacuum: removed 0 data files no longer read by a version of the last 7 days (none)"
    bad = CliRunner().invoke(app, ["vacuum", "--warehouse", str(wh), "--retain-days", "-1"])
    assert bad.exit_code == 1 and bad.output.strip() == "newsetl: retain_days must be 0 or more, not -1.0"
