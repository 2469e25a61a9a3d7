"""The Delta store, its manifest and the views, on a real warehouse folder."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import duckdb
import pyarrow as pa
import pytest
from deltalake import write_deltalake

from warehouse.schema import ARTICLES, FILES, QUOTES
from warehouse.store import Warehouse, WarehouseBusy


def article(aid: str, path: str, day: date = date(2024, 1, 2)) -> dict:
    return {
        "article_id": aid, "source_path": path, "source_sha256": "0" * 64, "published_date": day,
        "section": "NEWS", "headline": f"Headline {aid}", "standfirst": None, "image_caption": None,
        "image_credit": None, "body": "Body.", "paragraph_count": 1, "word_count": 1, "run_id": "r1",
        "published_month": day.strftime("%Y-%m"), "story_id": aid, "similarity": 1.0,
    }


def file_row(path: str, aid: str) -> dict:
    return {"path": path, "sha256": "0" * 64, "size_bytes": 1, "mtime_ns": 1, "status": "published", "reason": None,
            "article_id": aid, "run_id": "r1", "recorded_at": datetime(2024, 1, 2, tzinfo=UTC)}


def batch(*ids: str) -> dict[str, pa.Table]:
    return {
        "articles": pa.Table.from_pylist([article(i, f"{i}.txt") for i in ids], schema=ARTICLES.schema),
        "files": pa.Table.from_pylist([file_row(f"{i}.txt", i) for i in ids], schema=FILES.schema),
    }


def rows(wh_root, sql: str):
    con = duckdb.connect(str(wh_root / "news.duckdb"), read_only=True)
    try:
        return con.sql(sql).fetchall()
    finally:
        con.close()


def test_empty_warehouse_has_every_view_typed_and_commented(tmp_path):
    with Warehouse.open(tmp_path) as wh:
        wh.publish_views()
    assert rows(tmp_path, "select count(*) from articles") == [(0,)]
    types = dict(rows(tmp_path, "select column_name, data_type from duckdb_columns() where table_name = 'entities'"))
    assert types["surface_forms"] == "VARCHAR[]" and types["mention_count"] == "INTEGER"
    comments = rows(tmp_path, "select comment from duckdb_views() where view_name = 'quotes'")
    assert comments == [(QUOTES.comment,)]


def test_commit_publishes_and_withdraws(tmp_path):
    with Warehouse.open(tmp_path) as wh:
        wh.commit(batch("a", "b"))
        wh.commit(batch("c"), withdraw_article_ids=["a"], replace_paths=["a.txt"])
    assert rows(tmp_path, "select article_id from articles order by 1") == [("b",), ("c",)]
    assert rows(tmp_path, "select count(*) from files") == [(2,)]
    assert rows(tmp_path, "select published_month, published_date from articles limit 1") == [
        ("2024-01", date(2024, 1, 2))]


def test_interrupted_commit_is_rolled_back_by_the_next_run(tmp_path):
    with Warehouse.open(tmp_path) as wh:
        wh.commit(batch("a"))
    manifest = json.loads((tmp_path / "_state" / "manifest.json").read_text())
    # a crash after writing the articles table but before the manifest named the new version
    write_deltalake(str(tmp_path / "tables" / "articles"),
                    pa.Table.from_pylist([article("x", "x.txt")], schema=ARTICLES.schema).drop(["published_month"])
                    .append_column("published_month", pa.array(["2024-01"])), mode="append",
                    partition_by=["published_month"])
    assert rows(tmp_path, "select article_id from articles") == [("a",)]  # readers never saw it
    with Warehouse.open(tmp_path) as wh:
        assert wh.published_articles() == {"a": "a.txt"}
    assert rows(tmp_path, "select article_id from articles") == [("a",)]
    assert json.loads((tmp_path / "_state" / "manifest.json").read_text())["commits"] == manifest["commits"]


def test_one_run_at_a_time(tmp_path):
    with Warehouse.open(tmp_path), pytest.raises(WarehouseBusy, match="in use by another run"), \
            Warehouse.open(tmp_path):
        pass


def test_a_later_column_leaves_earlier_files_readable(tmp_path):
    """Schema evolution: files written before a column existed read it as NULL through the views."""
    old_schema = ARTICLES.schema.remove(ARTICLES.schema.get_field_index("image_credit"))
    with Warehouse.open(tmp_path) as wh:
        old = pa.Table.from_pylist([article("old", "old.txt")], schema=ARTICLES.schema).cast(ARTICLES.schema)
        write_deltalake(str(tmp_path / "tables" / "articles"), old.select(old_schema.names),
                        partition_by=["published_month"])
        wh.versions["articles"] = 0
        new = {**article("new", "new.txt"), "image_credit": "Agency"}
        wh.commit({"articles": pa.Table.from_pylist([new], schema=ARTICLES.schema)})
    got = rows(tmp_path, "select article_id, image_credit from articles order by 1")
    assert got == [("new", "Agency"), ("old", None)]


def test_compaction_leaves_the_rows_and_lists_fewer_files(tmp_path):
    with Warehouse.open(tmp_path) as wh:
        for i in range(6):
            wh.commit(batch(f"a{i}"))
        before = len(wh._delta(ARTICLES).file_uris())
        assert wh.compact(files_per_partition=2) == ["articles", "files"]
        wh.commit({})
        assert len(wh._delta(ARTICLES).file_uris()) == 1 < before
    assert rows(tmp_path, "select count(*), count(distinct article_id) from articles") == [(6, 6)]


def test_tables_without_any_manifest_are_never_deleted(tmp_path):
    """Deleting _state (to clear a lock, say) must not cost the published tables: with no manifest and
    no copy of it, which versions were published cannot be proven, so opening stops and names the way out."""
    import shutil

    from warehouse.store import WarehouseDamaged

    root = tmp_path / "wh"
    with Warehouse.open(root) as wh:
        wh.commit(batch("a", "b"))
    shutil.rmtree(root / "_state")
    missing = r"manifest.json is missing and no copy of it is left.*--reprocess"
    with pytest.raises(WarehouseDamaged, match=missing), Warehouse.open(root):
        pass
    assert sorted(p.name for p in (root / "tables").iterdir()) == ["articles", "files"]
    assert rows(root, "select count(*) from articles") == [(2,)]  # readers keep the published rows


def test_a_path_with_spaces_and_marks_deltalake_percent_encodes(tmp_path):
    root = tmp_path / "news desk #2, café"
    with Warehouse.open(root) as wh:
        wh.commit(batch("a"))
    with Warehouse.open(root) as wh:  # reopening rebuilds nothing it should not, and reads its own files
        wh.commit(batch("b"))
    assert rows(root, "select article_id from articles order by 1") == [("a",), ("b",)]


def test_read_matching_reads_the_rows_named_and_a_rewrite_replaces_only_articles_rows(tmp_path):
    with Warehouse.open(tmp_path) as wh:
        data = batch("a", "b", "c")
        data["articles"] = data["articles"].set_column(
            ARTICLES.columns.index("story_id"), ARTICLES.schema.field("story_id"), pa.array(["a", "b", "c"]))
        quote = {"quote_id": "q", "article_id": "b", "field": "body", "paragraph_index": 0, "char_start": 0,
                 "char_end": 4, "text": "Body", "quote_type": "direct", "published_month": "2024-01"}
        wh.commit({**data, "quotes": pa.Table.from_pylist([quote], schema=QUOTES.schema)})
        assert wh.read_matching(ARTICLES, "article_id", []).num_rows == 0
        found = wh.read_matching(ARTICLES, "article_id", ["b", "zz"])
        assert found.column_names == ARTICLES.columns and found.column("article_id").to_pylist() == ["b"]
        moved = found.set_column(ARTICLES.columns.index("story_id"), "story_id", pa.array(["a"]))
        wh.commit({"articles": moved}, rewrite_article_ids=["b"])
        stories = dict(rows(tmp_path, "select article_id, story_id from articles"))
        assert stories == {"a": "a", "b": "a", "c": "c"}
        assert rows(tmp_path, "select article_id from quotes") == [("b",)]


def test_a_malformed_correction_leaves_the_published_views_as_they_were(tmp_path):
    from warehouse.store import WarehouseDamaged

    with Warehouse.open(tmp_path) as wh:
        wh.commit(batch("a"))
    before = (tmp_path / "news.duckdb").read_bytes()
    fixes = tmp_path / "corrections" / "corrections.csv"
    fixes.parent.mkdir()
    fixes.write_text("id,kind,target,value,who,when,why\nc1,exclude,a,,ana,2024-05-01,x\n", encoding="utf-8")
    with Warehouse.open(tmp_path) as wh, pytest.raises(WarehouseDamaged) as err:
        wh.publish_views()
    assert str(err.value) == (f"the views were not rebuilt: corrections: {fixes}:2: target 'a' must be an "
                              "article_id (32 hex digits) in a correction of kind exclude")
    assert (tmp_path / "news.duckdb").read_bytes() == before
    assert not list(tmp_path.glob(".news.duckdb*"))
