"""`newsetl compare OLD NEW`: what would change for analysts if warehouse NEW replaced warehouse OLD (for
example one built by a new version of newsetl from the same landing folder).

Both warehouses are read through their news.duckdb views, read-only; the comparison runs in memory.
Rows are matched by the keys the warehouse keeps stable:
- articles by `article_id` (derived from the article's content, so the same article has the same id);
- quotes by `quote_id` (the same words of the same article attributed again keep it); a quote whose id
  differs but which covers the same characters of the same field (a quotation now read as reported
  speech) is the same quote re-typed;
- entities, within an article, by `entity_id` (the same canonical name and label), then the others by
  a spelling (surface form) that names one entity of the article on each side (not a surname two
  entities share): one old and one new entity sharing such a spelling are the same entity, renamed
  when the canonical name differs, relabelled when the
  label does; several old entities sharing spellings with one new entity were merged, one old entity
  sharing spellings with several new ones was split.
People regrouped (names that joined or left a person) are newsetl.compare_people's; corrections, a
category of their own (rows a correction in one warehouse changed are `corrected`, not pipeline changes),
newsetl.compare_corrections'.
Each category is a Report (newsetl.reports), so the terminal tables, JSON and HTML show them as the
standard reports are shown."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from pathlib import Path

import duckdb

from newsetl import compare_corrections, compare_people
from newsetl.reports import Report

TOP_SPEAKERS = 20  # rows of the statements-per-speaker comparison
# What the standard reports (warehouse/sql/speakers_*.sql) count as a speaker's statement.
_STATEMENT = "(quote_type <> 'indirect' OR cue_class = 'speech')"

_CORRECTED = ("quotes", "entities")  # views whose rows say which correction changed them (correction_id)
# What is read from each warehouse: view -> columns.
_READ = {
    "articles": "article_id, source_path, published_date, headline",
    "quotes": "quote_id, article_id, field, char_start, char_end, text, quote_type, speaker, cue_class",
    "entities": "article_id, entity_id, name, label, surface_forms",
}

_SUMMARY = """
WITH a AS (SELECT (SELECT count(*) FROM old_articles
                   WHERE article_id NOT IN (SELECT article_id FROM new_articles)
                     AND article_id NOT IN (SELECT target FROM new_excluded)) AS only_old,
                  (SELECT count(*) FROM new_articles
                   WHERE article_id NOT IN (SELECT article_id FROM old_articles)
                     AND article_id NOT IN (SELECT target FROM old_excluded)) AS only_new,
                  (SELECT count(*) FROM old_articles WHERE article_id IN (SELECT target FROM new_excluded))
                  + (SELECT count(*) FROM new_articles WHERE article_id IN (SELECT target FROM old_excluded))
                    AS excluded,
                  (SELECT count(*) FROM old_articles
                   WHERE article_id IN (SELECT article_id FROM new_articles)) AS both_)
