"""The analysts' SQL files ship with the package and load by name, in file-name order."""

from __future__ import annotations

from pathlib import Path

from warehouse.queries import standard_queries

SQL = Path(__file__).resolve().parents[2] / "warehouse" / "sql"


def test_every_sql_file_loads_by_its_name_in_order() -> None:
    queries = standard_queries()
    assert list(queries) == sorted(p.stem for p in SQL.glob("*.sql"))
    assert queries["speakers_top"] == (SQL / "speakers_top.sql").read_text(encoding="utf-8")
