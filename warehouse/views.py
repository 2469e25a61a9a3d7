"""news.duckdb: the analysts' views over the committed Parquet files, with COMMENT ON from the schema.

The database holds views only. It is rebuilt in a temporary file and renamed into place, so an
analyst holding the old file open keeps a consistent (older) state and never blocks a run."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path

import duckdb
import pyarrow as pa

from warehouse.schema import ALL_TABLES, DERIVED_VIEWS, Table
from warehouse.sql_text import ident, literal

_DUCK_TYPES: dict[pa.DataType, str] = {
    pa.string(): "VARCHAR",
    pa.date32(): "DATE",
    pa.int32(): "INTEGER",
    pa.int64(): "BIGINT",
    pa.float64(): "DOUBLE",
    pa.bool_(): "BOOLEAN",
    pa.timestamp("us", tz="UTC"): "TIMESTAMPTZ",
    pa.list_(pa.string()): "VARCHAR[]",
    pa.list_(pa.int32()): "INTEGER[]",
}


def duck_type(type_: pa.DataType) -> str:
    return _DUCK_TYPES[type_]


def view_sql(table: Table, files: Sequence[str], stored_columns: Sequence[str]) -> str:
    """SELECT for one view. Columns the stored files do not have yet (added by a later version)
    read as NULL, so earlier partitions stay readable."""
    stored = set(stored_columns)
    cols = []
    for f in table.schema:
        expr = ident(f.name) if files and f.name in stored else "NULL"
        cols.append(f"CAST({expr} AS {duck_type(f.type)}) AS {ident(f.name)}")
    select = "SELECT " + ", ".join(cols)
    if not files:
        return select + " LIMIT 0"
    file_list = "[" + ", ".join(literal(p) for p in files) + "]"
    return f"{select} FROM read_parquet({file_list}, hive_partitioning = true, union_by_name = true)"


def build_database(
    db_path: Path, files: Mapping[str, Sequence[str]], stored_columns: Mapping[str, Sequence[str]]
) -> None:
    """Write news.duckdb with one view per table over `files[table]`, atomically."""
    db_path = Path(db_path)
    tmp = db_path.with_name(f".{db_path.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    con = duckdb.connect(str(tmp))
    try:
        for table in ALL_TABLES:
            sql = view_sql(table, files.get(table.name, ()), stored_columns.get(table.name, ()))
            con.execute(f"CREATE VIEW {ident(table.name)} AS {sql}")
            con.execute(f"COMMENT ON VIEW {ident(table.name)} IS {literal(table.comment)}")
            for column in table.spec:  # what it holds, with its allowed values or what it references
                con.execute(f"COMMENT ON COLUMN {ident(table.name)}.{ident(column.name)} IS {literal(column.comment)}")
        for view in DERIVED_VIEWS:
            con.execute(f"CREATE VIEW {ident(view.name)} AS {view.sql}")
            con.execute(f"COMMENT ON VIEW {ident(view.name)} IS {literal(view.comment)}")
            for column, comment in view.columns.items():
                con.execute(f"COMMENT ON COLUMN {ident(view.name)}.{ident(column)} IS {literal(comment)}")
        con.execute("CHECKPOINT")
    finally:
        con.close()
    os.replace(tmp, db_path)
