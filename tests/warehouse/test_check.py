"""`check`: each kind of damage an operator meets, on a real warehouse folder (Delta tables, manifest,
news.duckdb), found in one line and repaired where that loses no published row."""

from __future__ import annotations

import json
import socket
from datetime import date
from pathlib import Path

import pyarrow as pa
import pytest
from filelock import FileLock

from tests.warehouse.test_store import batch, rows
from warehouse.check import check
from warehouse.lock import OWNER
from warehouse.store import Warehouse


@pytest.fixture
def wh(tmp_path) -> Path:
    root = tmp_path / "wh"
    with Warehouse.open(root) as w:
        w.commit(batch("a", "b"))
        w.commit(batch("c"))
    return root


def lines(result) -> list[str]:
    return [p.line() for p in result.problems]


def test_healthy_warehouse_has_no_problem(wh):
    result = check(wh)
    assert result.healthy and lines(result) == []


def test_new_warehouse_folder_is_healthy(tmp_path):
    with Warehouse.open(tmp_path / "wh"):
        pass
    assert check(tmp_path / "wh").healthy


def test_truncated_manifest_is_restored_from_its_newest_copy(wh):
    manifest = wh / "_state" / "manifest.json"
    manifest.write_text(manifest.read_text()[:25])
    result = check(wh)
    (line,) = lines(result)
    assert line.startswith(f"{manifest.resolve()} is not valid JSON (")
    assert line.endswith(f"its newest usable copy is {manifest.parent.resolve()}/manifests/00000002.json (commit 2); "
                         "--repair fixes it")
    repaired = check(wh, repair=True)
    assert repaired.healthy and "restored" in repaired.repaired[0]
    assert json.loads(manifest.read_text())["commits"] == 2
    assert rows(wh, "select article_id from articles order by 1") == [("a",), ("b",), ("c",)]


def test_manifest_whose_copies_are_all_damaged_cannot_be_repaired(wh):
    state = wh / "_state"
    for path in [state / "manifest.json", *(state / "manifests").glob("*.json")]:
        path.write_bytes(b"\x00" * 10)
    result = check(wh, repair=True)
    assert not result.healthy and result.repaired == []
    (problem,) = result.problems
    assert problem.fix is None and "no copy of it names versions the Delta logs hold" in problem.line()


def test_manifest_naming_a_version_the_log_lacks_goes_back_to_a_good_copy(wh):
    manifest = wh / "_state" / "manifest.json"
    data = json.loads(manifest.read_text())
    data["versions"]["articles"] = 99
    manifest.write_text(json.dumps(data))
    assert "names articles version 99, absent from its Delta log" in lines(check(wh))[0]
    assert check(wh, repair=True).healthy


def test_missing_parquet_file_is_named_with_the_command_that_rebuilds_it(wh):
    (victim,) = [p for p in (wh / "tables" / "files").glob("*.parquet")][:1]
    victim.unlink()
    result = check(wh, repair=True)
    problem, *views = result.problems
    assert problem.fix is None and result.repaired == []
    assert f"files version 1: data file {victim.resolve()} is missing" in problem.line()
    assert "newsetl run --reprocess" in problem.line()
    # the views read that file too: rebuilt by the same command, not by --repair
    assert views and all(v.fix is None and "view files does not read" in v.what for v in views)


def test_truncated_parquet_file_is_found(wh):
    victim = sorted((wh / "tables" / "articles").rglob("*.parquet"))[0]
    victim.write_bytes(victim.read_bytes()[:100])
    problem, *_ = check(wh).problems
    assert f"data file {victim.resolve()} does not read" in problem.line()
    with pytest.raises(Exception, match="does not read"), Warehouse.open(wh) as w:
        w.published_articles()  # a run stops in one line instead of a traceback


def test_deleted_view_database_is_rebuilt(wh):
    (wh / "news.duckdb").unlink()
    db = (wh / "news.duckdb").resolve()
    assert lines(check(wh)) == [f"{db} is missing: analysts have no views; --repair fixes it"]
    assert check(wh, repair=True).healthy
    assert rows(wh, "select count(*) from articles") == [(3,)]


def test_views_listing_unpublished_files_are_rebuilt(wh):
    with Warehouse.open(wh) as w:
        w.commit(batch("d"), publish=False)
        w.publish_views()  # as a bug would: views over a version the manifest does not name
    problems = lines(check(wh))
    assert any("view articles reads" in p for p in problems), problems
    assert check(wh, repair=True).healthy
    assert rows(wh, "select count(*) from articles") == [(3,)]


