"""People across the warehouse: which PERSON entities (canonical names of single articles) are one
individual. Derived at every publish from all published PERSON names and written into news.duckdb as
the table `person_names` (entity_id -> person_id) behind the `people` view; the published rows are
never rewritten, so a later article may join two names without touching the earlier ones.

How names are compared (nameparser splits title, given, middle, family name and suffix):
- spelling aside: case (`HILLARY CLINTON`), accents (`Pena`/`Peña`), mojibake ftfy can repair, full stops;
- the family name and suffix must agree: `Donald Trump Jr.` is never `Donald Trump`;
- given names agree when equal or one is a listed short form of the other (the `nicknames`
  package: `Bill`/`William`, `Joe`/`Joseph`); a short form two given names of the family could
  claim (`Al` beside `Albert` and `Alan`) stays apart;
- middle names compare by initials (`James B. Comey` = `James Brien Comey`); a name without one joins
  the only middle the family and given name have (`James Comey` -> `James B. Comey`), but when two
  differ (`George W. Bush`, `George H.W. Bush`) they are two people and the bare `George Bush` stays
  unresolved (a person of its own, flagged);
- a bare family name (`Peskov`) joins the one person of that family, and stays unresolved when
  several could claim it (`Clinton`);
- headline-case fragments (`Trump Warns Clinton`: a first word that is only ever a family name, two
  family names of other people) are not people.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import duckdb
import ftfy
import pyarrow as pa
from nameparser import HumanName
from nicknames import NickNamer

from warehouse.schema import PERSON_NAMES
from warehouse.sql_text import ident, literal

_NICKNAMES = NickNamer()
_MOJIBAKE = re.compile("[ÃÂâ€ƒ™]")


@dataclass(frozen=True)
class NameParts:
    """A person's name as compared: lower case, accents and full stops removed."""

    first: str  # '' for a bare family name; one letter for an initial
    middle: str  # middle initials, e.g. 'hw'
    last: str
    suffix: str  # 'jr', 'ii', ...
    words: tuple[str, ...]


def _fold(text: str) -> str:
    text = ftfy.fix_text(text)
    damaged = bool(_MOJIBAKE.search(text))
    text = _MOJIBAKE.sub("", text)
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = text.replace("’", "'").casefold()
    return ("\x00" if damaged else "") + text


@lru_cache(maxsize=65536)
def name_parts(name: str) -> NameParts | None:
    """The comparable parts of a PERSON name, or None when it holds no letters. A given name with
    mojibake ftfy cannot repair (`RaÃÂol`) compares by its initial only."""
    folded = _fold(name)
    damaged = folded.startswith("\x00")
    parsed = HumanName(folded.lstrip("\x00"))
    words = tuple(w for w in re.findall(r"[a-z0-9'-]+", " ".join([parsed.first, parsed.middle, parsed.last])))
    if not words:
        return None

    def clean(s: str) -> str:
        return re.sub(r"[^a-z0-9' -]", "", s).strip()

    first, last = clean(parsed.first), clean(parsed.last)
    if not last:  # one word: nameparser calls it the given name
        first, last = "", first
    if damaged and first:
        first = first[0]
    middle = "".join(w[0] for w in clean(parsed.middle.replace(".", " ")).split())
    suffix = clean(parsed.suffix).replace(" ", "")
    return NameParts(first.replace(" ", ""), middle, last.replace(" ", ""), suffix, words)


def _person_id(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:16]


def _compatible(short: str, full: str) -> bool:
    """`bill` may be `william`; an initial may be any name it starts."""
    if short == full:
        return True
    if len(short) == 1:
        return full.startswith(short)
    # the package lists some pairs both ways (`bill`/`william`): the shorter is then the short form
    listed = full in _NICKNAMES.canonicals_of(short)
    return listed and (short not in _NICKNAMES.canonicals_of(full) or len(short) < len(full))


@dataclass(frozen=True)
class Assignment:
    person_id: str
    unresolved: bool