SELECT * FROM (VALUES
  ('articles', 'only in old', (SELECT only_old FROM a)),
  ('articles', 'only in new', (SELECT only_new FROM a)),
  ('articles', 'in both', (SELECT both_ FROM a)),
  ('articles', 'excluded by a correction', (SELECT excluded FROM a)),
  ('quotes', 'added', (SELECT count(*) FROM quote_changes WHERE change = 'added')),
  ('quotes', 'removed', (SELECT count(*) FROM quote_changes WHERE change = 'removed')),
  ('quotes', 're-attributed', (SELECT count(*) FROM quote_changes WHERE change = 're-attributed')),
  ('quotes', 're-typed', (SELECT count(*) FROM quote_changes WHERE change = 're-typed')),
  ('quotes', 'corrected', (SELECT count(*) FROM quote_changes WHERE change = 'corrected')),
  ('entities', 'added', (SELECT count(*) FROM entity_changes WHERE change = 'added')),
  ('entities', 'removed', (SELECT count(*) FROM entity_changes WHERE change = 'removed')),
  ('entities', 'renamed', (SELECT count(*) FROM entity_changes WHERE change = 'renamed')),
  ('entities', 'relabelled', (SELECT count(*) FROM entity_changes WHERE change = 'relabelled')),
  ('entities', 'merged', (SELECT count(*) FROM entity_changes WHERE change = 'merged')),
  ('entities', 'split', (SELECT count(*) FROM entity_changes WHERE change = 'split')),
  ('entities', 'corrected', (SELECT count(*) FROM entity_changes WHERE change = 'corrected'))
) AS t(what, change, count)
"""

# Quotes of articles in both warehouses, matched by quote_id, then by the characters they cover.
_QUOTE_CHANGES = """
CREATE TEMP TABLE quote_changes AS
WITH shared AS (SELECT article_id FROM old_articles INTERSECT SELECT article_id FROM new_articles),
o AS (SELECT * FROM old_quotes WHERE article_id IN (SELECT article_id FROM shared)),
n AS (SELECT * FROM new_quotes WHERE article_id IN (SELECT article_id FROM shared)),
by_id AS (SELECT o.article_id, o.text, o.quote_type AS old_type, n.quote_type AS new_type,
                 o.speaker AS old_speaker, n.speaker AS new_speaker, o.quote_id AS old_id, n.quote_id AS new_id,
                 o.field, o.char_start, o.correction_id AS old_cid, n.correction_id AS new_cid
          FROM o JOIN n USING (quote_id)),
o_rest AS (SELECT * FROM o WHERE quote_id NOT IN (SELECT old_id FROM by_id)),
n_rest AS (SELECT * FROM n WHERE quote_id NOT IN (SELECT new_id FROM by_id)),
by_span AS (SELECT o.article_id, o.text, o.quote_type AS old_type, n.quote_type AS new_type,
                   o.speaker AS old_speaker, n.speaker AS new_speaker, o.quote_id AS old_id, n.quote_id AS new_id,
                   o.field, o.char_start, o.correction_id AS old_cid, n.correction_id AS new_cid
            FROM o_rest AS o JOIN n_rest AS n USING (article_id, field, char_start, char_end)),
matched AS (SELECT * FROM by_id UNION ALL SELECT * FROM by_span)
SELECT article_id, 're-typed' AS change, field, char_start, text, old_type || ' -> ' || new_type AS detail
FROM matched WHERE old_type <> new_type
UNION ALL
SELECT article_id, 're-attributed', field, char_start, text,
       coalesce(old_speaker, '(none)') || ' -> ' || coalesce(new_speaker, '(none)')
FROM matched WHERE old_speaker IS DISTINCT FROM new_speaker AND old_cid IS NOT DISTINCT FROM new_cid
UNION ALL
SELECT article_id, 'corrected', field, char_start, text,
       coalesce(old_speaker, '(none)') || ' -> ' || coalesce(new_speaker, '(none)')
       || ' (' || coalesce(new_cid, 'undone: ' || old_cid) || ')'
FROM matched WHERE old_speaker IS DISTINCT FROM new_speaker AND old_cid IS DISTINCT FROM new_cid
UNION ALL
SELECT article_id, CASE WHEN x.target IS NULL THEN 'removed' ELSE 'corrected' END, field, char_start, text,
       CASE WHEN x.target IS NULL THEN coalesce(speaker, '(no speaker)')
            ELSE 'not a quote (' || x.correction_id || ')' END
FROM o_rest LEFT JOIN new_not_quotes AS x ON x.target = o_rest.quote_id
WHERE quote_id NOT IN (SELECT old_id FROM by_span)
UNION ALL
SELECT article_id, CASE WHEN x.target IS NULL THEN 'added' ELSE 'corrected' END, field, char_start, text,
       CASE WHEN x.target IS NULL THEN coalesce(speaker, '(no speaker)')
            ELSE 'a quote again (undone: ' || x.correction_id || ')' END
