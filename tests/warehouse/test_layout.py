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
