"""Corrections (warehouse.corrections) applied to news.duckdb's views at every build.

The published Parquet keeps what the pipeline derived; the views apply the corrections on top, so a fix
holds through every later run, `--reprocess` and any change of the rules, and undoing one is deleting its
line. In news.duckdb:
- `corrections`: every line loaded, its status (applied, orphaned, superseded) and the rows it matched;
- `pipeline_articles`, `pipeline_quotes`, `pipeline_entities`, `pipeline_story_index`: the published rows
  as the pipeline wrote them;
- `articles`, `quotes`, `entities`, `story_index`: the same rows corrected. An excluded article is gone
  from all four (and so from every report, the people and the stories); it stays in `files`. A quote
  marked not-a-quote is gone from `quotes`. Corrected rows carry `correction_id` and the pipeline's value
  (`pipeline_speaker`, `pipeline_name`, `pipeline_label`: derived_views.CORRECTED_COLUMNS);
- `person_names` (warehouse.people) regrouped by merge and split corrections, with their correction_id.

A speaker correction names the speaker; its speaker_entity_id becomes the PERSON entity of that name in
the quote's article, else anywhere in the warehouse, else NULL. Its role and affiliation, which were
the pipeline's speaker's, become NULL. An entity renamed renames the speaker of the quotes it spoke."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

import duckdb
import pyarrow as pa

from warehouse.corrections import Correction
from warehouse.derived_views import CORRECTED_COLUMNS, CORRECTIONS, PERSON_NAMES, PIPELINE_PREFIX
from warehouse.schema import APPLIED, ARTICLES, ENTITIES, MERGE, ORPHANED, QUOTES, SPLIT, STORY_INDEX, SUPERSEDED, Table
from warehouse.sql_text import ident, literal

CORRECTED_TABLES = (ARTICLES.name, QUOTES.name, ENTITIES.name, STORY_INDEX.name)
_KIND = f"SELECT target, value, correction_id FROM {CORRECTIONS.name} WHERE status = '{APPLIED}' AND kind = "
_EXCLUDED = f"(SELECT target FROM {CORRECTIONS.name} WHERE status = '{APPLIED}' AND kind = 'exclude')"
# What a target matches among the published rows, by kind (merge and split: see apply_people).
_MATCHES = {
    "speaker": ("pipeline_quotes", "quote_id"), "not-quote": ("pipeline_quotes", "quote_id"),
    "entity-name": ("pipeline_entities", "entity_id"), "entity-label": ("pipeline_entities", "entity_id"),
    "exclude": ("pipeline_articles", "article_id"),
}


def corrected_sql(table: Table, raw: str) -> str:
    """The corrected view of `table` over its published rows selected by `raw` (inlined, so that the
    view still names its Parquet files)."""
    keep = f"p.article_id NOT IN {_EXCLUDED}"
    if table.name == ENTITIES.name:
        return f"""WITH p AS ({raw}), n AS ({_KIND}'entity-name'), l AS ({_KIND}'entity-label')
            SELECT p.* REPLACE (coalesce(n.value, p.name) AS name, coalesce(l.value, p.label) AS label),
                   coalesce(n.correction_id, l.correction_id) AS correction_id,
                   p.name AS pipeline_name, p.label AS pipeline_label
            FROM p LEFT JOIN n ON n.target = p.entity_id LEFT JOIN l ON l.target = p.entity_id WHERE {keep}"""
    if table.name == QUOTES.name:
        return f"""WITH p AS ({raw}), s AS ({_KIND}'speaker'), n AS ({_KIND}'entity-name'),
            persons AS (SELECT e.article_id, e.entity_id, lower(coalesce(n.value, e.name)) AS name
                        FROM pipeline_entities AS e LEFT JOIN n ON n.target = e.entity_id
                        WHERE e.label = 'PERSON'
                          AND e.entity_id NOT IN (SELECT target FROM ({_KIND}'entity-label') WHERE value <> 'PERSON')),
            fixed AS (SELECT q.quote_id, nullif(s.value, '') AS speaker, s.correction_id,
                             coalesce((SELECT min(x.entity_id) FROM persons AS x
                                       WHERE x.article_id = q.article_id AND x.name = lower(s.value)),
                                      (SELECT min(x.entity_id) FROM persons AS x WHERE x.name = lower(s.value)))
                               AS entity_id
                      FROM s JOIN p AS q ON q.quote_id = s.target)
            SELECT p.* REPLACE (
                     CASE WHEN f.correction_id IS NOT NULL THEN f.speaker
                          WHEN n.correction_id IS NOT NULL THEN n.value ELSE p.speaker END AS speaker,
                     CASE WHEN f.correction_id IS NOT NULL THEN f.entity_id ELSE p.speaker_entity_id END
                       AS speaker_entity_id,
                     CASE WHEN f.correction_id IS NULL THEN p.cue_class
                          WHEN f.speaker IS NOT NULL THEN coalesce(p.cue_class, 'speech') END AS cue_class,
                     CASE WHEN f.correction_id IS NULL THEN p.speaker_role END AS speaker_role,
                     CASE WHEN f.correction_id IS NULL THEN p.speaker_affiliation END AS speaker_affiliation,
                     CASE WHEN f.correction_id IS NULL THEN p.speaker_affiliation_entity_id END
                       AS speaker_affiliation_entity_id),
                   coalesce(f.correction_id, n.correction_id) AS correction_id, p.speaker AS pipeline_speaker
            FROM p LEFT JOIN fixed AS f ON f.quote_id = p.quote_id
                   LEFT JOIN n ON n.target = p.speaker_entity_id AND f.correction_id IS NULL
            WHERE {keep} AND p.quote_id NOT IN (SELECT target FROM ({_KIND}'not-quote'))"""
    return f"WITH p AS ({raw}) SELECT p.* FROM p WHERE {keep}"


def write_corrections(con: duckdb.DuckDBPyConnection, corrections: Sequence[Correction]) -> None:
    """Create the corrections table (derived_views.CORRECTIONS) from the loaded lines: a line that a later one
    for the same kind and target replaces is superseded, the others applied until apply_status says."""
    last = {(c.kind, c.target): c.id for c in corrections}
    data = pa.table({
        "correction_id": [c.id for c in corrections], "kind": [c.kind for c in corrections],
        "target": [c.target for c in corrections], "value": [c.value for c in corrections],
        "who": [c.who for c in corrections], "corrected_at": [c.when for c in corrections],
        "why": [c.why for c in corrections], "file": [c.file for c in corrections],
        "line": pa.array([c.line for c in corrections], pa.int32()),
        "status": [APPLIED if last[(c.kind, c.target)] == c.id else SUPERSEDED for c in corrections],
        "matched": pa.array([None] * len(corrections), pa.int32()),
    }, schema=pa.schema([("correction_id", pa.string()), ("kind", pa.string()), ("target", pa.string()),
                         ("value", pa.string()), ("who", pa.string()), ("corrected_at", pa.string()),
                         ("why", pa.string()), ("file", pa.string()), ("line", pa.int32()),
                         ("status", pa.string()), ("matched", pa.int32())]))
    con.register("_corrections", data)
    try:
        con.execute(f"CREATE TABLE {ident(CORRECTIONS.name)} AS SELECT * FROM _corrections")
    finally:
        con.unregister("_corrections")
    _comment(con, "TABLE", CORRECTIONS.name, CORRECTIONS.comment, CORRECTIONS.columns)


def comment_corrected(con: duckdb.DuckDBPyConnection, table: Table) -> None:
    """COMMENT ON the columns the corrected view of `table` adds, and on its pipeline_ view."""
    for column, comment in CORRECTED_COLUMNS.get(table.name, {}).items():
        con.execute(f"COMMENT ON COLUMN {ident(table.name)}.{ident(column)} IS {literal(comment)}")
    pipeline = PIPELINE_PREFIX + table.name
    con.execute(f"COMMENT ON VIEW {ident(pipeline)} IS "
                f"{literal(f'The published rows of {table.name} as the pipeline wrote them, before corrections.')}")
    for column in table.spec:
        con.execute(f"COMMENT ON COLUMN {ident(pipeline)}.{ident(column.name)} IS {literal(column.comment)}")


def apply_people(con: duckdb.DuckDBPyConnection) -> None:
    """Regroup person_names by the applied merge and split corrections, in file order: a split takes the
    entities its target names out of their person into one of their own; a merge joins the persons of
    every part (each part must name at least one PERSON entity, else the merge is orphaned)."""
    fixes = con.execute(f"SELECT correction_id, kind, target FROM {CORRECTIONS.name} WHERE status = '{APPLIED}' "
                        f"AND kind IN ('{MERGE}', '{SPLIT}') ORDER BY file, line").fetchall()
    if not fixes:
        return
    rows = con.execute(f"SELECT pn.entity_id, pn.person_id, e.name FROM {PERSON_NAMES.name} AS pn JOIN "
                       "(SELECT DISTINCT entity_id, name FROM entities WHERE label = 'PERSON') AS e "
                       "USING (entity_id)").fetchall()
    person = {eid: pid for eid, pid, _ in rows}
    by_name: dict[str, list[str]] = {}
    for eid, _, name in rows:
        by_name.setdefault(name.casefold(), []).append(eid)
    changed: dict[str, str] = {}  # entity_id -> correction_id
    matched: dict[str, int] = {}
    for cid, kind, target in fixes:
        parts = [p.strip() for p in target.split("|")] if kind == MERGE else [target]
        found = [[p] if p in person else by_name.get(p.casefold(), []) for p in parts]
        if not all(found):
            matched[cid] = 0
            continue
        eids = sorted({e for group in found for e in group})
        if kind == SPLIT:
            new = hashlib.sha256(f"correction\x1f{cid}".encode()).hexdigest()[:16]
            members = eids
        else:
            persons = {person[e] for e in eids}
            new = min(persons)
            members = sorted(e for e, p in person.items() if p in persons)
        for e in members:
            person[e] = new
            changed[e] = cid
        matched[cid] = len(eids)
    fix = pa.table({"entity_id": list(changed), "person_id": [person[e] for e in changed],
                    "correction_id": list(changed.values())})
    con.register("_person_fixes", fix)
    try:
        con.execute(f"UPDATE {PERSON_NAMES.name} SET person_id = f.person_id, unresolved = false, "
                    f"correction_id = f.correction_id FROM _person_fixes AS f "
                    f"WHERE {PERSON_NAMES.name}.entity_id = f.entity_id")
    finally:
        con.unregister("_person_fixes")
    con.executemany(f"UPDATE {CORRECTIONS.name} SET matched = ? WHERE correction_id = ?",
                    [(n, cid) for cid, n in matched.items()])


def apply_status(con: duckdb.DuckDBPyConnection) -> None:
    """Count what each correction's target matches among the published rows and mark the corrections that
    match nothing orphaned (their article changed or was withdrawn): listed, never silently dropped."""
    for kind, (view, key) in _MATCHES.items():
        con.execute(f"UPDATE {CORRECTIONS.name} SET matched = (SELECT count(*) FROM {view} AS v "
                    f"WHERE v.{key} = {CORRECTIONS.name}.target) WHERE kind = {literal(kind)}")
    con.execute(f"UPDATE {CORRECTIONS.name} SET status = '{ORPHANED}' WHERE status = '{APPLIED}' AND matched = 0")


def orphans(con: duckdb.DuckDBPyConnection) -> list[str]:
    """One line per orphaned correction of the database on `con` ([] for a database without corrections):
    `FILE:LINE: ID (KIND TARGET) matches nothing published`."""
    try:
        found = con.execute(f"SELECT file, line, correction_id, kind, target FROM {CORRECTIONS.name} "
                            f"WHERE status = '{ORPHANED}' ORDER BY file, line").fetchall()
    except duckdb.CatalogException:
        return []
    return [f"{file}:{line}: {cid} ({kind} {target}) matches nothing published"
            for file, line, cid, kind, target in found]


def orphaned(db: Path) -> list[str]:
    """orphans() of the news.duckdb at `db`, opened read-only; [] when it is missing or does not open."""
    try:
        con = duckdb.connect(str(db), read_only=True)
    except duckdb.Error:
        return []
    try:
        return orphans(con)
    finally:
        con.close()


def _comment(con: duckdb.DuckDBPyConnection, what: str, name: str, comment: str, columns: dict[str, str]) -> None:
    con.execute(f"COMMENT ON {what} {ident(name)} IS {literal(comment)}")
    for column, text in columns.items():
        con.execute(f"COMMENT ON COLUMN {ident(name)}.{ident(column)} IS {literal(text)}")