FROM n_rest LEFT JOIN old_not_quotes AS x ON x.target = n_rest.quote_id
WHERE quote_id NOT IN (SELECT new_id FROM by_span)
"""

# Entities of articles in both warehouses, paired within an article by a spelling they share.
_ENTITY_CHANGES = """
CREATE TEMP TABLE entity_changes AS
WITH shared AS (SELECT article_id FROM old_articles INTERSECT SELECT article_id FROM new_articles),
o_all AS (SELECT * FROM old_entities WHERE article_id IN (SELECT article_id FROM shared)),
n_all AS (SELECT * FROM new_entities WHERE article_id IN (SELECT article_id FROM shared)),
-- an entity id in both (the same canonical name and label in the same article) is the same entity
same AS (SELECT article_id, entity_id AS old_id, entity_id AS new_id FROM o_all
         WHERE (article_id, entity_id) IN (SELECT (article_id, entity_id) FROM n_all)),
-- spellings that name one entity of the article on their side (not `Hunter` of two Hunters)
o_forms AS (
  SELECT * FROM (
    SELECT article_id, entity_id, form, count(DISTINCT entity_id) OVER (PARTITION BY article_id, form) AS k
    FROM (SELECT article_id, entity_id, unnest(list_append(surface_forms, name)) AS form FROM o_all))
  WHERE k = 1),
n_forms AS (
  SELECT * FROM (
    SELECT article_id, entity_id, form, count(DISTINCT entity_id) OVER (PARTITION BY article_id, form) AS k
    FROM (SELECT article_id, entity_id, unnest(list_append(surface_forms, name)) AS form FROM n_all))
  WHERE k = 1),
-- an entity whose id is on one side only is paired with the other side's entities by a spelling
by_form AS (SELECT DISTINCT f.article_id, f.entity_id AS old_id, g.entity_id AS new_id
            FROM o_forms AS f JOIN n_forms AS g USING (article_id, form)
            WHERE (f.article_id, f.entity_id) NOT IN (SELECT (article_id, old_id) FROM same)
               OR (g.article_id, g.entity_id) NOT IN (SELECT (article_id, new_id) FROM same)),
pairs AS (SELECT * FROM same UNION SELECT * FROM by_form),
fan AS (SELECT *, count(*) OVER (PARTITION BY article_id, old_id) AS news_per_old,
                  count(*) OVER (PARTITION BY article_id, new_id) AS olds_per_new FROM pairs),
o AS (SELECT * FROM o_all), n AS (SELECT * FROM n_all),
one AS (SELECT fan.article_id, o.name AS old_name, n.name AS new_name, o.label AS old_label, n.label AS new_label,
               o.correction_id AS old_cid, n.correction_id AS new_cid
        FROM fan JOIN o ON o.article_id = fan.article_id AND o.entity_id = fan.old_id
                 JOIN n ON n.article_id = fan.article_id AND n.entity_id = fan.new_id
        WHERE news_per_old = 1 AND olds_per_new = 1)
SELECT article_id, 'renamed' AS change, old_name || ' -> ' || new_name AS detail FROM one
WHERE old_name <> new_name AND old_cid IS NOT DISTINCT FROM new_cid
UNION ALL
SELECT article_id, 'relabelled', new_name || ': ' || old_label || ' -> ' || new_label
FROM one WHERE old_label <> new_label AND old_cid IS NOT DISTINCT FROM new_cid
UNION ALL
SELECT article_id, 'corrected', old_name || ' (' || old_label || ') -> ' || new_name || ' (' || new_label || ') ('
       || coalesce(new_cid, 'undone: ' || old_cid) || ')'
FROM one WHERE (old_name <> new_name OR old_label <> new_label) AND old_cid IS DISTINCT FROM new_cid
UNION ALL
SELECT fan.article_id, 'merged',
       string_agg(o.name || ' (' || o.label || ')', ' + ' ORDER BY o.name) || ' -> ' || any_value(n.name)
