"""`newsetl correct ...`: add an analyst's correction to the warehouse (warehouse.corrections) and apply it.

Each subcommand appends one line to WAREHOUSE/corrections/corrections.csv (who: the OS user unless --who;
when: now; why: required) and rebuilds news.duckdb's views, which apply every correction; `newsetl
correct list` shows them with their status. A target that matches nothing published is refused (a typo
would otherwise wait silently as an orphan) unless --force, as is a split of a name that shares its person
with no other (it would change nothing)."""

from __future__ import annotations

import getpass
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from flows.options import DEFAULTS
from warehouse.derived_views import PIPELINE_PREFIX
from warehouse.schema import ENTITY_LABEL, ENTITY_NAME, EXCLUDE, MERGE, NOT_QUOTE, SPEAKER_FIX, SPLIT

if TYPE_CHECKING:
    import duckdb

app = typer.Typer(no_args_is_help=True, help="Correct what the pipeline got wrong; the fix holds through later runs.")

WarehouseOpt = Annotated[Path, typer.Option("--warehouse", help="warehouse folder")]
WhyOpt = Annotated[str, typer.Option("--why", help="why (required; asked for on a terminal when missing)")]
WhoOpt = Annotated[str, typer.Option("--who", help="who makes the correction (default: the OS user)")]
IdOpt = Annotated[str, typer.Option("--id", help="the correction's id (default: the next cN)")]
ForceOpt = Annotated[bool, typer.Option("--force", help="keep a correction whose target matches nothing published")]
_W = DEFAULTS.warehouse
# What a target must match among the published rows, by kind: (view, column, what it is).
_TARGETS = {
    SPEAKER_FIX: ("quotes", "quote_id", "quote"), NOT_QUOTE: ("quotes", "quote_id", "quote"),
    ENTITY_NAME: ("entities", "entity_id", "entity"), ENTITY_LABEL: ("entities", "entity_id", "entity"),
    EXCLUDE: ("articles", "article_id", "article"),
}


class _Failed(Exception):
    pass


def add(warehouse: Path, kind: str, target: str, value: str, why: str, who: str, id_: str, force: bool) -> str:
    """Append the correction, rebuild the views and return a one-line outcome; _Failed with one line
    when it cannot be added."""
    from warehouse.corrections import Correction, CorrectionError, append, load, next_id
    from warehouse.layout import database

    why = why.strip()
    if not why and sys.stdin.isatty():
        why = typer.prompt("why").strip()
    if not why:
        raise _Failed("--why is required: say why the pipeline was wrong (it is kept with the correction)")
    db = database(warehouse)
    if not Path(warehouse).is_dir() and not force:  # a mistyped --warehouse would start a new folder
        raise _Failed(f"no warehouse folder at {warehouse} (--force starts its corrections before its first run)")
    if db.exists() and not force and (missing := _unmatched(db, kind, target)):
        raise _Failed(f"{missing} (--force keeps the correction anyway)")
    try:
        id_ = id_ or next_id(load(warehouse))
        path = append(warehouse, Correction(id_, kind, target, value, who or getpass.getuser(),
                                            datetime.now(UTC).isoformat(timespec="seconds"), why))
    except CorrectionError as exc:
        raise _Failed(str(exc)) from None
    if not db.exists():
        return f"{id_} added to {path}; applied when a run publishes"
    _rebuild(warehouse)
    return f"{id_} added to {path}; {_status(db, id_)}"


def _unmatched(db: Path, kind: str, target: str) -> str | None:
    """Why `target` matches nothing published in the database at `db`, or None when it matches."""
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        if kind in _TARGETS:
            view, column, what = _TARGETS[kind]
            if con.execute("SELECT count(*) FROM duckdb_views() WHERE view_name = ?",
                           [PIPELINE_PREFIX + view]).fetchall() != [(0,)]:
                view = PIPELINE_PREFIX + view  # all published rows, whatever corrections hide
            (n,) = con.execute(f"SELECT count(*) FROM {view} WHERE {column} = ?",
                               [target]).fetchall()[0]
            return None if n else f"no published {what} has {column} {target}"
        for part in (p.strip() for p in target.split("|")):
            (n,) = con.execute("SELECT count(*) FROM entities WHERE label = 'PERSON' AND "
                               "(entity_id = ? OR lower(name) = lower(?))", [part, part]).fetchall()[0]
            if not n:
                return f"no published PERSON entity is named {part!r} or has that entity_id"
        if kind == SPLIT and not _shares_a_person(con, target):
            return (f"{target!r} is a person of its own already (no other name shares its person): "
                    "a split changes nothing")
        return None
    except duckdb.Error as exc:
        return f"cannot read {db}: {' '.join(str(exc).split())}"
    finally:
        con.close()


def _shares_a_person(con: duckdb.DuckDBPyConnection, target: str) -> bool:
    """Whether the PERSON entities `target` names share their person (as grouped now, corrections
    applied) with any other entity."""
    named = "SELECT entity_id FROM entities WHERE label = 'PERSON' AND (entity_id = $t OR lower(name) = lower($t))"
    sql = (f"SELECT count(*) FROM person_names WHERE entity_id NOT IN ({named}) "
           f"AND person_id IN (SELECT person_id FROM person_names WHERE entity_id IN ({named}))")
    return con.execute(sql, {"t": target}).fetchall()[0][0] > 0


def _rebuild(warehouse: Path) -> None:
    from warehouse.store import Warehouse, WarehouseBusy, WarehouseDamaged

    try:
        with Warehouse.open(warehouse, DEFAULTS.lock_timeout) as wh:
            wh.publish_views()
    except (WarehouseBusy, WarehouseDamaged) as exc:
        raise _Failed(f"added, but the views were not rebuilt ({exc}); the next run applies it") from None


