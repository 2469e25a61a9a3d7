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
- a hyphen after the first word is a space (`Park Geun-hye` = `Park Geun Hye`, `Ban Ki-moon` =
  `Ban Ki Moon`), and the Arabic article (`al-`, `el-`, `al`) before a later word is left out
  (`Bashar al-Assad` = `Bashar Assad`): news writes both; a hyphenated given name first (`Jean-Pierre`)
  stays one word, so `Jean-Pierre X` and `Jean-Paul X` stay apart; a bare hyphenated family name
  (`Holtz-Eakin`) is the family name of the full names it ends (`Douglas Holtz-Eakin`), and
  `Trump-Clinton`, which ends none, is nobody's; the first half of a hyphenated word is never a
  middle name to leave out (`Mary Jones` and a bare `Jones` are not `Mary Smith-Jones`);
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

from warehouse.derived_views import PERSON_NAMES
from warehouse.sql_text import ident, literal

_NICKNAMES = NickNamer()
_MOJIBAKE = re.compile("[ÃÂâ€ƒ™]")
# The Arabic article opening a family name (`al-Assad`, `el-Sisi`, `al Assad`); a given name `Al`
# (`Al Gore`) is no article. Its own rule rather than a list: no other particle drops.
_ARTICLES = frozenset({"al", "el"})
_ARTICLE = re.compile(r"(?i)^(?:al|el)(?:-|\s+)(?=\S)")
# Hyphens as typeset (U+2010, and the non-breaking U+2011 that NFKD makes one) are the ASCII hyphen.
_HYPHENS = str.maketrans({"\u2010": "-", "\u2011": "-"})
# A hyphen after the first word of a name joins words that are also written apart.
_INNER_HYPHEN = re.compile(r"(?<=\w)-(?=\w)")


@dataclass(frozen=True)
class NameParts:
    """A person's name as compared: lower case, accents and full stops removed."""

    first: str  # '' for a bare family name; one letter for an initial
    middle: str  # middle initials, e.g. 'hw'
    last: str
    suffix: str  # 'jr', 'ii', ...
    words: tuple[str, ...]
    titled: bool = False  # `Mrs. Abedini`: the article set this bearer of the name apart
    # the middle is the first half of a hyphenated word (`Mary Smith-Jones`, `Moon Jae-in`): part of
    # the family or given name, not a middle name that may be left out
    compound: bool = False


def _fold(text: str) -> tuple[str, bool]:
    """The name with mojibake repaired (or, where ftfy cannot, its debris removed: the second value
    is then True), accents and curly apostrophes gone; case kept (`HW` is two initials)."""
    text = ftfy.fix_text(text)
    damaged = bool(_MOJIBAKE.search(text))
    text = _MOJIBAKE.sub("", text)
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return text.replace("’", "'").translate(_HYPHENS), damaged


def _clean(s: str) -> str:
    return re.sub(r"[^a-z0-9' -]", "", s.casefold()).strip()


@lru_cache(maxsize=65536)
def name_parts(name: str) -> NameParts | None:
    """The comparable parts of a PERSON name, or None when it holds no letters. A given name with
    mojibake ftfy cannot repair (`RaÃÂol`) compares by its initial only. Middle names compare by
    their initials, in alphabetical order (`H.W.`, `HW` and the typo `W.H.` are one middle)."""
    text, damaged = _fold(name)
    first_word, _, rest = text.strip().partition(" ")
    # `Park Geun-hye` as `Park Geun hye`; a single word keeps its hyphen (`Holtz-Eakin`: see group_people)
    compound = bool(rest) and bool(_INNER_HYPHEN.search(_ARTICLE.sub("", rest.split()[-1])))
    text = f"{first_word} {_INNER_HYPHEN.sub(' ', rest)}" if rest else _ARTICLE.sub("", text)
    parsed = HumanName(text)
    family = _ARTICLE.sub("", parsed.last)
    middle_words = [w for w in re.split(r"[\s.]+", parsed.middle) if w]
    if middle_words and family and middle_words[-1].lower() in _ARTICLES:  # `Mohamed El Erian`
        middle_words.pop()
    words = tuple(re.findall(r"[a-z0-9'-]+", _clean(" ".join([parsed.first, *middle_words, family]))))
    if not words:
        return None
    first, last = _clean(parsed.first), _clean(family)
    if not last:  # one word: nameparser calls it the given name
        first, last = "", first
    if damaged and first:
        first = first[0]
    if len(first) == 1 and middle_words and len(middle_words[0]) > 1 and _known_given_name(_clean(middle_words[0])):
        # `C. Rick Martin` goes by Rick: the initial is no given name to compare
        first, middle_words = _clean(middle_words[0]), middle_words[1:]
    shouted = text.isupper()
    initials = []
    for w in middle_words:
        if w.isupper() and len(w) <= 3 and not shouted:  # `HW`: initials run together
            initials.extend(w.lower())
        else:
            initials.append(_clean(w)[:1])
    middle = "".join(sorted(i for i in initials if i))
    suffix = _clean(parsed.suffix).replace(" ", "").replace(".", "")
    return NameParts(first.replace(" ", ""), middle, last.replace(" ", ""), suffix, words, bool(parsed.title),
                     compound and bool(middle))


def _person_id(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:16]


def _compatible(short: str, full: str) -> bool:
    """`bill` may be `william`, an initial any name it starts. The package's variants form chains
    (`fred` -> `wilfred` -> `will`), so a short form must be listed both ways and be the shorter."""
    if short == full:
        return True
    if len(short) == 1:
        return full.startswith(short)
    return (len(short) < len(full) and full in _NICKNAMES.canonicals_of(short)
            and short in _NICKNAMES.nicknames_of(full))


