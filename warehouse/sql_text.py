"""Writing values and names into DuckDB and Delta Lake SQL text, quoted once, here."""

from __future__ import annotations

from collections.abc import Sequence


def literal(value: str) -> str:
    """A string literal: `O'Brien` -> `'O''Brien'`."""
    return "'" + value.replace("'", "''") + "'"


def ident(name: str) -> str:
    """A quoted identifier: `quote type` -> `"quote type"`."""
    return '"' + name.replace('"', '""') + '"'


def in_list(column: str, values: Sequence[str]) -> str:
    """A predicate `column IN ('a', 'b')` over string values."""
    return f"{column} IN ({', '.join(literal(v) for v in values)})"