def group_people(names: Iterable[tuple[str, str]]) -> dict[str, Assignment]:
    """entity_id -> its person for PERSON entities given as (entity_id, name); fragments that are no
    person's name are left out (see the module doc). Deterministic: the same names give the same
    persons in any order."""
    parts: dict[str, NameParts] = {}
    for eid, name in names:
        p = name_parts(name)
        if p is not None:
            parts[eid] = p
    full = {eid: p for eid, p in parts.items() if p.first}
    families: dict[str, set[str]] = defaultdict(set)  # a family name -> the given names it goes with
    first_names: dict[str, set[str]] = defaultdict(set)  # a given name -> the family names it goes with
    for p in full.values():
        families[p.last].add(p.first)
        first_names[p.first].add(p.last)
    out: dict[str, Assignment] = {}
    by_family: dict[tuple[str, str], list[str]] = defaultdict(list)
    for eid, p in sorted(full.items()):
        if not _fragment(p, families, first_names):
            by_family[(p.last, p.suffix)].append(eid)
    family_people: dict[tuple[str, str], set[str]] = defaultdict(set)
    for (last, suffix), eids in by_family.items():
        for eid, assignment in _family(last, suffix, {e: full[e] for e in eids}).items():
            out[eid] = assignment
            if not assignment.unresolved:
                family_people[(last, suffix)].add(assignment.person_id)
    for eid, p in sorted(parts.items()):
        if p.first:
            continue
        claimants = family_people.get((p.last, p.suffix), set())
        if len(claimants) == 1:
            out[eid] = Assignment(next(iter(claimants)), False)
        else:
            out[eid] = Assignment(_person_id("unresolved", p.last, p.suffix), True)
    return out


def _fragment(p: NameParts, families: dict[str, set[str]], first_names: dict[str, set[str]]) -> bool:
    """`Trump Warns Clinton`: three or more words, the first another person's family name and never
    a given name elsewhere, the last the family name of someone with another given name."""
    return (
        len(p.words) >= 3
        and bool(families.get(p.first, set()) - {p.last})
        and first_names.get(p.first, set()) <= {p.last}
        and bool(families.get(p.last, set()) - {p.first})
    )


def _family(last: str, suffix: str, members: dict[str, NameParts]) -> dict[str, Assignment]:
    """The people of one family name and suffix: given names joined by equality or short form,
    then split by middle initials."""
    firsts = sorted({p.first for p in members.values()})
    # full given names: those that are not a short form or initial of another given name here
    roots = [f for f in firsts if not any(g != f and _compatible(f, g) for g in firsts)]
    root_of: dict[str, str | None] = {}
    for f in firsts:
        if f in roots:
            root_of[f] = f
        else:
            claim = [g for g in roots if _compatible(f, g)]
            root_of[f] = claim[0] if len(claim) == 1 else None
    out: dict[str, Assignment] = {}
    by_root: dict[str, list[str]] = defaultdict(list)
    for eid, p in members.items():
        root = root_of[p.first]
        if root is None:
            out[eid] = Assignment(_person_id("unresolved", p.first, last, suffix), True)
        else:
            by_root[root].append(eid)
    for root, eids in by_root.items():
        middles = sorted({members[e].middle for e in eids if members[e].middle})
        for eid in eids:
            m = members[eid].middle
            if len(middles) <= 1:
                out[eid] = Assignment(_person_id(last, suffix, root), False)
            elif m:
                out[eid] = Assignment(_person_id(last, suffix, root, m), False)
            else:
                out[eid] = Assignment(_person_id("unresolved", root, last, suffix), True)
    return out


def write_person_names(con: duckdb.DuckDBPyConnection) -> None:
    """Create the person_names table (see schema.PERSON_NAMES) in the database `con` uses, from the
    PERSON names its entities view reads."""
    rows = con.execute("SELECT DISTINCT entity_id, name FROM entities WHERE label = 'PERSON'").fetchall()
    groups = group_people(rows)
    ids = sorted(groups)
    data = pa.table({
        "entity_id": pa.array(ids, pa.string()),
        "person_id": pa.array([groups[e].person_id for e in ids], pa.string()),
        "unresolved": pa.array([groups[e].unresolved for e in ids], pa.bool_()),
    })
    con.register("_person_names", data)
    try:
        con.execute(f"CREATE TABLE {ident(PERSON_NAMES.name)} AS SELECT * FROM _person_names ORDER BY entity_id")
    finally:
        con.unregister("_person_names")
    con.execute(f"COMMENT ON TABLE {ident(PERSON_NAMES.name)} IS {literal(PERSON_NAMES.comment)}")
    for column, comment in PERSON_NAMES.columns.items():
        con.execute(f"COMMENT ON COLUMN {ident(PERSON_NAMES.name)}.{ident(column)} IS {literal(comment)}")
