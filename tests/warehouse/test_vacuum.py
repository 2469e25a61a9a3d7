"""Vacuum: old data files go after the retention window, never those the published views or the last
commits read, and a reader who opened the views before a vacuum keeps reading through the window."""

from __future__ import annotations

import duckdb
import pytest

from tests.warehouse.test_store import batch, rows
from warehouse.check import check
from warehouse.store import Warehouse
from warehouse.vacuum import vacuum


def parquet_files(root) -> set[str]:
    return {p.name for p in (root / "tables").rglob("*.parquet")}


@pytest.fixture
def wh(tmp_path):
    with Warehouse.open(tmp_path) as w:
        w.commit(batch("a", "b"))
    return tmp_path


def replace_everything(root) -> None:
    """A commit that withdraws every article and file row: the files the views read before go out of the tables."""
    with Warehouse.open(root) as w:
        w.commit(batch("c"), withdraw_article_ids=["a", "b"], replace_paths=["a.txt", "b.txt"])


def test_reader_open_across_a_vacuum_keeps_reading_within_the_window(wh):
    reader = duckdb.connect(str(wh / "news.duckdb"), read_only=True)  # an analyst's session, opened now
    try:
        replace_everything(wh)
        with Warehouse.open(wh) as w:
            report = vacuum(w, retain_days=7, keep_commits=0)
            w.commit({})
        assert report.removed == 0
        assert reader.execute("select article_id from articles order by 1").fetchall() == [("a",), ("b",)]
        # outside the window, with no recent commit kept, the old files go: the window is what kept them
        with Warehouse.open(wh) as w:
            report = vacuum(w, retain_days=0, keep_commits=0)
            w.commit({})
        assert report.removed > 0 and "vacuum: removed" in report.line()
        with pytest.raises(duckdb.Error):
            reader.execute("select article_id from articles").fetchall()
    finally:
        reader.close()
    assert rows(wh, "select article_id from articles") == [("c",)]  # the published state reads
    assert check(wh).healthy


def test_files_of_the_last_commits_stay_whatever_their_age(wh):
    before = parquet_files(wh)
    replace_everything(wh)
    with Warehouse.open(wh) as w:
        report = vacuum(w, retain_days=0)  # the previous commit is among the last ones kept
        w.commit({})
    assert report.removed == 0 and before <= parquet_files(wh)


def test_published_files_are_never_removed(wh):
    with Warehouse.open(wh) as w:
        report = vacuum(w, retain_days=0, keep_commits=0)
        w.commit({})
    assert report.removed == 0
    assert rows(wh, "select article_id from articles order by 1") == [("a",), ("b",)]
    assert check(wh).healthy


def test_vacuum_versions_are_published_and_a_reopen_changes_nothing(wh):
    replace_everything(wh)
    with Warehouse.open(wh) as w:
        vacuum(w, retain_days=0, keep_commits=0)
        w.commit({})
    with Warehouse.open(wh) as w:
        assert w.notices == [] and w.recover() == []


def test_negative_window_is_refused(wh):
    with Warehouse.open(wh) as w, pytest.raises(ValueError, match="retain_days must be 0 or more"):
        vacuum(w, retain_days=-1)
