"""Where things are in a warehouse folder: the store, the Data Docs writer and the report agree."""

from __future__ import annotations

from pathlib import Path

from warehouse import layout
from warehouse.store import Warehouse


def test_the_store_keeps_its_files_where_the_layout_says(tmp_path: Path) -> None:
    with Warehouse.open(tmp_path) as wh:
        assert wh.db_path == layout.database(tmp_path.resolve()) and wh.db_path.exists()
        assert wh.manifest_path.parent == tmp_path.resolve() / layout.STATE
        assert (tmp_path / layout.STATE / layout.LOCK).exists()


def test_data_docs_are_found_where_the_runs_write_them(tmp_path: Path) -> None:
    from expectations.data_docs import RunDocs

    assert RunDocs(tmp_path, "run-1").folder / "index.html" == layout.data_docs_index(tmp_path)


def test_a_writable_warehouse_or_one_still_to_make_has_no_write_problem(tmp_path: Path) -> None:
    assert layout.write_problem(tmp_path / "new" / "deeper") is None
    assert not (tmp_path / "new").exists()  # checked, not created
    with Warehouse.open(tmp_path / "wh"):
        pass
    assert layout.write_problem(tmp_path / "wh") is None
    leftovers = [p for p in (tmp_path / "wh").rglob("*") if p.name.startswith(".newsetl-write-check-")]
    assert leftovers == []


def test_a_file_where_the_warehouse_should_be_is_named(tmp_path: Path) -> None:
    (tmp_path / "afile").write_text("x")
    expected = f"warehouse {tmp_path / 'afile' / 'sub'}: {tmp_path / 'afile'} is a file, not a folder"
    assert layout.write_problem(tmp_path / "afile" / "sub") == expected
    assert layout.write_problem(tmp_path / "afile") == f"warehouse {tmp_path / 'afile'} is a file, not a folder"
