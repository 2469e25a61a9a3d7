"""People regrouped between two warehouses, for `newsetl compare`: names that joined or left a person.

A person (the people view) is the set of PERSON names person_names groups. Only names both warehouses
publish are compared (a name in one only is an entity added or removed, which compare lists already).
A new person whose names were two or more people before is `merged`; an old person whose names are
two or more people now is `split`; each row names the person and how its names were grouped on the
other side. A person's id may change with its names, so persons are matched by their names, not ids."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping

import duckdb

from newsetl.reports import Report

# One row per (person, name) of a warehouse; `person` is the people view's name for it.
PEOPLE_NAMES = """
SELECT DISTINCT pn.person_id, p.name AS person, e.name AS member
FROM person_names AS pn
JOIN entities AS e ON e.entity_id = pn.entity_id AND e.label = 'PERSON'
JOIN people AS p ON p.person_id = pn.person_id
"""

TITLE = "People regrouped"
NOTES = ("Names both warehouses publish that a person gained or lost. merged: the new person's names were "
         "several people in OLD; split: the old person's names are several people in NEW.",)


def read_people(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str, str]]:
    """(person_id, person name, member name) rows of the warehouse on `con`; [] when it has no people
    (a warehouse built before people existed)."""
    try:
        return con.execute(PEOPLE_NAMES).fetchall()
    except duckdb.Error:
        return []


def _groups(rows: Iterable[tuple[str, str, str]], keep: set[str]) -> tuple[dict[str, frozenset[str]], dict[str, str]]:
    """member name -> its person's member names (within `keep`), and member name -> person name."""
    members: dict[str, set[str]] = defaultdict(set)
    names: dict[str, str] = {}
    for pid, person, member in rows:
        if member in keep:
            members[pid].add(member)
            names[pid] = person
    of: dict[str, frozenset[str]] = {}
    person_of: dict[str, str] = {}
    for pid, group in members.items():
        for m in group:
            of[m], person_of[m] = frozenset(group), names[pid]
    return of, person_of


def regrouped(old: Iterable[tuple[str, str, str]], new: Iterable[tuple[str, str, str]]) -> Report:
    """The people merged and split from `old` to `new` (read_people rows), one row each:
    (change, person, names, before)."""
    old, new = list(old), list(new)
    common = {m for _, _, m in old} & {m for _, _, m in new}
    old_of, old_person = _groups(old, common)
    new_of, new_person = _groups(new, common)
    rows = []
    rows += _fanned("merged", new_of, new_person, old_of)
    rows += _fanned("split", old_of, old_person, new_of)
    rows.sort(key=lambda r: (r[0], r[1]))
    return Report("people_regrouped", TITLE, NOTES, ("change", "person", "names", "other side"), tuple(rows))


def _fanned(change: str, side: Mapping[str, frozenset[str]], person: Mapping[str, str],
            other: Mapping[str, frozenset[str]]) -> list[tuple[str, str, str, str]]:
    """A row per group of `side` whose names are in two or more groups of `other`."""
    out = []
    for group in sorted(set(side.values()), key=sorted):
        parts = sorted({other[m] for m in group}, key=sorted)
        if len(parts) > 1:
            first = sorted(group)[0]
            out.append((change, person[first], ", ".join(sorted(group)),
                        " | ".join(", ".join(sorted(p)) for p in parts)))
    return out


def summary_rows(report: Report) -> list[tuple[str, str, int]]:
    """The summary's rows for people: how many merged and split."""
    changes = report.column("change")
    return [("people", change, changes.count(change)) for change in ("merged", "split")]
