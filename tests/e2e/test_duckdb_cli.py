"""The analyst's side with the DuckDB command line that `make setup` installs (`.venv/bin/duckdb`, the pinned
duckdb-cli release, not the DuckDB 2.0 that writes news.duckdb): it opens the warehouse read-only and runs
every query the README shows, and a warehouse folder moved after its run still answers from anywhere."""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from tests.conftest import ROOT
from warehouse.queries import standard_queries

pytestmark = pytest.mark.e2e
DUCKDB = Path(sys.executable).parent / "duckdb"
README = ROOT / "README.md"


def cli(db: Path, sql: str, *args: str, cwd: Path) -> list[list[str]]:
    """`duckdb -readonly -csv [args] DB < sql` in `cwd`: the rows printed (header first); fails on any error."""
    res = subprocess.run([str(DUCKDB), "-readonly", "-csv", *args, str(db)], input=sql, capture_output=True,
                         text=True, cwd=cwd, timeout=120)
    assert res.returncode == 0 and not res.stderr, f"{sql}\n{res.stderr}"
    return list(csv.reader(io.StringIO(res.stdout)))


def python_rows(db: Path, sql: str, setup: str = "") -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        if setup:
            con.execute(setup)
        return con.execute(sql).fetchall()
    finally:
        con.close()


def readme_sql_examples() -> list[str]:
    return re.findall(r"```sql\n(.*?)```", README.read_text(encoding="utf-8"), re.S)


def readme_duckdb_commands() -> list[str]:
    """Every shell line of the README that runs the DuckDB CLI on the warehouse (comments cut off)."""
    lines = []
    for block in re.findall(r"```sh\n(.*?)```", README.read_text(encoding="utf-8"), re.S):
        for line in block.splitlines():
            if line.startswith(".venv/bin/duckdb "):
                lines.append(re.sub(r"\s+#.*$", "", line).strip())
    return lines


@pytest.fixture
def project(analyst_warehouse: Path, tmp_path: Path) -> Path:
    """A checkout as the README's commands expect it: `warehouse/` holding a copy of a warehouse built by
    the real flow beside the shipped `warehouse/sql/`, and `.venv/bin/duckdb`."""
    root = tmp_path / "checkout"
    shutil.copytree(analyst_warehouse, root / "warehouse")
    shutil.copytree(ROOT / "warehouse" / "sql", root / "warehouse" / "sql")
    (root / ".venv" / "bin").mkdir(parents=True)
    (root / ".venv" / "bin" / "duckdb").symlink_to(DUCKDB)
    return root


def test_the_pinned_cli_is_installed_and_is_not_the_writer() -> None:
    version = subprocess.run([str(DUCKDB), "--version"], capture_output=True, text=True, timeout=60).stdout
    assert version.startswith("v1.5."), version
    assert not duckdb.__version__.startswith("1.5")  # the file is written by another DuckDB than reads it here


def test_every_readme_query_runs_in_the_cli_read_only(project: Path) -> None:
    db = project / "warehouse" / "news.duckdb"
    examples = readme_sql_examples()
    assert len(examples) == 8
    for sql in examples:
        printed = cli(db, sql, cwd=project)
        expected = python_rows(db, sql)
        assert expected and len(printed) == len(expected) + 1, sql
    described = cli(db, "SELECT table_name, column_name, data_type, comment FROM duckdb_columns();", cwd=project)
    assert described[1][:3] == ["articles", "article_id", "VARCHAR"] and all(row[3] for row in described[1:])
    read = cli(db, ".read warehouse/sql/entities_top.sql\n", cwd=project)
    assert len(read) - 1 == len(python_rows(db, standard_queries()["entities_top"]))


def test_every_readme_shell_command_runs_as_written(project: Path) -> None:
    commands = readme_duckdb_commands()
    assert len(commands) >= 3, commands  # the quick start's, and the standard analyses' from a shell
    for command in commands:
        # an interactive session (no input): the CLI opens the file, runs nothing and exits
        res = subprocess.run(["bash", "-c", command], cwd=project, capture_output=True, text=True,
                             stdin=subprocess.DEVNULL, timeout=120)
        assert res.returncode == 0 and not res.stderr, f"{command}\n{res.stderr}"
        if "<" in command:
            assert res.stdout.strip(), command


def test_the_cli_runs_every_standard_analysis(project: Path) -> None:
    db = project / "warehouse" / "news.duckdb"
    for name, sql in standard_queries().items():
        printed = cli(db, sql, cwd=project)
        assert len(printed) == len(python_rows(db, sql)) + 1, name


def test_a_warehouse_moved_after_its_run_answers_from_anywhere(project: Path, tmp_path: Path) -> None:
    db = project / "warehouse" / "news.duckdb"
    sql = "SELECT count(*) AS n, count(DISTINCT speaker) AS speakers FROM quotes JOIN articles USING (article_id);"
    before = python_rows(db, sql)
    moved = tmp_path / "mounted elsewhere" / "news warehouse"
    moved.parent.mkdir()
    shutil.move(project / "warehouse", moved)
    assert not (project / "warehouse").exists()
    for cwd in (Path("/"), moved, moved.parent):
        target = moved / "news.duckdb" if cwd == Path("/") else Path(os.path.relpath(moved / "news.duckdb", cwd))
        assert cli(target, sql, cwd=cwd)[1] == [str(v) for v in before[0]], cwd
    assert python_rows(moved / "news.duckdb", sql) == before  # and from Python, as the checks open it
    for name in ("files", "runs", "quality", "entities", "entity_aliases"):
        assert python_rows(moved / "news.duckdb", f"SELECT count(*) FROM {name}")[0][0] > 0, name
