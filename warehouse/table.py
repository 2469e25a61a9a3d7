"""A warehouse table's definition: its columns (type, comment, closed value set, reference), key and
partitioning, with the pyarrow schema and the schema-checked row constructors derived from them.
warehouse.schema defines the tables themselves."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc


class RowError(ValueError):
    """Rows that do not fit their table: a bug in the code that built them, never data to publish."""


def listing(items: Sequence[str], last: str = "or") -> str:
    """`a, b or c`."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} {last} {items[-1]}"


@dataclass(frozen=True)
class Reference:
    """`table.column` holds values of `target_table.target_column` (a foreign key; storage does not enforce it)."""

    table: str
    column: str
    target_table: str
    target_column: str

    @property
    def target(self) -> str:
        return f"{self.target_table}.{self.target_column}"

    def __str__(self) -> str:
        return f"{self.table}.{self.column} -> {self.target}"


@dataclass(frozen=True)
class Column:
    """One column. `values` is its closed value set (empty: any value), with `meanings[i]` saying what
    `values[i]` means ('' when the value says it); `references` is 'table.column' when it is a foreign key."""

    name: str
    type: pa.DataType
    about: str
    nullable: bool = True
    values: tuple[str, ...] = ()
    meanings: tuple[str, ...] = ()
    references: str | None = None

    @property
    def comment(self) -> str:
        """`about`, then the allowed values or the referenced column: the COMMENT ON text of the view's column."""
        text = self.about
        if self.values:
            listed = [f"{v} ({m})" if m else v for v, m in zip(self.values, self.meanings, strict=True)]
            text += ": " + listing(listed)
        if self.references:
            text += f" (references {self.references})"
        return text

    @property
    def field(self) -> pa.Field:
        return pa.field(self.name, self.type, nullable=self.nullable, metadata={"comment": self.comment})


def col(
    name: str, type_: pa.DataType, about: str, nullable: bool = True, *,
    values: Sequence[str] = (), meanings: Mapping[str, str] | None = None, references: str | None = None,
) -> Column:
    """A column definition: `values` its closed value set, `meanings` what some of those values mean (shown in
    the comment), `references` 'table.column' when it is a foreign key. ValueError for a meaning of no value."""
    meanings = dict(meanings or {})
    if stray := sorted(meanings.keys() - set(values)):
        raise ValueError(f"column {name}: meanings for values it does not allow: {stray}")
    return Column(name, type_, about, nullable, tuple(values), tuple(meanings.get(v, "") for v in values), references)


