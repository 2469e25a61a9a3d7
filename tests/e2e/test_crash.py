"""Crash safety: real runs SIGKILLed at several moments, from early to the middle of a commit.
The warehouse stays readable with only whole articles in it, and the next run ends exactly where
an uninterrupted run ends."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from tests.articles import COUNCIL, GARDEN, HARBOUR
from warehouse.schema import ARTICLES

pytestmark = [pytest.mark.e2e, pytest.mark.usefixtures("prefect_server")]
NEWSETL = Path(sys.executable).parent / "newsetl"
SNAPSHOT = {
    "articles": "select * exclude (run_id) from articles order by article_id",
    "quotes": "select * from quotes order by quote_id",
    "entities": "select * from entities order by article_id, entity_id",
    "files": "select * exclude (run_id, recorded_at) from files order by path",
    "story_index": "select * from story_index order by article_id",
}
SNAPSHOT_ARTICLE_COLUMNS = [c for c in ARTICLES.columns if c != "run_id"]  # the view's order, as selected above
# (failpoint, what it interrupts); commits are numbered from 1, one per batch of 2 files
KILL_POINTS = [
    ("commit-start:1", "early: before the first commit writes anything"),
    ("after-articles:2", "mid-commit: batch 2's articles written, its quotes not"),
    ("after-entities:3", "mid-commit: batch 3's articles, quotes and entities written, files not"),
    ("after-manifest:2", "after batch 2 was published, before the views were rebuilt"),
    ("after-story_index:3", "mid-commit: batch 3's rows and story signatures written, the manifest not"),
]


def run(landing: Path, warehouse: Path, failpoint: str | None = None, **popen) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if k != "NEWSETL_FAILPOINT"}
    if failpoint:
        env["NEWSETL_FAILPOINT"] = failpoint
    args = [str(NEWSETL), "run", "--landing", str(landing), "--warehouse", str(warehouse),
            "--batch-size", "2", "--commit-size", "2", "--task-runner", "thread", "--workers", "1"]
    return subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, **popen)


def finish(proc: subprocess.Popen) -> tuple[int, str]:
    out, _ = proc.communicate(timeout=600)
    return proc.returncode, out


def snapshot(warehouse: Path) -> dict[str, list[tuple]]:
    con = duckdb.connect(str(warehouse / "news.duckdb"), read_only=True)
    try:
        return {name: con.execute(sql).fetchall() for name, sql in SNAPSHOT.items()}
    finally:
        con.close()


@pytest.fixture(scope="module")
def crash_landing(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("crash") / "landing"
    folder.mkdir()
    for i in range(6):
        text = HARBOUR.replace("by 2027", f"by {2030 + i}").replace("on Tuesday", f"on day {i}")
        (folder / f"harbour-{i}.txt").write_text(text)
    (folder / "garden.txt").write_text(GARDEN)
    (folder / "council.txt").write_text(COUNCIL)
    (folder / "empty.txt").write_bytes(b"")
    return folder


@pytest.fixture(scope="module")
def reference(crash_landing, tmp_path_factory):
    wh = tmp_path_factory.mktemp("reference") / "wh"
    code, out = finish(run(crash_landing, wh))
    assert code == 0, out
    state = snapshot(wh)
    # the six harbour variants are one story (near-copies spread over three commits), the others their own
    sizes = sorted(n for (n,) in duckdb.connect(str(wh / "news.duckdb"), read_only=True).execute(
        "select articles from stories").fetchall())
    assert sizes == [1, 1, 6]
    return state


def assert_whole(state: dict, reference: dict) -> None:
    """Every article present has exactly the quotes and entities it has in the reference."""
    ids = {row[0] for row in state["articles"]}
    assert {r[0] for r in reference["articles"]} >= ids
    for table, key in (("quotes", 1), ("entities", 0)):
        assert [r for r in state[table]] == [r for r in reference[table] if r[key] in ids], table
    published = {r[0] for r in state["files"] if r[4] == "published"}  # path, sha256, size, mtime, status
    assert published == {r[1] for r in state["articles"]}
    assert [r[0] for r in state["story_index"]] == sorted(ids)  # the index holds exactly the published articles
    assert_stories_hold(state)


def assert_stories_hold(state: dict) -> None:
    """Every story_id names a published article that is the first of its own story and the earliest of it."""
    by_id = {r[0]: r for r in state["articles"]}
    cols = list(SNAPSHOT_ARTICLE_COLUMNS)
    date_at, story_at = cols.index("published_date"), cols.index("story_id")
    for row in state["articles"]:
        first = by_id[row[story_at]]
        assert first[story_at] == first[0] and (first[date_at], first[0]) <= (row[date_at], row[0])


@pytest.mark.parametrize(("failpoint", "moment"), KILL_POINTS, ids=[k for k, _ in KILL_POINTS])
def test_killed_run_leaves_whole_articles_and_the_next_run_completes_it(
    failpoint, moment, crash_landing, reference, tmp_path
):
    wh = tmp_path / "wh"
    code, out = finish(run(crash_landing, wh, failpoint))
    assert code == -signal.SIGKILL, f"{moment}: the run was not killed ({code}): {out}"
    if (wh / "news.duckdb").exists():
        assert_whole(snapshot(wh), reference)  # readable, and only whole articles, mid-crash
    code, out = finish(run(crash_landing, wh))
    assert code == 0, out
    assert snapshot(wh) == reference, moment


def test_killed_during_language_processing(crash_landing, reference, tmp_path):
    wh = tmp_path / "wh"
    proc = run(crash_landing, wh)
    deadline = time.monotonic() + 300
    first_commit = wh / "_state" / "manifests" / "00000001.json"  # the history entry of commit 1
    while not first_commit.exists() and time.monotonic() < deadline:
        time.sleep(0.05)  # wait for the first commit, then kill mid-run
    proc.send_signal(signal.SIGKILL)
    finish(proc)
    assert_whole(snapshot(wh), reference)
    code, out = finish(run(crash_landing, wh))
    assert code == 0, out
    assert snapshot(wh) == reference