def _status(db: Path, id_: str) -> str:
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = con.execute("SELECT status, matched FROM corrections WHERE correction_id = ?", [id_]).fetchall()
    finally:
        con.close()
    status, matched = rows[0] if rows else ("not loaded", 0)
    return f"{status} (matches {matched} published row(s))"


def _run(warehouse: Path, kind: str, target: str, value: str, why: str, who: str, id_: str, force: bool) -> None:
    try:
        print(add(warehouse, kind, target, value, why, who, id_, force))
    except _Failed as exc:
        print(f"newsetl correct: {exc}", file=sys.stderr)
        raise typer.Exit(1) from None


@app.command("speaker")
def speaker(quote_id: str, name: Annotated[str, typer.Argument(help="the speaker; '' for no speaker")],
            warehouse: WarehouseOpt = _W, why: WhyOpt = "", who: WhoOpt = "", id_: IdOpt = "",
            force: ForceOpt = False) -> None:
    """The quote QUOTE_ID was said by NAME."""
    _run(warehouse, SPEAKER_FIX, quote_id, name, why, who, id_, force)


@app.command("not-quote")
def not_quote(quote_id: str, warehouse: WarehouseOpt = _W, why: WhyOpt = "", who: WhoOpt = "", id_: IdOpt = "",
              force: ForceOpt = False) -> None:
    """QUOTE_ID is not a quote: it leaves the quotes view."""
    _run(warehouse, NOT_QUOTE, quote_id, "", why, who, id_, force)


@app.command("entity-name")
def entity_name(entity_id: str, name: str, warehouse: WarehouseOpt = _W, why: WhyOpt = "", who: WhoOpt = "",
                id_: IdOpt = "", force: ForceOpt = False) -> None:
    """The entity ENTITY_ID is called NAME (in every article; its quotes' speaker too)."""
    _run(warehouse, ENTITY_NAME, entity_id, name, why, who, id_, force)


@app.command("entity-label")
def entity_label(entity_id: str, label: str, warehouse: WarehouseOpt = _W, why: WhyOpt = "", who: WhoOpt = "",
                 id_: IdOpt = "", force: ForceOpt = False) -> None:
    """The entity ENTITY_ID is a LABEL (PERSON, ORG, GPE, ...)."""
    _run(warehouse, ENTITY_LABEL, entity_id, label, why, who, id_, force)


@app.command("merge")
def merge(names: Annotated[list[str], typer.Argument(help="two or more PERSON names or entity ids")],
          warehouse: WarehouseOpt = _W, why: WhyOpt = "", who: WhoOpt = "", id_: IdOpt = "",
          force: ForceOpt = False) -> None:
    """These names are one person (the people view joins their persons)."""
    _run(warehouse, MERGE, " | ".join(names), "", why, who, id_, force)


@app.command("split")
def split(name: Annotated[str, typer.Argument(help="a PERSON name or entity id")], warehouse: WarehouseOpt = _W,
          why: WhyOpt = "", who: WhoOpt = "", id_: IdOpt = "", force: ForceOpt = False) -> None:
    """NAME is not the person the grouping joined it to: it becomes a person of its own."""
    _run(warehouse, SPLIT, name, "", why, who, id_, force)


@app.command("exclude")
def exclude(article_id: str, warehouse: WarehouseOpt = _W, why: WhyOpt = "", who: WhoOpt = "", id_: IdOpt = "",
            force: ForceOpt = False) -> None:
    """Leave ARTICLE_ID out of the views and every report (it stays in files)."""
    _run(warehouse, EXCLUDE, article_id, "", why, who, id_, force)


@app.command("list")
def list_(warehouse: WarehouseOpt = _W) -> None:
    """The corrections as the views last applied them, with their status."""
    import duckdb
    from rich.table import Table
    from rich.text import Text

    from newsetl import terminal
    from warehouse.layout import database

    db = database(warehouse)
    if not db.exists():
        print(f"newsetl correct: no warehouse at {warehouse}: {db} does not exist", file=sys.stderr)
        raise typer.Exit(1)
    con = duckdb.connect(str(db), read_only=True)
    try:
        if con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'corrections'").fetchall() == [(0,)]:
            print(f"no corrections applied yet: {db} was built before corrections existed (a run rebuilds it)")
            return
        rel = con.execute("SELECT correction_id AS id, kind, target, value, who, corrected_at AS \"when\", why, "
                          "status, matched FROM corrections ORDER BY file, line")
        columns, rows = [d[0] for d in rel.description], rel.fetchall()
    finally:
        con.close()
    table = Table(title=f"corrections of {warehouse}")
    for c in columns:
        table.add_column(c)
    for row in rows:
        table.add_row(*(Text(terminal.printable("" if v is None else str(v))) for v in row))  # data, not markup
    terminal.console().print(table)
    _files_since(warehouse, {row[0] for row in rows})


def _files_since(warehouse: Path, listed: set[str]) -> None:
    """Say how the corrections files differ from what the views last applied: malformed since (exit 1),
    or holding lines not applied yet."""
    from warehouse.corrections import CorrectionError, load

    try:
        pending = [c.id for c in load(warehouse) if c.id not in listed]
    except CorrectionError as exc:
        print(f"newsetl correct: the files no longer load, so the list above is as last applied: {exc}",
              file=sys.stderr)
        raise typer.Exit(1) from None
    if pending:
        print(f"{len(pending)} correction(s) in the files are not applied yet ({', '.join(pending[:5])}"
              f"{', ...' if len(pending) > 5 else ''}): the next run or `newsetl check --repair` applies them")
