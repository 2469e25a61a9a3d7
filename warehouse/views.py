"""news.duckdb: the analysts' views over the committed Parquet files, with COMMENT ON from the schema.

The database holds views, and tables derived at each build: person_names, the identity of people
across articles (warehouse.people), which the people view reads, and corrections, the analysts' fixes
loaded from the warehouse's corrections/*.csv, which the views of articles, quotes, entities and
story_index apply over the published rows (pipeline_* views hold those as published; see
warehouse.corrections_apply). It is rebuilt in a
temporary file and renamed into place, so an
analyst holding the old file open keeps a consistent (older) state and never blocks a run.

Two things make the file usable wherever it is and by whichever DuckDB an analyst has:
- It is written in STORAGE_VERSION, which released DuckDB command lines read (DuckDB 2.0 would
  otherwise write a format only 2.0 reads).
- The views name their Parquet files relative to the warehouse folder, so a copied, moved or mounted
  warehouse still reads its own files. A relative name is resolved when a view is queried: against
  `file_search_path` when the session set one (it must then be the warehouse folder: a session that
  ATTACHes news.duckdb to another database sets it so), otherwise against the folder of the database
  the session opened, which DuckDB exposes as its default `temp_directory`, `<database file>.tmp`.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path

import duckdb
import pyarrow as pa

from warehouse import layout
from warehouse.corrections import load as load_corrections
from warehouse.corrections_apply import (
    CORRECTED_TABLES,
    apply_people,
    apply_status,
    comment_corrected,
    corrected_sql,
    write_corrections,
)
from warehouse.derived_views import DERIVED_VIEWS, PIPELINE_PREFIX
from warehouse.people import write_person_names
from warehouse.schema import ALL_TABLES, Table
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
    pa.list_(pa.int64()): "BIGINT[]",
}


def duck_type(type_: pa.DataType) -> str:
    return _DUCK_TYPES[type_]


# The oldest storage format that holds everything news.duckdb needs (views and comments): DuckDB 1.0's
# (storage version 64), which every DuckDB since 1.0 reads, the pinned CLI (duckdb-cli) included.
STORAGE_VERSION = "v1.0.0"
# A view's file name, relative to the warehouse folder, made absolute when the view is queried (see above).
_RESOLVE = ("CASE WHEN current_setting('file_search_path') = '' "
            "THEN coalesce(nullif(parse_dirpath(current_setting('temp_directory')), ''), '.') || '/' || f "
            "ELSE f END")


def relative_files(folder: Path, files: Sequence[str]) -> list[str]:
    """`files` (paths or file:// URIs) as POSIX paths relative to `folder`; ValueError for a file
    outside it (a view could not follow the warehouse when it moves)."""
    root = Path(folder).resolve()
    out = []
    for name in files:
        path = layout.file_path(name).resolve()
        if not path.is_relative_to(root):
            raise ValueError(f"{name} is outside the warehouse folder {root}")
        out.append(path.relative_to(root).as_posix())
    return out


def view_sql(table: Table, files: Sequence[str], stored_columns: Sequence[str]) -> str:
    """SELECT for one view over `files`, named relative to the warehouse folder. Columns the stored
    files do not have yet (added by a later version) read as NULL, so earlier partitions stay readable."""
    stored = set(stored_columns)
    cols = []
    for f in table.schema:
        expr = ident(f.name) if files and f.name in stored else "NULL"
        cols.append(f"CAST({expr} AS {duck_type(f.type)}) AS {ident(f.name)}")
    select = "SELECT " + ", ".join(cols)
    if not files:
        return select + " LIMIT 0"
    file_list = f"[{_RESOLVE} FOR f IN [" + ", ".join(literal(p) for p in files) + "]]"
    return f"{select} FROM read_parquet({file_list}, hive_partitioning = true, union_by_name = true)"


def build_database(
    db_path: Path, files: Mapping[str, Sequence[str]], stored_columns: Mapping[str, Sequence[str]]
) -> None:
    """Write news.duckdb with one view per table over `files[table]` (paths inside the database's
    folder, the warehouse), the warehouse's corrections applied, atomically, in STORAGE_VERSION.
    CorrectionError (warehouse.corrections), before anything is written, for a malformed correction."""
    db_path = Path(db_path)
    folder = db_path.parent
    tmp = db_path.with_name(f".{db_path.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    relative = {name: relative_files(folder, paths) for name, paths in files.items()}
    corrections = load_corrections(folder)  # CorrectionError, naming file and line, before anything is written
    # Attached, not opened, so that the storage version can be chosen. The views are checked as they are
    # created, their files resolved as an analyst's session resolves them: from the temp_directory's folder.
    con = duckdb.connect(config={"temp_directory": str(folder.resolve() / f"{tmp.name}.tmp")})
    try:
        con.execute(f"ATTACH {literal(str(tmp))} AS news (STORAGE_VERSION {literal(STORAGE_VERSION)})")
        con.execute("USE news")
        # One transaction: each of the few hundred statements below (views, comments) committed on its
        # own made the rebuild, which every commit runs, about three times as slow.
        con.execute("BEGIN TRANSACTION")
        write_corrections(con, corrections)  # applied by the views of CORRECTED_TABLES (warehouse.corrections_apply)
        raw = {t.name: view_sql(t, relative.get(t.name, ()), stored_columns.get(t.name, ())) for t in ALL_TABLES}
        for name in CORRECTED_TABLES:
            con.execute(f"CREATE VIEW {ident(PIPELINE_PREFIX + name)} AS {raw[name]}")
        for table in ALL_TABLES:
            sql = corrected_sql(table, raw[table.name]) if table.name in CORRECTED_TABLES else raw[table.name]
            con.execute(f"CREATE VIEW {ident(table.name)} AS {sql}")
            con.execute(f"COMMENT ON VIEW {ident(table.name)} IS {literal(table.comment)}")
            for column in table.spec:  # what it holds, with its allowed values or what it references
                con.execute(f"COMMENT ON COLUMN {ident(table.name)}.{ident(column.name)} IS {literal(column.comment)}")
            if table.name in CORRECTED_TABLES:
                comment_corrected(con, table)
        write_person_names(con)
        apply_people(con)
        apply_status(con)
        for view in DERIVED_VIEWS:
            con.execute(f"CREATE VIEW {ident(view.name)} AS {view.sql}")
            con.execute(f"COMMENT ON VIEW {ident(view.name)} IS {literal(view.comment)}")
            for column, comment in view.columns.items():
                con.execute(f"COMMENT ON COLUMN {ident(view.name)}.{ident(column)} IS {literal(comment)}")
        con.execute("COMMIT")
        con.execute("CHECKPOINT")
    finally:
        con.close()
    os.replace(tmp, db_path)
