"""Values and names in SQL text: quoted so that no value can end the string or the name early."""

from __future__ import annotations

import duckdb

from warehouse.sql_text import ident, in_list, literal


def test_quoted_values_and_names_round_trip_through_duckdb() -> None:
    nasty = "O'Brien said \"no\"; DROP TABLE x; --"
    table = ident('a "b" c')
    con = duckdb.connect()
    con.execute(f"CREATE TABLE {table} (v VARCHAR)")
    con.execute(f"INSERT INTO {table} VALUES ({literal(nasty)}), ('plain')")
    assert con.execute(f"SELECT v FROM {table} WHERE {in_list('v', [nasty, 'x'])}").fetchall() == [(nasty,)]


def test_in_list_of_several_values() -> None:
    assert in_list("path", ["a.txt", "it's.txt"]) == "path IN ('a.txt', 'it''s.txt')"