FROM fan JOIN o ON o.article_id = fan.article_id AND o.entity_id = fan.old_id
         JOIN n ON n.article_id = fan.article_id AND n.entity_id = fan.new_id
WHERE olds_per_new > 1 GROUP BY fan.article_id, fan.new_id
UNION ALL
SELECT fan.article_id, 'split',
       any_value(o.name) || ' -> ' || string_agg(n.name || ' (' || n.label || ')', ' + ' ORDER BY n.name)
FROM fan JOIN o ON o.article_id = fan.article_id AND o.entity_id = fan.old_id
         JOIN n ON n.article_id = fan.article_id AND n.entity_id = fan.new_id
WHERE news_per_old > 1 GROUP BY fan.article_id, fan.old_id
UNION ALL
SELECT article_id, 'removed', name || ' (' || label || ')' FROM o
WHERE (article_id, entity_id) NOT IN (SELECT (article_id, old_id) FROM pairs)
UNION ALL
SELECT article_id, 'added', name || ' (' || label || ')' FROM n
WHERE (article_id, entity_id) NOT IN (SELECT (article_id, new_id) FROM pairs)
"""

_REPORTS: tuple[tuple[str, str, tuple[str, ...], str], ...] = (
    ("summary", "What would change", ("Counts of each kind of change from OLD to NEW.",), _SUMMARY),
    ("articles_only_in_one", "Articles in only one warehouse", (),
     """SELECT CASE WHEN article_id IN (SELECT target FROM new_excluded) THEN 'excluded in new'
                    ELSE 'only in old' END AS side, published_date, source_path, headline FROM old_articles
        WHERE article_id NOT IN (SELECT article_id FROM new_articles)
        UNION ALL
        SELECT CASE WHEN article_id IN (SELECT target FROM old_excluded) THEN 'excluded in old'
                    ELSE 'only in new' END, published_date, source_path, headline FROM new_articles
        WHERE article_id NOT IN (SELECT article_id FROM old_articles)
        ORDER BY side, published_date, source_path"""),
    ("quotes_by_article", "Quote changes per article", ("Articles in both warehouses whose quotes differ.",),
     """SELECT a.source_path, a.headline,
               count(*) FILTER (change = 'added') AS added, count(*) FILTER (change = 'removed') AS removed,
               count(*) FILTER (change = 're-attributed') AS reattributed,
               count(*) FILTER (change = 're-typed') AS retyped, count(*) FILTER (change = 'corrected') AS corrected
        FROM quote_changes JOIN new_articles AS a USING (article_id)
        GROUP BY ALL ORDER BY added + removed + reattributed + retyped + corrected DESC, a.source_path"""),
    ("quote_changes", "Quotes added, removed, re-attributed, re-typed and corrected",
     ("re-attributed: old speaker -> new speaker; re-typed: old quote_type -> new; corrected: changed by a "
      "correction one warehouse holds (its id), not by the pipeline.",),
     """SELECT change, detail, text, a.source_path
        FROM quote_changes JOIN new_articles AS a USING (article_id)
        ORDER BY CASE change WHEN 're-attributed' THEN 0 WHEN 're-typed' THEN 1 WHEN 'removed' THEN 2
                             WHEN 'added' THEN 3 ELSE 4 END,
                 a.source_path, field, char_start"""),
    ("entity_changes", "Entities renamed, relabelled, merged, split, added, removed and corrected", (),
     """SELECT change, detail, a.source_path
        FROM entity_changes JOIN new_articles AS a USING (article_id)
        ORDER BY CASE change WHEN 'renamed' THEN 0 WHEN 'relabelled' THEN 1 WHEN 'merged' THEN 2
                             WHEN 'split' THEN 3 WHEN 'removed' THEN 4 WHEN 'added' THEN 5 ELSE 6 END,
                 a.source_path, detail"""),
    ("speakers_before_after", "Statements per speaker, before and after",
     (f"The {TOP_SPEAKERS} speakers with the most statements in either warehouse, counted as the standard "
      "reports count them: quotations and statements reported with a speech cue.",),
     f"""WITH o AS (SELECT speaker, count(*) AS n FROM old_quotes WHERE speaker IS NOT NULL AND {_STATEMENT}
                    GROUP BY speaker),
             n AS (SELECT speaker, count(*) AS n FROM new_quotes WHERE speaker IS NOT NULL AND {_STATEMENT}
                    GROUP BY speaker)
         SELECT speaker, coalesce(o.n, 0) AS before, coalesce(n.n, 0) AS after,
                coalesce(n.n, 0) - coalesce(o.n, 0) AS change
         FROM o FULL JOIN n USING (speaker)
         ORDER BY greatest(coalesce(o.n, 0), coalesce(n.n, 0)) DESC, speaker
         LIMIT {TOP_SPEAKERS}"""),
)


class CompareError(ValueError):
    """A warehouse that cannot be compared: names the path and the reason."""


def compare(old: Path, new: Path) -> list[Report]:
    """The comparison of the warehouses whose databases are `old` and `new` (news.duckdb files), as
    reports in reading order. Raises CompareError when either cannot be read."""
    con = duckdb.connect()
    people = {}
    try:
        for side, db in (("old", old), ("new", new)):
            tables, people[side] = _load(db)
            for view, columns in tables.items():
                con.register(f"{side}_{view}_arrow", columns)
                con.execute(f"CREATE TEMP TABLE {side}_{view} AS SELECT * FROM {side}_{view}_arrow")
                con.unregister(f"{side}_{view}_arrow")
            compare_corrections.register(con, side, compare_corrections.read_corrections(db))
        con.execute(_QUOTE_CHANGES)
        con.execute(_ENTITY_CHANGES)
        reports = []
        for name, title, notes, sql in _REPORTS:
            rel = con.execute(sql)
            columns = tuple(d[0] for d in rel.description)
            reports.append(Report(name, title, notes, columns, tuple(rel.fetchall())))
        regrouped = compare_people.regrouped(people["old"], people["new"])
        fixes = compare_corrections.only_in_one(con)
        summary = reports[0]
        more = compare_people.summary_rows(regrouped) + compare_corrections.summary_rows(fixes)
        reports[0] = dataclasses.replace(summary, rows=summary.rows + tuple(more))
        # people after entities, corrections last but for the headline counts
        return [*reports[:-1], regrouped, fixes, reports[-1]]
    finally:
        con.close()


def _load(db: Path) -> tuple[dict, list[tuple[str, str, str]]]:
    """The columns compare reads from each view of the database at `db`, as Arrow tables (a view's
    correction_id NULL when the warehouse predates corrections), and its people's names
    (compare_people.read_people)."""
    if not db.is_file():
        raise CompareError(f"no warehouse database at {db} (run `newsetl run` first)")
    try:
        con = duckdb.connect(str(db), read_only=True)
    except duckdb.Error as exc:
        raise CompareError(f"cannot open {db}: {' '.join(str(exc).split())}") from None
    try:
        tables = {}
        for view, columns in _READ.items():
            has = {c for (c,) in con.execute("SELECT column_name FROM duckdb_columns() WHERE table_name = ?",
                                             [view]).fetchall()}
            if view in _CORRECTED:
                columns += ", correction_id" if "correction_id" in has else ", NULL::VARCHAR AS correction_id"
            tables[view] = con.sql(f"SELECT {columns} FROM {view}").to_arrow_table()
        return tables, compare_people.read_people(con)
    except duckdb.Error as exc:  # not a newsetl warehouse, or one whose files are gone
        raise CompareError(f"cannot read {db}: {' '.join(str(exc).split())}") from None
    finally:
        con.close()


def counts(reports: Sequence[Report]) -> dict[tuple[str, str], int]:
    """(what, change) -> count, from the summary report: what tests and scripts check."""
    summary = next(r for r in reports if r.name == "summary")
    return {(what, change): n for what, change, n in summary.rows}