def test_stale_lock_of_a_run_killed_on_another_host(wh):
    owner = wh / "_state" / OWNER
    owner.write_text(json.dumps({"host": "ingest-7", "pid": 4242, "started": "2026-11-29T03:00:00+00:00"}))
    assert lines(check(wh)) == [
        "stale lock: a run killed before it finished (pid 4242 on host ingest-7 since 2026-11-29T03:00:00+00:00) "
        f"left {owner.resolve()}; no process holds the lock; --repair fixes it"]
    assert check(wh, repair=True).healthy and not owner.exists()


def test_a_run_takes_over_a_stale_lock_and_says_so(wh):
    (wh / "_state" / OWNER).write_text(json.dumps({"host": "ingest-7", "pid": 4242, "started": "t"}))
    with Warehouse.open(wh) as w:
        assert w.notices == ["the previous run (pid 4242 on host ingest-7 since t) was killed before it finished; "
                             "its lock is taken over"]
        owner = json.loads((wh / "_state" / OWNER).read_text())
        assert owner["host"] == socket.gethostname()
    assert not (wh / "_state" / OWNER).exists()
    assert check(wh).healthy


def test_unpublished_versions_of_an_interrupted_commit_are_rolled_back(wh):
    with Warehouse.open(wh) as w:
        w.commit(batch("d"), publish=False)
    assert any("never published" in p for p in lines(check(wh)))
    assert check(wh, repair=True).healthy


def test_leftover_temporary_files_are_removed(wh):
    tmp = wh / ".news.duckdb.12345.tmp"
    tmp.write_bytes(b"half")
    assert lines(check(wh)) == [
        f"{tmp.resolve()} is a temporary file an interrupted write left behind; --repair fixes it"]
    assert check(wh, repair=True).healthy and not tmp.exists()


def test_warehouse_in_use_is_not_checked(wh):
    with FileLock(str(wh / "_state" / "run.lock")):
        result = check(wh)
    assert result.busy and "in use by a run" in result.busy and not result.healthy


def test_a_story_rule_broken_across_commits_is_named_with_the_rebuild(wh):
    from warehouse.schema import ARTICLES

    with Warehouse.open(wh) as w:  # a row whose story names an article published after it
        late = batch("d")
        late["articles"] = late["articles"].set_column(
            ARTICLES.columns.index("story_id"), ARTICLES.schema.field("story_id"), pa.array(["a"]))
        late["articles"] = late["articles"].set_column(
            ARTICLES.columns.index("published_date"), ARTICLES.schema.field("published_date"),
            pa.array([date(2023, 12, 1)]))
        w.commit(late)
    result = check(wh, repair=True)
    assert lines(result) == ["stories: 1 articles published before their story's first article; "
                             f"`newsetl run --reprocess --landing DIR --warehouse {wh.resolve()}` decides every "
                             "story again"]


def test_an_excluded_story_first_is_no_story_problem_and_an_orphan_is_named(tmp_path):
    """Corrections hide an article from the views, not from the published rows the story rules judge."""
    from warehouse.schema import ARTICLES

    first, copy = "1" * 32, "2" * 32
    root = tmp_path / "wh"
    with Warehouse.open(root) as w:
        rows_ = batch(first, copy)
        rows_["articles"] = rows_["articles"].set_column(
            ARTICLES.columns.index("story_id"), ARTICLES.schema.field("story_id"), pa.array([first, first]))
        w.commit(rows_)
    fixes = root / "corrections" / "corrections.csv"
    fixes.parent.mkdir()
    fixes.write_text(f"id,kind,target,value,who,when,why\nx1,exclude,{first},,ana,2024-05-01,advertorial\n"
                     f"x2,exclude,{'3' * 32},,ana,2024-05-01,gone\n", encoding="utf-8")
    with Warehouse.open(root) as w:
        w.publish_views()
    assert rows(root, "SELECT article_id FROM articles") == [(copy,)]
    assert lines(check(root)) == [f"correction orphaned: corrections/corrections.csv:3: x2 (exclude {'3' * 32}) "
                                  "matches nothing published; fix its target or delete its line"]
    fixes.write_text("id,kind,target\n", encoding="utf-8")
    assert lines(check(root)) == [f"corrections: {fixes}:1: the header must be id,kind,target,value,who,when,why, "
                                  "not id,kind,target; fix or delete the line"]