def _known_given_name(word: str) -> bool:
    return bool(_NICKNAMES.canonicals_of(word) or _NICKNAMES.nicknames_of(word))


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
    full_names = {p.words for p in full.values() if len(p.words) == 2}
    used: dict[str, int] = defaultdict(int)  # a word -> how many distinct names hold it
    for p in full.values():
        families[p.last].add(p.first)
        first_names[p.first].add(p.last)
    for p in set(full.values()):
        for w in set(p.words):
            used[w] += 1
    out: dict[str, Assignment] = {}
    by_family: dict[tuple[str, str], list[str]] = defaultdict(list)
    for eid, p in sorted(full.items()):
        if not _fragment(p, families, first_names, used, full_names):
            by_family[(p.last, p.suffix)].append(eid)
    family_people: dict[tuple[str, str], set[str]] = defaultdict(set)
    # the last words of full names: a bare hyphenated family name (`Holtz-Eakin`) is the family name
    # of `Douglas Holtz-Eakin` (whose hyphen is a space), but `Trump-Clinton` ends no name
    tail_people: dict[tuple[tuple[str, ...], str], set[str]] = defaultdict(set)
    for (last, suffix), eids in by_family.items():
        for eid, assignment in _family(last, suffix, {e: full[e] for e in eids}).items():
            out[eid] = assignment
            if assignment.unresolved:
                continue
            p = full[eid]
            for n in (2, 3):
                if len(p.words) > n:
                    tail_people[(p.words[-n:], suffix)].add(assignment.person_id)
            if not p.compound:  # a bare `Jones` is not `Mary Smith-Jones`
                family_people[(last, suffix)].add(assignment.person_id)
    compound_people = {out[e].person_id for e, p in full.items() if p.compound and e in out}
    for eid, p in sorted(parts.items()):
        if p.first:
            continue
        tail = (tuple(p.last.split("-")), p.suffix)
        if "-" in p.last and tail in tail_people:
            claimants = tail_people[tail]
            last = p.last.split("-")[-1]
            p = NameParts(p.first, p.middle, last, p.suffix, (last,), p.titled)
        else:
            claimants = family_people.get((p.last, p.suffix), set()) - compound_people
        # not a word that is a given name (`David`; `Barron` when someone is so named), nor a titled
        # form (`Mrs. Abedini`)
        if len(claimants) == 1 and not p.titled and p.last not in first_names and not _known_given_name(p.last):
            out[eid] = Assignment(next(iter(claimants)), False)
        else:
            out[eid] = Assignment(_person_id("unresolved", p.last, p.suffix), True)
    return out


def _fragment(p: NameParts, families: dict[str, set[str]], first_names: dict[str, set[str]],
              used: dict[str, int], full_names: set[tuple[str, ...]]) -> bool:
    """`Trump Warns Clinton`: three or more words, the first another person's family name and never
    a given name elsewhere, the last the family name of someone with another given name, and the
    words between neither initials nor part of any other name (`Morris J. Brooks Jr.` is a name)."""
    middle = p.words[1:-1]
    return _glued(p, full_names, used) or (
        len(p.words) >= 3
        and not p.suffix
        and all(len(w) > 1 and used.get(w, 0) <= 1 for w in middle)
        and bool(families.get(p.first, set()) - {p.last})
        and first_names.get(p.first, set()) <= {p.last}
        and bool(families.get(p.last, set()) - {p.first})
    )


def _glued(p: NameParts, full_names: set[tuple[str, ...]], used: dict[str, int]) -> bool:
    """`Marco Rubio Responds To Question`: another person's full name with two or more words glued to
    it that no other name uses."""
    if len(p.words) < 4:
        return False
    for n in (2,):
        for name, rest in ((p.words[:n], p.words[n:]), (p.words[-n:], p.words[:-n])):
            if name in full_names and all(used.get(w, 0) <= 1 for w in rest):
                return True
    return False


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
        # a middle that is half of a hyphenated name (`Mary Smith-Jones`) is never left out: `Mary
        # Jones` is someone else, and joins only a middle name of her own (`Mary Q. Jones`)
        bound = {members[e].middle for e in eids if members[e].compound}
        free = [m for m in middles if m not in bound]
        for eid in eids:
            m = members[eid].middle
            if len(middles) <= 1 and not bound:
                out[eid] = Assignment(_person_id(last, suffix, root), False)
            elif m:
                out[eid] = Assignment(_person_id(last, suffix, root, m), False)
            elif not free:
                out[eid] = Assignment(_person_id(last, suffix, root), False)
            elif len(free) == 1:
                out[eid] = Assignment(_person_id(last, suffix, root, free[0]), False)
            else:
                out[eid] = Assignment(_person_id("unresolved", root, last, suffix), True)
    return out


def write_person_names(con: duckdb.DuckDBPyConnection) -> None:
    """Create the person_names table (see derived_views.PERSON_NAMES) in the database `con` uses, from the
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
        con.execute(f"CREATE TABLE {ident(PERSON_NAMES.name)} AS SELECT *, NULL::VARCHAR AS correction_id "
                    "FROM _person_names ORDER BY entity_id")  # correction_id: set by warehouse.corrections_apply
    finally:
        con.unregister("_person_names")
    con.execute(f"COMMENT ON TABLE {ident(PERSON_NAMES.name)} IS {literal(PERSON_NAMES.comment)}")
    for column, comment in PERSON_NAMES.columns.items():
        con.execute(f"COMMENT ON COLUMN {ident(PERSON_NAMES.name)}.{ident(column)} IS {literal(comment)}")
