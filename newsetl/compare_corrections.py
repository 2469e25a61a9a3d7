"""Corrections in `newsetl compare`: their own category, so that analysts' fixes are not mistaken for
what a new version changed.

Each warehouse's `corrections` table (warehouse.corrections_apply) is read into `old_corrections` and
`new_corrections` (empty for a warehouse without corrections), with the views compare's SQL uses:
`{side}_excluded` (articles an applied exclusion hides) and `{side}_not_quotes` (quotes an applied
not-a-quote correction hides). Corrections are matched across the warehouses by what they say (kind,
target, value), not by id: two warehouses may number the same fix differently."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pyarrow as pa

from newsetl.reports import Report

_COLUMNS = ("correction_id", "kind", "target", "value", "who", "corrected_at", "why", "status")
_EMPTY = pa.schema([(c, pa.string()) for c in _COLUMNS])

TITLE = "Corrections in only one warehouse"
NOTES = ("Corrections (newsetl correct) one warehouse holds and the other does not, matched by kind, target "
         "and value. Rows they change are counted as `corrected`, not as changes of the pipeline.",)
_ONLY = """
SELECT side, correction_id AS id, kind, target, value, who, why, status FROM (
  SELECT 'only in old' AS side, * FROM old_corrections
  WHERE (kind, target, value) NOT IN (SELECT (kind, target, value) FROM new_corrections)
  UNION ALL
  SELECT 'only in new', * FROM new_corrections
  WHERE (kind, target, value) NOT IN (SELECT (kind, target, value) FROM old_corrections))
ORDER BY side, kind, id
"""


def read_corrections(db: Path) -> pa.Table:
    """The corrections table of the database at `db` (the columns compare reads, as text); empty when it
    has none (a warehouse built before corrections existed)."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        cols = ", ".join(f"CAST({c} AS VARCHAR) AS {c}" for c in _COLUMNS)
        return con.sql(f"SELECT {cols} FROM corrections").to_arrow_table()
    except duckdb.CatalogException:
        return _EMPTY.empty_table()
    finally:
        con.close()


def register(con: duckdb.DuckDBPyConnection, side: str, table: pa.Table) -> None:
    """`{side}_corrections` and its views `{side}_excluded` and `{side}_not_quotes` on `con`."""
    con.register(f"{side}_corrections_arrow", table)
    con.execute(f"CREATE TEMP TABLE {side}_corrections AS SELECT * FROM {side}_corrections_arrow")
    con.unregister(f"{side}_corrections_arrow")
    for view, kind in (("excluded", "exclude"), ("not_quotes", "not-quote")):
        con.execute(f"CREATE TEMP VIEW {side}_{view} AS SELECT target, correction_id FROM {side}_corrections "
                    f"WHERE kind = '{kind}' AND status = 'applied'")


def only_in_one(con: duckdb.DuckDBPyConnection) -> Report:
    rel = con.execute(_ONLY)
    return Report("corrections", TITLE, NOTES, tuple(d[0] for d in rel.description), tuple(rel.fetchall()))


def summary_rows(report: Report) -> list[tuple[str, str, int]]:
    sides = report.column("side")
    return [("corrections", side, sides.count(side)) for side in ("only in old", "only in new")]