@dataclass(frozen=True)
class Table:
    """A table's columns (`spec`), key and storage partitioning, with the pyarrow schema and row constructors
    derived from them. Raises ValueError when built with duplicate columns or a key or partition column it lacks."""

    name: str
    comment: str
    spec: tuple[Column, ...]
    key: tuple[str, ...]
    partition_by: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        names = [c.name for c in self.spec]
        if len(set(names)) != len(names):
            raise ValueError(f"table {self.name} repeats a column: {names}")
        if unknown := [c for c in (*self.key, *self.partition_by) if c not in names]:
            raise ValueError(f"table {self.name}: key or partition column(s) {unknown} are not its columns")

    @cached_property
    def schema(self) -> pa.Schema:
        return pa.schema([c.field for c in self.spec])

    @cached_property
    def storage_schema(self) -> pa.Schema:
        """`schema` without the column comments, to write with: Delta Lake refuses to append a column whose
        comment differs from the one stored when the table was created, and the views take theirs from here."""
        return pa.schema([f.remove_metadata() for f in self.schema])

    @property
    def columns(self) -> list[str]:
        return self.schema.names

    def column(self, name: str) -> Column:
        """The column called `name`; KeyError naming the table when it has none."""
        try:
            return self._by_name[name]
        except KeyError:
            raise KeyError(f"table {self.name} has no column {name!r}") from None

    def values(self, column: str) -> tuple[str, ...]:
        """The closed value set of `column`, e.g. FILES.values('status'); () when any value goes."""
        return self.column(column).values

    @cached_property
    def value_sets(self) -> dict[str, tuple[str, ...]]:
        """column -> its closed value set, for the columns that have one, in column order."""
        return {c.name: c.values for c in self.spec if c.values}

    @cached_property
    def references(self) -> dict[str, Reference]:
        """column -> what it references, for the columns that are foreign keys, in column order."""
        refs = {}
        for c in self.spec:
            if c.references:
                target_table, _, target_column = c.references.partition(".")
                refs[c.name] = Reference(self.name, c.name, target_table, target_column)
        return refs

    def reference(self, column: str) -> Reference:
        """What `column` references; KeyError naming the table and column when it references nothing."""
        if column not in self.references:
            raise KeyError(f"{self.name}.{column} references no other column")
        return self.references[column]

    @cached_property
    def _by_name(self) -> dict[str, Column]:
        return {c.name: c for c in self.spec}

    @cached_property
    def _names(self) -> frozenset[str]:
        return frozenset(c.name for c in self.spec)

    @cached_property
    def _list_columns(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.schema if pa.types.is_list(f.type))

    @cached_property
    def _allowed(self) -> dict[str, frozenset[str | None]]:
        return {name: frozenset((*values, None)) for name, values in self.value_sets.items()}

    def row(self, **values: Any) -> dict[str, Any]:
        """One row, every column given by name: a dict in column order, e.g. FILES.row(path='a.txt', ...).

        Raises RowError naming the table and the unknown or missing columns, or the column and a value
        outside its set. NULL is left to the gate's not-null expectations (the data's problem, not the code's)."""
        if values.keys() != self._names:
            raise RowError(self._key_problem(values, None))
        for name, allowed in self._allowed.items():
            if values[name] not in allowed:
                raise RowError(self._value_problem(name, [values[name]], None))
        return {name: values[name] for name in self.columns}

    def to_arrow(self, rows: Sequence[Mapping[str, Any]]) -> pa.Table:
        """Rows (mappings with exactly the table's columns) as a pyarrow table of this schema.

        Checked once per batch, without per-cell Python: each row's key set against the columns, then each
        value-set column's distinct values. Raises RowError naming the table, the row (its index) and the
        unknown or missing columns, or the column whose values are outside its set or not of its type."""
        names = self._names
        for i, r in enumerate(rows):
            if r.keys() != names:
                raise RowError(self._key_problem(r, i))
        for name in self._list_columns:  # pyarrow would take a string as a list of its characters
            bad = next((i for i, r in enumerate(rows) if isinstance(r[name], str)), None)
            if bad is not None:
                raise RowError(f"{self.name}.{name} (row {bad}): a string where a list is expected")
        try:
            table = pa.Table.from_pylist(list(rows), schema=self.schema)
        except (pa.ArrowInvalid, pa.ArrowTypeError) as exc:
            raise RowError(self._type_problem(rows, exc)) from exc
        for name, allowed in self._allowed.items():
            found = set(pc.unique(table.column(name)).to_pylist())
            if not found <= allowed:
                outside = sorted(found - allowed)
                raise RowError(self._value_problem(name, outside, next(i for i, r in enumerate(rows)
                                                                        if r[name] in outside)))
        return table

    def _key_problem(self, row: Mapping[str, Any], index: int | None) -> str:
        where = f"{self.name} row" + ("" if index is None else f" {index}")
        unknown = sorted(set(row) - self._names)
        missing = [c for c in self.columns if c not in row]
        parts = ([f"unknown column(s) {', '.join(unknown)}"] if unknown else []) + (
            [f"missing column(s) {', '.join(missing)}"] if missing else [])
        return f"{where}: {'; '.join(parts)}"

    def _value_problem(self, name: str, outside: list[Any], index: int | None) -> str:
        where = "" if index is None else f" (row {index})"
        shown = ", ".join(repr(v) for v in outside)
        return f"{self.name}.{name}{where}: {shown} not one of {', '.join(self.values(name))}"

    def _type_problem(self, rows: Sequence[Mapping[str, Any]], exc: Exception) -> str:
        # Only when pyarrow refused the rows: find the column whose values do not fit its type.
        for f in self.schema:
            try:
                pa.array([r[f.name] for r in rows], type=f.type)
            except (pa.ArrowInvalid, pa.ArrowTypeError) as col_exc:
                return f"{self.name}.{f.name}: values are not {f.type}: {col_exc}"
        return f"{self.name}: rows do not fit the schema: {exc}"


@dataclass(frozen=True)
class DerivedView:
    """A view computed from the tables' views: its SQL, its comment and its columns' comments (the
    definitions are in warehouse.derived_views)."""

    name: str
    comment: str
    sql: str
    columns: dict[str, str]
